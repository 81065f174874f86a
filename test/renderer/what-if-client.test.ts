import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { FromWorker, ToWorker } from '../../src-renderer/what-if/what-if-protocol'
import { WhatIfClient } from '../../src-renderer/what-if/what-if-client'

/** A stand-in for the module worker: records what it is sent, answers when the test says. */
class FakeWorker {
  static last: FakeWorker | null = null
  readonly sent: ToWorker[] = []
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null
  constructor() {
    FakeWorker.last = this
  }
  postMessage(message: ToWorker): void {
    this.sent.push(message)
  }
  terminate(): void {}
  answer(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>)
  }
  runs(): Array<Extract<ToWorker, { type: 'run' }>> {
    return this.sent.filter((m): m is Extract<ToWorker, { type: 'run' }> => m.type === 'run')
  }
}

const scorecard = (name: string) => ({ name }) as Scorecard
const report = (threshold: number) => ({ threshold }) as never

describe('what-if client: one run in the worker, the newest one waiting, the rest dropped', () => {
  beforeEach(() => vi.stubGlobal('Worker', FakeWorker))
  afterEach(() => vi.unstubAllGlobals())

  it('slider steps sent while a run is out: only the newest runs next, the others are superseded', async () => {
    const client = new WhatIfClient()
    const worker = FakeWorker.last!
    const first = client.run(scorecard('a'), { outcome: 'won', threshold: 10 })
    const second = client.run(scorecard('a'), { outcome: 'won', threshold: 11 })
    const third = client.run(scorecard('a'), { outcome: 'won', threshold: 12 })
    expect(worker.runs().map((r) => r.request.threshold)).toEqual([10])
    await expect(second).resolves.toEqual({ kind: 'superseded' })

    worker.answer({ type: 'report', id: worker.runs()[0]!.id, report: report(10), revision: 1, computeMs: 2 })
    await expect(first).resolves.toMatchObject({ kind: 'report', report: { threshold: 10 } })
    expect(worker.runs().map((r) => r.request.threshold)).toEqual([10, 12])

    worker.answer({ type: 'missing', id: worker.runs()[1]!.id, conditionKeys: ['Industry in SaaS'] })
    await expect(third).resolves.toEqual({ kind: 'missing', conditionKeys: ['Industry in SaaS'] })
  })

  it('an answer for a run that is not the one out is ignored; a worker error rejects that run only', async () => {
    const client = new WhatIfClient()
    const worker = FakeWorker.last!
    const run = client.run(scorecard('a'), { outcome: 'won', threshold: 50 })
    const id = worker.runs()[0]!.id
    worker.answer({ type: 'report', id: id + 100, report: report(1), revision: 1, computeMs: 1 })
    worker.answer({ type: 'error', id, message: 'The simulation data is not loaded yet.' })
    await expect(run).rejects.toThrow('not loaded yet')
    const next = client.run(scorecard('b'), { outcome: 'won', threshold: 60 })
    worker.answer({ type: 'report', id: worker.runs()[1]!.id, report: report(60), revision: 2, computeMs: 1 })
    await expect(next).resolves.toMatchObject({ kind: 'report', revision: 2 })
  })

  it('data and masks go to the worker in the order they were given, before the runs that need them', () => {
    const client = new WhatIfClient()
    const worker = FakeWorker.last!
    client.load({ rowCount: 0 } as never)
    client.addMasks([{ key: 'k', bits: new Uint8Array(0) }])
    void client.run(scorecard('a'), { outcome: 'won' })
    expect(worker.sent.map((m) => m.type)).toEqual(['load', 'masks', 'run'])
  })
})
