import type { PaperSize } from '@shared/domain/one-pager'
import type { PrintContent } from '@shared/domain/print'

/**
 * How a host prints the one-pager page to PDF: the desktop app with Electron's printToPDF,
 * browser mode and the CLI with headless Chromium. Both load the renderer's own print route
 * (index.html?print=1) with the content handed in, so the React page is the one source of the
 * layout.
 */
export interface PrintResult {
  bytes: Uint8Array
  /** Blocks the page measured as reaching below the page's bottom margin (empty when it fits). */
  overflow: string[]
}

export type PdfPrinter = (content: PrintContent, paper: PaperSize) => Promise<PrintResult>

/** The global the print route reads its content from (set before the page's scripts run, or before the event below). */
export const PRINT_CONTENT_GLOBAL = '__ICP_PRINT_CONTENT__'
/** Fired on the print route's window after the global is set: render this content. */
export const PRINT_CONTENT_EVENT = 'icp-print-content'
/** Set by the print route on <html> once fonts are in and the page is measured. */
export const PRINT_STATE_ATTRIBUTE = 'data-print-state'
export const PRINT_OVERFLOW_ATTRIBUTE = 'data-print-overflow'
