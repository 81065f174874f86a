import type { Scorecard } from '@shared/engine/scorecard/model'
import type { SimulationRequest } from '@shared/engine/simulation/simulation-report'
import type { PackedMask, SimulationPack } from '@shared/engine/simulation/simulation-pack'
import { WhatIfSession } from '@shared/engine/simulation/what-if-session'
import { timedRun, type TimedAnswer } from './timed-run'
import type { FromWorker, ToWorker } from './what-if-protocol'

export type WhatIfResult =
  | TimedAnswer
  /** A newer run replaced this one before it was sent: its answer would be out of date anyway. */
  | { kind: 'superseded' }

interface Pending {
  scorecard: Scorecard
  request: SimulationRequest
  resolve: (result: WhatIfResult) => void
  reject: (error: Error) => void
}

/**
 * Up to this many deals the engine runs on the page itself. Slider input is handled inside a
 * frame (Chromium aligns it to animation frames), so a worker's answer, however quick, waits
 * for that frame's layout and paint (4-7 ms on a 2-core laptop) and shows a frame later. A
 * points step costs the engine about 1 ms per 100,000 deals (2-2.7 ms at 250,000 in Node on
 * that laptop), a threshold step a quarter of that: below this size, computing in the input's
 * own task puts the figures on screen sooner than the round trip could. Larger data stays in
 * the worker, so a drag never blocks the page for longer than a frame.
 */
export const INLINE_MAX_DEALS = 250_000

/**
 * Runs what-ifs: on the page for data up to `INLINE_MAX_DEALS` deals, otherwise in the
 * what-if worker. There, at most one run is out at a time and at most one waits behind it (the
 * newest): a slider sends dozens of steps a second and only the latest matters, so
 * intermediate steps are dropped instead of queued.
 */
export class WhatIfClient {
  private worker: Worker | null = null
  /** The engine on the page, when the loaded data is small enough (see INLINE_MAX_DEALS). */
  private inline: WhatIfSession | null = null
  private nextId = 1
  private inFlight: (Pending & { id: number }) | null = null
  private waiting: Pending | null = null

  /** Whether the loaded data is simulated on the page rather than in the worker. */
  get runsInline(): boolean {
    return this.inline !== null
  }

  load(pack: SimulationPack): void {
    if (pack.rowCount <= INLINE_MAX_DEALS) {
      this.inline = new WhatIfSession(pack)
      // A worker holding an earlier, larger pack lets it go, and a run waiting for it never goes.
      this.waiting?.resolve({ kind: 'superseded' })
      this.waiting = null
      if (this.worker) this.post({ type: 'unload' })
      return
    }
    this.inline = null
    this.post({ type: 'load', pack })
  }

  addMasks(masks: PackedMask[]): void {
    if (this.inline) this.inline.addMasks(masks)
    else this.post({ type: 'masks', masks })
  }

  run(scorecard: Scorecard, request: SimulationRequest): Promise<WhatIfResult> {
    this.waiting?.resolve({ kind: 'superseded' })
    this.waiting = null
    if (this.inline) {
      try {
        return Promise.resolve(timedRun(this.inline, scorecard, request))
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
    return new Promise((resolve, reject) => {
      this.waiting = { scorecard, request, resolve, reject }
      if (!this.inFlight) this.sendWaiting()
    })
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    this.inline = null
  }

  private post(message: ToWorker): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('./what-if.worker.ts', import.meta.url), { type: 'module', name: 'what-if' })
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.answer(event.data)
    }
    this.worker.postMessage(message)
  }

  private sendWaiting(): void {
    const next = this.waiting
    if (!next) return
    this.waiting = null
    const id = this.nextId++
    this.inFlight = { ...next, id }
    this.post({ type: 'run', id, scorecard: next.scorecard, request: next.request })
  }

  private answer(message: FromWorker): void {
    const current = this.inFlight
    if (!current || current.id !== message.id) return
    this.inFlight = null
    if (message.type === 'report')
      current.resolve({ kind: 'report', report: message.report, revision: message.revision, computeMs: message.computeMs })
    else if (message.type === 'missing') current.resolve({ kind: 'missing', conditionKeys: message.conditionKeys })
    else current.reject(new Error(message.message))
    this.sendWaiting()
  }
}
