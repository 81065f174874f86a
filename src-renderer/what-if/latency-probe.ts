import { useLayoutEffect } from 'react'

/**
 * Performance measures from a user's input to its result on screen, read by the end-to-end
 * latency test and `npm run bench`: `icp:sim-numbers` when the headline figures are in the DOM,
 * `icp:sim-paint` after the frame that shows every chart was painted.
 */
export const NUMBERS_MEASURE = 'icp:sim-numbers'
export const PAINT_MEASURE = 'icp:sim-paint'
/** The worker's engine time alone (its duration is what counts). */
export const COMPUTE_MEASURE = 'icp:sim-compute'

// User-timing entries are kept until cleared: a day-long workshop must not grow them without end.
const KEEP = 5000
let recorded = 0

function measure(name: string, start: number, duration = performance.now() - start): void {
  if (++recorded > KEEP) {
    recorded = 0
    performance.clearMeasures()
  }
  performance.measure(name, { start, duration })
}

/** The worker's engine time (measured in the worker), recorded beside the screen's measures. */
export function recordCompute(inputAt: number, computeMs: number): void {
  measure(COMPUTE_MEASURE, inputAt, computeMs)
}

/** Measures input -> DOM when `result` (a new object per answer) is committed. */
export function useCommitMeasure(result: unknown, inputAt: number | null): void {
  useLayoutEffect(() => {
    if (inputAt !== null) measure(NUMBERS_MEASURE, inputAt)
  }, [result, inputAt])
}

/**
 * Measures input -> painted frame: a layout effect runs before the browser paints; the
 * animation frame callback runs before the next paint, and a message posted from it is
 * delivered after that paint.
 */
export function usePaintMeasure(result: unknown, inputAt: number | null): void {
  useLayoutEffect(() => {
    if (inputAt === null) return
    let cancelled = false
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        if (!cancelled) measure(PAINT_MEASURE, inputAt)
        channel.port1.close()
      }
      channel.port2.postMessage(null)
    })
    return () => {
      cancelled = true
      cancelAnimationFrame(frame)
    }
  }, [result, inputAt])
}
