import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { FromWorker, ToWorker } from '../../src-renderer/what-if/what-if-protocol'
import { INLINE_MAX_DEALS, WhatIfClient } from '../../src-renderer/what-if/what-if-client'
import { compileScorecard, conditionKey } from '@shared/engine/scoring/compile'
import { conditionsOf, packMasks, packSimulation, type SimulationPack } from '@shared/engine/simulation/simulation-pack'
import { WhatIfSession } from '@shared/engine/simulation/what-if-session'
import { mulberry32, randomDataset, randomScorecard } from '../unit/engine-fixtures'

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

// Every test runs against the stand-in worker: none may start a real one.
beforeEach(() => {
  FakeWorker.last = null
  vi.stubGlobal('Worker', FakeWorker)
})
afterEach(() => vi.unstubAllGlobals())

describe('what-if client: one run in the worker, the newest one waiting, the rest dropped', () => {
  it('slider steps sent while a run is out: only the newest runs next, the others are superseded', async () => {
    const client = new WhatIfClient()
    const first = client.run(scorecard('a'), { outcome: 'won', threshold: 10 })
    const worker = FakeWorker.last!
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
    const run = client.run(scorecard('a'), { outcome: 'won', threshold: 50 })
    const worker = FakeWorker.last!
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
    client.load({ rowCount: INLINE_MAX_DEALS + 1 } as never)
    client.addMasks([{ key: 'k', bits: new Uint8Array(0) }])
    void client.run(scorecard('a'), { outcome: 'won' })
    expect(FakeWorker.last!.sent.map((m) => m.type)).toEqual(['load', 'masks', 'run'])
    expect(client.runsInline).toBe(false)
  })
})

/** A real pack of `rows` deals and a scorecard whose masks it carries (`withMasks`) or not. */
function packFor(rows: number, withMasks = true): { pack: SimulationPack; card: Scorecard } {
  const random = mulberry32(rows)
  const dataset = randomDataset(random, rows)
  let card = randomScorecard(random)
  while (card.criteria.length < 2) card = randomScorecard(random)
  const compiled = compileScorecard(card, dataset)
  const masks = withMasks ? packMasks(conditionsOf(card), (c) => compiled.maskCache.get(conditionKey(c))!) : []
  return { pack: packSimulation(dataset, dataset.outcome, masks), card }
}

describe('what-if client: data up to INLINE_MAX_DEALS deals is simulated on the page', () => {
  it('answers in the same task with the report the engine in the worker would give, and starts no worker', async () => {
    const { pack, card } = packFor(300)
    const client = new WhatIfClient()
    client.load(pack)
    expect(client.runsInline).toBe(true)
    const expected = new WhatIfSession(pack)
    const stepped = { ...card, criteria: card.criteria.map((c, i) => (i === 0 ? { ...c, points: c.points + 7 } : c)) }
    for (const [each, threshold] of [
      [card, 40],
      [card, 55],
      [stepped, 55]
    ] as const) {
      const answer = await client.run(each, { outcome: 'won', threshold })
      const want = expected.run(each, { outcome: 'won', threshold })
      expect(answer).toMatchObject({
        kind: 'report',
        report: want.kind === 'report' ? want.report : null,
        revision: want.kind === 'report' ? want.revision : -1
      })
    }
    expect(FakeWorker.last).toBeNull()
  })

  it('asks for the masks it lacks, takes them on the page, then answers', async () => {
    const { pack, card } = packFor(200, false)
    const { pack: withMasks } = packFor(200)
    const client = new WhatIfClient()
    client.load(pack)
    const first = await client.run(card, { outcome: 'won', threshold: 50 })
    expect(first.kind).toBe('missing')
    client.addMasks(withMasks.masks)
    await expect(client.run(card, { outcome: 'won', threshold: 50 })).resolves.toMatchObject({ kind: 'report' })
    expect(FakeWorker.last).toBeNull()
  })

  it('an engine error rejects that run and the next one still answers', async () => {
    const { pack, card } = packFor(150)
    const client = new WhatIfClient()
    client.load(pack)
    const broken = { ...card, tiers: null } as unknown as Scorecard
    await expect(client.run(broken, { outcome: 'won', threshold: 50 })).rejects.toThrow()
    await expect(client.run(card, { outcome: 'won', threshold: 50 })).resolves.toMatchObject({ kind: 'report' })
  })

  it('data past the limit goes to the worker; smaller data after it frees the copy in the worker and drops its waiting run', async () => {
    const client = new WhatIfClient()
    client.load({ rowCount: INLINE_MAX_DEALS + 1 } as never)
    expect(client.runsInline).toBe(false)
    const worker = FakeWorker.last!
    void client.run(scorecard('a'), { outcome: 'won', threshold: 10 })
    const waiting = client.run(scorecard('a'), { outcome: 'won', threshold: 11 })
    const { pack, card } = packFor(INLINE_MAX_DEALS > 400 ? 400 : INLINE_MAX_DEALS)
    client.load(pack)
    await expect(waiting).resolves.toEqual({ kind: 'superseded' })
    expect(worker.sent.map((m) => m.type)).toEqual(['load', 'run', 'unload'])
    // The worker's late answer to the old run sends nothing more.
    worker.answer({ type: 'report', id: worker.runs()[0]!.id, report: report(10), revision: 1, computeMs: 1 })
    expect(worker.sent.map((m) => m.type)).toEqual(['load', 'run', 'unload'])
    await expect(client.run(card, { outcome: 'won', threshold: 50 })).resolves.toMatchObject({ kind: 'report' })
    expect(worker.runs()).toHaveLength(1)
  })
})
