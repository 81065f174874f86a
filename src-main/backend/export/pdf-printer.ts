import type { PaperSize } from '@shared/domain/one-pager'
import type { PrintContent } from '@shared/domain/print'

/**
 * How a host prints the one-pager page to PDF: the desktop app with Electron's printToPDF,
 * browser mode and the CLI with headless Chromium. Both load the renderer's own print route
 * (index.html?print=1) with the content handed in, so the React page is the one source of the
 * layout. The route's names are in shared/export/print-route.ts, used by the page and both printers.
 */
export interface PrintResult {
  bytes: Uint8Array
  /** Blocks the page measured as reaching below the page's bottom margin (empty when it fits). */
  overflow: string[]
}

export type PdfPrinter = (content: PrintContent, paper: PaperSize) => Promise<PrintResult>
