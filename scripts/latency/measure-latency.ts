/**
 * Drives the open workspace like a consultant dragging a slider and reads the app's own
 * performance measures (src-renderer/what-if/latency-probe.ts): input -> headline
 * numbers in the DOM, and input -> the frame with every chart painted. Pointer moves come at
 * display rate (one per ~16 ms), as a real drag does. Shared by `npm run bench` and the
 * end-to-end latency test; timings are reported, never asserted.
 */
import type { Page } from 'playwright-core'

export interface LatencyStats {
  count: number
  p50: number
  p95: number
  max: number
}

export interface LatencyRun {
  /** Pointer moves that changed the value. */
  inputs: number
  numbers: LatencyStats
  paint: LatencyStats
  /** The worker's engine time per answered input. */
  compute: LatencyStats
}

function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
  const round = (n: number): number => Math.round(n * 10) / 10
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? NaN) }
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name)
}

/** Drags the range input `slider` from `from` to `to` (fractions of its width) and back, `steps` moves each way. */
async function dragAcross(page: Page, selector: string, from: number, to: number, steps: number): Promise<number> {
  const slider = page.locator(selector).first()
  await slider.scrollIntoViewIfNeeded()
  const box = await slider.boundingBox()
  if (!box) throw new Error(`${selector} is not visible`)
  const y = box.y + box.height / 2
  const xAt = (f: number): number => box.x + 10 + f * (box.width - 20)
  let inputs = 0
  let last = await slider.inputValue()
  await page.mouse.move(xAt(from), y)
  await page.mouse.down()
  for (const [a, b] of [
    [from, to],
    [to, from]
  ] as const) {
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(xAt(a + ((b - a) * i) / steps), y)
      await page.waitForTimeout(16)
      const now = await slider.inputValue()
      if (now !== last) inputs++
      last = now
    }
  }
  await page.mouse.up()
  return inputs
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600)
}

/** In the Simulate section: drags the threshold slider. */
export async function measureThresholdDrag(page: Page, steps = 60): Promise<LatencyRun> {
  await page.evaluate(() => performance.clearMeasures())
  const inputs = await dragAcross(page, 'input[type=range][aria-label="Threshold"]', 0.15, 0.9, steps)
  await settle(page)
  const numbers = await measures(page, 'icp:sim-numbers')
  const paint = await measures(page, 'icp:sim-paint')
  const compute = await measures(page, 'icp:sim-compute')
  return { inputs, numbers: stats(numbers), paint: stats(paint), compute: stats(compute) }
}

/** In the Scorecards section: drags the first criterion's points slider; the live figures follow. */
export async function measurePointsDrag(page: Page, steps = 40): Promise<LatencyRun> {
  await page.evaluate(() => performance.clearMeasures())
  const inputs = await dragAcross(page, 'input[type=range][aria-label^="Points slider for"]', 0.2, 0.8, steps)
  await settle(page)
  const numbers = await measures(page, 'icp:sim-numbers')
  const paint = await measures(page, 'icp:sim-paint')
  const compute = await measures(page, 'icp:sim-compute')
  return { inputs, numbers: stats(numbers), paint: stats(paint), compute: stats(compute) }
}
