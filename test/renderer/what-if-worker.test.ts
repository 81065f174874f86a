import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard, conditionKey } from '@shared/engine/scoring/compile'
import { conditionsOf, packMasks, packSimulation } from '@shared/engine/simulation/simulation-pack'
import { WhatIfSession } from '@shared/engine/simulation/what-if-session'
import type { FromWorker, ToWorker } from '../../src-renderer/what-if/what-if-protocol'
import { mulberry32, randomDataset, randomScorecard } from '../unit/engine-fixtures'

/**
 * The worker module itself (used for data past INLINE_MAX_DEALS), loaded into a stand-in of a
 * worker's global scope: what it answers to load, masks, run and unload.
 */
describe('what-if worker', () => {
  const replies: FromWorker[] = []
  let send: (message: ToWorker) => void

  beforeEach(async () => {
    replies.length = 0
    vi.resetModules()
    const scope = globalThis as unknown as { postMessage: unknown; onmessage: unknown }
    vi.stubGlobal('postMessage', (message: FromWorker) => replies.push(message))
    await import('../../src-renderer/what-if/what-if.worker')
    const handler = scope.onmessage as (event: { data: ToWorker }) => void
    send = (message) => handler({ data: message })
  })
  afterEach(() => vi.unstubAllGlobals())

  function fixture(): { pack: ReturnType<typeof packSimulation>; card: Scorecard } {
    const random = mulberry32(11)
    const dataset = randomDataset(random, 250)
    let card = randomScorecard(random)
    while (card.criteria.length < 2) card = randomScorecard(random)
    const compiled = compileScorecard(card, dataset)
    const masks = packMasks(conditionsOf(card), (c) => compiled.maskCache.get(conditionKey(c))!)
    return { pack: packSimulation(dataset, dataset.outcome, masks), card }
  }

  it('answers a run with the session report, and says so plainly before data is loaded or after it is unloaded', () => {
    const { pack, card } = fixture()
    send({ type: 'run', id: 1, scorecard: card, request: { outcome: 'won', threshold: 50 } })
    expect(replies[0]).toEqual({ type: 'error', id: 1, message: 'The simulation data is not loaded yet.' })

    send({ type: 'load', pack })
    send({ type: 'run', id: 2, scorecard: card, request: { outcome: 'won', threshold: 50 } })
    const want = new WhatIfSession(pack).run(card, { outcome: 'won', threshold: 50 })
    expect(want.kind).toBe('report')
    expect(replies[1]).toMatchObject({ type: 'report', id: 2, report: want.kind === 'report' ? want.report : null, revision: 1 })

    send({ type: 'unload' })
    send({ type: 'run', id: 3, scorecard: card, request: { outcome: 'won', threshold: 50 } })
    expect(replies[2]).toEqual({ type: 'error', id: 3, message: 'The simulation data is not loaded yet.' })
  })

  it('names the masks a run lacks, and answers once they are sent', () => {
    const { pack, card } = fixture()
    send({ type: 'load', pack: { ...pack, masks: [] } })
    send({ type: 'run', id: 1, scorecard: card, request: { outcome: 'won' } })
    expect(replies[0]).toMatchObject({ type: 'missing', id: 1 })
    expect((replies[0] as Extract<FromWorker, { type: 'missing' }>).conditionKeys.length).toBeGreaterThan(0)
    send({ type: 'masks', masks: pack.masks })
    send({ type: 'run', id: 2, scorecard: card, request: { outcome: 'won' } })
    expect(replies[1]).toMatchObject({ type: 'report', id: 2 })
  })
})
