import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import type { PaperSize } from '@shared/domain/one-pager'
import type { PrintContent } from '@shared/domain/print'
import { AppError } from '../app-error'
import { builtRendererDir } from '../app-paths'
import { chromiumArgs, findChromium } from './chromium-path'
import type { Browser, Page } from 'playwright-core'
import {
  PRINT_CONTENT_EVENT,
  PRINT_CONTENT_GLOBAL,
  PRINT_OVERFLOW_ATTRIBUTE,
  PRINT_SEARCH,
  PRINT_STATE_ATTRIBUTE
} from '@shared/export/print-route'
import type { PdfPrinter } from './pdf-printer'

/**
 * A made-up origin the page is loaded from: every request to it is answered from the built
 * renderer on disk by Playwright's router, and every other request is aborted, so printing
 * needs no server, no port and no network.
 */
const ORIGIN = 'http://one-pager.icp.invalid'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json'
}

async function rendererFile(rendererDir: string, pathname: string): Promise<Buffer | null> {
  const root = resolve(rendererDir)
  const file = resolve(root, `.${decodeURIComponent(pathname)}`)
  if (file !== root && !file.startsWith(root + sep)) return null
  try {
    return await readFile(file)
  } catch {
    return null
  }
}

interface PrintPage {
  browser: Browser
  page: Page
}

/** Chromium with the print route loaded, waiting for content (no server, no port, no network). */
async function openPrintPage(rendererDir: string): Promise<PrintPage> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new AppError(
      'NOT_SUPPORTED',
      `The one-pager page is not built (no ${join(rendererDir, 'index.html')}); run "npm run build" first.`
    )
  }
  // Loaded on first use: the desktop app prints with Electron and never needs it.
  const { chromium } = await import('playwright-core')
  const { executablePath, env } = findChromium()
  const browser = await chromium.launch({ executablePath, args: chromiumArgs('nothing'), headless: true, ...(env ? { env } : {}) })
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } })
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== ORIGIN) return route.abort('blockedbyclient')
      const body = await rendererFile(rendererDir, url.pathname)
      if (!body) return route.fulfill({ status: 404, body: 'Not found' })
      return route.fulfill({ status: 200, body, contentType: TYPES[extname(url.pathname)] ?? 'application/octet-stream' })
    })
    await page.emulateMedia({ media: 'print' })
    await page.goto(`${ORIGIN}/index.html${PRINT_SEARCH}`)
    return { browser, page }
  } catch (error) {
    await browser.close()
    throw error
  }
}

/** Hands the content to the open print route, waits until it is laid out, and prints it. */
async function printOn({ page }: PrintPage, content: PrintContent, paper: PaperSize) {
  await page.evaluate(
    ([name, event, value]) => {
      const page = globalThis as unknown as Record<string, unknown> & { dispatchEvent(event: Event): boolean }
      page[name] = value
      page.dispatchEvent(new Event(event))
    },
    [PRINT_CONTENT_GLOBAL, PRINT_CONTENT_EVENT, { ...content, document: { ...content.document, paper } }] as const
  )
  await page.waitForSelector(`html[${PRINT_STATE_ATTRIBUTE}="ready"]`, { timeout: 15_000 })
  const overflow = JSON.parse((await page.getAttribute('html', PRINT_OVERFLOW_ATTRIBUTE)) ?? '[]') as string[]
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: paper === 'a4' ? 'A4' : 'Letter' })
  return { bytes: new Uint8Array(pdf), overflow }
}

export interface ChromiumPrinterOptions {
  /**
   * Keep Chromium and the loaded print route open this long after a print, so the next export
   * skips the launch and the page load (about 3 of a cold export's 4-5 s). A long-running host
   * (browser mode) keeps it warm; the CLI prints once and closes at once (0, the default), so
   * the process can exit.
   */
  keepWarmMs?: number
}

export type ChromiumPrinter = PdfPrinter & {
  /** Closes a Chromium kept warm (nothing to do otherwise). */
  close(): Promise<void>
}

/** Headless Chromium through playwright-core: browser mode and the CLI. */
export function chromiumPrinter(rendererDir: string = builtRendererDir(), options: ChromiumPrinterOptions = {}): ChromiumPrinter {
  const keepWarmMs = options.keepWarmMs ?? 0
  let open: Promise<PrintPage> | null = null
  let idle: NodeJS.Timeout | null = null
  // One page prints one document at a time; concurrent exports wait their turn.
  let turn: Promise<unknown> = Promise.resolve()

  const close = async (): Promise<void> => {
    if (idle) clearTimeout(idle)
    idle = null
    const closing = open
    open = null
    const session = await closing?.catch(() => null)
    await session?.browser.close().catch(() => undefined)
  }

  const print = async (content: PrintContent, paper: PaperSize) => {
    if (idle) clearTimeout(idle)
    idle = null
    if (!open) {
      const opening = openPrintPage(rendererDir)
      open = opening
      opening
        .then((session) =>
          session.browser.on('disconnected', () => {
            if (open === opening) open = null
          })
        )
        .catch(() => undefined)
    }
    let result: Awaited<ReturnType<typeof printOn>>
    try {
      result = await printOn(await open, content, paper)
    } catch (error) {
      // A page that failed once is not trusted with the next document.
      await close()
      throw error
    }
    if (keepWarmMs <= 0) await close()
    else {
      idle = setTimeout(() => void close(), keepWarmMs)
      idle.unref()
    }
    return result
  }

  const printer = (content: PrintContent, paper: PaperSize) => {
    const result = turn.then(() => print(content, paper))
    turn = result.catch(() => undefined)
    return result
  }
  return Object.assign(printer, { close })
}
