import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import type { OnePagerContent, PaperSize } from '@shared/domain/one-pager'
import { AppError } from '../app-error'
import { builtRendererDir } from '../app-paths'
import { chromiumArgs, findChromium } from './chromium-path'
import { PRINT_CONTENT_GLOBAL, PRINT_OVERFLOW_ATTRIBUTE, PRINT_STATE_ATTRIBUTE, type PdfPrinter } from './pdf-printer'

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

/** Headless Chromium through playwright-core: browser mode and the CLI. */
export function chromiumPrinter(rendererDir: string = builtRendererDir()): PdfPrinter {
  return async (content: OnePagerContent, paper: PaperSize) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new AppError('NOT_SUPPORTED', `The one-pager page is not built (no ${join(rendererDir, 'index.html')}); run "npm run build" first.`)
    }
    const { executablePath, env } = findChromium()
    // Loaded on first use: the desktop app prints with Electron and never needs it.
    const { chromium } = await import('playwright-core')
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
      await page.addInitScript(
        ([name, value]) => {
          ;(globalThis as unknown as Record<string, unknown>)[name] = value
        },
        [PRINT_CONTENT_GLOBAL, { ...content, document: { ...content.document, paper } }] as const
      )
      await page.emulateMedia({ media: 'print' })
      await page.goto(`${ORIGIN}/index.html?print=1`)
      await page.waitForSelector(`html[${PRINT_STATE_ATTRIBUTE}="ready"]`, { timeout: 15_000 })
      const overflow = JSON.parse((await page.getAttribute('html', PRINT_OVERFLOW_ATTRIBUTE)) ?? '[]') as string[]
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: paper === 'a4' ? 'A4' : 'Letter' })
      return { bytes: new Uint8Array(pdf), overflow }
    } finally {
      await browser.close()
    }
  }
}
