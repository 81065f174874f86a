import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { PaperSize } from '@shared/domain/one-pager'
import type { PrintContent } from '@shared/domain/print'
import { AppError } from '../backend/app-error'
import {
  PRINT_CONTENT_EVENT,
  PRINT_CONTENT_GLOBAL,
  PRINT_OVERFLOW_ATTRIBUTE,
  PRINT_QUERY,
  PRINT_SEARCH,
  PRINT_STATE_ATTRIBUTE
} from '@shared/export/print-route'
import type { PdfPrinter } from '../backend/export/pdf-printer'
import type { AppOrigin } from './request-policy'

const READY_TIMEOUT_MS = 15_000

/**
 * The desktop app's PDF: a hidden, sandboxed window (no preload, so the page reaches no backend)
 * loads the renderer's print route, receives the content, and once the page reports it is
 * measured, Electron's printToPDF prints it at the paper the page's @page rule names.
 */
export function electronPrinter(origin: AppOrigin): PdfPrinter {
  return async (content: PrintContent, paper: PaperSize) => {
    const window = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick'
      }
    })
    try {
      if (origin.devServerUrl) await window.loadURL(`${origin.devServerUrl}${PRINT_SEARCH}`)
      else await window.loadFile(join(origin.rendererDir, 'index.html'), { query: { [PRINT_QUERY.name]: PRINT_QUERY.value } })
      const payload = JSON.stringify({ ...content, document: { ...content.document, paper } })
      const run = (script: string): Promise<unknown> => window.webContents.executeJavaScript(script)
      await run(
        `window[${JSON.stringify(PRINT_CONTENT_GLOBAL)}] = ${payload}; window.dispatchEvent(new Event(${JSON.stringify(PRINT_CONTENT_EVENT)})); true`
      )
      const deadline = Date.now() + READY_TIMEOUT_MS
      while ((await run(`document.documentElement.getAttribute(${JSON.stringify(PRINT_STATE_ATTRIBUTE)})`)) !== 'ready') {
        if (Date.now() > deadline) throw new AppError('INTERNAL', 'The one-pager page did not finish rendering for printing.')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const overflow = JSON.parse(
        String((await run(`document.documentElement.getAttribute(${JSON.stringify(PRINT_OVERFLOW_ATTRIBUTE)})`)) ?? '[]')
      ) as string[]
      const pdf = await window.webContents.printToPDF({
        pageSize: paper === 'a4' ? 'A4' : 'Letter',
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 }
      })
      return { bytes: new Uint8Array(pdf), overflow }
    } finally {
      window.destroy()
    }
  }
}
