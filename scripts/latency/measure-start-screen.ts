/**
 * Start-up of browser mode as a user meets it: a fresh tab on the host's URL until the start
 * screen's heading is painted. Reported by `npm run bench` (median of several loads), so a
 * bigger renderer bundle or an eager section shows as a number, not a feeling.
 */
import { chromium } from 'playwright-core'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumArgs, findChromium } from '../../src-main/backend/export/chromium-path'
import { ROOT, startHost } from '../web-host-process'

export interface StartScreenRun {
  /** Median ms from navigation start to the first contentful paint. */
  firstPaintMs: number
  /** Median ms from navigation start until the start screen's heading is in the page. */
  startScreenMs: number
  runs: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function measureStartScreen(runs = 5): Promise<StartScreenRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icp-start-'))
  const host = await startHost(dataDir)
  const { executablePath, env } = findChromium()
  const browser = await chromium.launch({ executablePath, args: chromiumArgs('loopback'), ...(env ? { env } : {}) })
  const paints: number[] = []
  const screens: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      // A new context each time: nothing cached from the previous load.
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(host.url)
      await page.getByRole('heading', { name: 'ICP Workbench', level: 1 }).waitFor()
      const shown = await page.evaluate(() => performance.now())
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN)
      paints.push(paint)
      screens.push(shown)
      await context.close()
    }
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { firstPaintMs: median(paints), startScreenMs: median(screens), runs }
}

/** Bytes of the built renderer's JavaScript: everything, and what the start screen loads. */
export function rendererBundleBytes(): { totalJs: number; files: number } {
  const dir = join(ROOT, 'out', 'renderer', 'assets')
  let totalJs = 0
  let files = 0
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.js')) continue
    totalJs += statSync(join(dir, name)).size
    files += 1
  }
  return { totalJs, files }
}

if (process.argv[1] && /measure-start-screen/.test(process.argv[1])) {
  void measureStartScreen(Number(process.argv[2] ?? 5)).then((result) => {
    console.log(JSON.stringify({ ...result, bundle: rendererBundleBytes() }))
  })
}
