import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { SimulationRequest } from '@shared/engine/simulation/simulation-report'
import type { PackedMask, SimulationPack } from '@shared/engine/simulation/simulation-pack'
import type { FromWorker, ToWorker } from './what-if-protocol'

export type WhatIfResult =
  | { kind: 'report'; report: SimulationReport; revision: number; computeMs: number }
  | { kind: 'missing'; conditionKeys: string[] }
  /** A newer run replaced this one before it was sent: its answer would be out of date anyway. */
  | { kind: 'superseded' }

interface Pending {
  scorecard: Scorecard
  request: SimulationRequest
  resolve: (result: WhatIfResult) => void
  reject: (error: Error) => void
}

/**
 * Talks to the what-if worker. At most one run is in the worker at a time and at most one
 * waits behind it (the newest): a slider sends dozens of steps a second and only the latest
 * matters, so intermediate steps are dropped instead of queued.
 */
export class WhatIfClient {
  private readonly worker: Worker
  private nextId = 1
  private inFlight: (Pending & { id: number }) | null = null
  private waiting: Pending | null = null

  constructor() {
    this.worker = new Worker(new URL('./what-if.worker.ts', import.meta.url), { type: 'module', name: 'what-if' })
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.answer(event.data)
  }

  load(pack: SimulationPack): void {
    this.post({ type: 'load', pack })
  }

  addMasks(masks: PackedMask[]): void {
    this.post({ type: 'masks', masks })
  }

  run(scorecard: Scorecard, request: SimulationRequest): Promise<WhatIfResult> {
    return new Promise((resolve, reject) => {
      this.waiting?.resolve({ kind: 'superseded' })
      this.waiting = { scorecard, request, resolve, reject }
      if (!this.inFlight) this.sendWaiting()
    })
  }

  dispose(): void {
    this.worker.terminate()
  }

  private post(message: ToWorker): void {
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
