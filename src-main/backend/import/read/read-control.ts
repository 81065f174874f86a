import type { ReadOptions } from './types'

/** Thrown when ReadOptions.isCancelled returns true; deliberately not an AppError. */
export class ReadCancelled extends Error {
  constructor() {
    super('Reading the file was cancelled.')
    this.name = 'ReadCancelled'
  }
}

const REPORT_EVERY_MS = 50

/**
 * Progress and cancellation for the long loops. Loops call tick() per row; the clock and the
 * callbacks are only consulted every few thousand ticks so the hot path stays a counter.
 */
export class ReadControl {
  private readonly onProgress: ReadOptions['onProgress']
  private readonly isCancelled: ReadOptions['isCancelled']
  private lastReport = 0
  private ticks = 0

  constructor(options: ReadOptions) {
    this.onProgress = options.onProgress
    this.isCancelled = options.isCancelled
  }

  /** Returns true every 4096th call, when the caller should call check() with its position. */
  tick(): boolean {
    return (++this.ticks & 4095) === 0
  }

  /** For points between phases, where there is no position to report. */
  throwIfCancelled(): void {
    if (this.isCancelled?.() === true) throw new ReadCancelled()
  }

  /** `rows`: data rows read so far, from a reader that counts them itself (csv-columns.ts). */
  check(done: number, total: number, rows?: number): void {
    this.throwIfCancelled()
    if (this.onProgress === undefined) return
    const now = Date.now()
    if (now - this.lastReport < REPORT_EVERY_MS) return
    this.lastReport = now
    this.onProgress(done, total, rows)
  }

  /** The same cancellation without progress: for a pass over rows already reported. */
  silent(): ReadControl {
    return new ReadControl({ isCancelled: this.isCancelled })
  }

  /** The final report, always delivered so a progress bar ends full. */
  done(total: number): void {
    this.onProgress?.(total, total)
  }
}
