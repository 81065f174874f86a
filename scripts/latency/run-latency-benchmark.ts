/**
 * `npm run bench`'s live-update figures: a 100,000-deal workspace in browser mode, driven in
 * Chromium (the system's, else npm's) the way a consultant drags the sliders (see
 * measure-latency.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from '../../src-main/backend/export/chromium-path'
import { buildRendererIfStale, startHost } from '../web-host-process'
import { makeLargeWorkspace } from './large-workspace'
import { measurePointsDrag, measureThresholdDrag, type LatencyRun } from './measure-latency'

export interface LatencyBenchmark {
  deals: number
  threshold: LatencyRun
  points: LatencyRun
}

export async function runLatencyBenchmark(deals: number): Promise<LatencyBenchmark> {
  const { executablePath, env } = findChromium()
  buildRendererIfStale()
  const dataDir = mkdtempSync(join(tmpdir(), 'icp-latency-'))
  await makeLargeWorkspace(join(dataDir, 'latency.icpw'), deals)
  const host = await startHost(dataDir)
  const browser = await chromium.launch({ executablePath, args: chromiumArgs('loopback'), ...(env ? { env } : {}) })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(host.url)
    await page.getByRole('button', { name: /Open workspace/ }).click()
    await page
      .getByRole('dialog', { name: 'Open workspace' })
      .getByRole('button', { name: /latency\.icpw/ })
      .click()
    await page.locator('#section-title').waitFor({ timeout: 60_000 })
    await page.keyboard.press('Alt+4')
    await page.locator('#section-title', { hasText: 'Simulate' }).waitFor()
    await page
      .getByRole('group', { name: 'Deals passing' })
      .getByText(/\d+\.\d%/)
      .first()
      .waitFor({ timeout: 120_000 })
    const threshold = await measureThresholdDrag(page)
    await page.keyboard.press('Alt+3')
    await page.locator('#section-title', { hasText: 'Scorecards' }).waitFor()
    await page.getByRole('region', { name: 'Live figures' }).getByRole('group', { name: 'Deals passing' }).waitFor({ timeout: 120_000 })
    const points = await measurePointsDrag(page)
    return { deals, threshold, points }
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
