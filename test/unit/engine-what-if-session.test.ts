import { describe, expect, it } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard, conditionKey } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { conditionsOf, packMask, packMasks, packSimulation, unpackMask } from '@shared/engine/simulation/simulation-pack'
import { simulationReport, type SimulationRequest } from '@shared/engine/simulation/simulation-report'
import { WhatIfSession } from '@shared/engine/simulation/what-if-session'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { mulberry32, randomDataset, randomInt, randomScorecard, withCreatedDates } from './engine-fixtures'

/** The backend's answer: compile against the full dataset, score, simulate. */
function direct(dataset: EngineDataset, scorecard: Scorecard, request: SimulationRequest) {
  const compiled = compileScorecard(scorecard, dataset)
  return simulationReport(simulate(prepareOutcome(dataset), compiled, scoreCompiled(compiled)), request)
}

/** A session the way the worker gets one: the pack travels as bytes through JSON-like copying. */
function sessionFor(dataset: EngineDataset, scorecard: Scorecard): WhatIfSession {
  const compiled = compileScorecard(scorecard, dataset)
  const masks = packMasks(conditionsOf(scorecard), (c) => compiled.maskCache.get(conditionKey(c))!)
  const pack = packSimulation(dataset, dataset.outcome, masks)
  // Bytes arrive at odd offsets after a transport; the session must cope.
  const shifted = (bytes: Uint8Array) => {
    const buffer = new Uint8Array(bytes.length + 3)
    buffer.set(bytes, 3)
    return buffer.subarray(3)
  }
  return new WhatIfSession({
    ...pack,
    amount: shifted(pack.amount),
    accountIndex: shifted(pack.accountIndex),
    ...(pack.createdAt ? { createdAt: shifted(pack.createdAt) } : {})
  })
}

describe('masks travel packed eight to a byte', () => {
  it('round-trips any mask', () => {
    const random = mulberry32(3)
    for (const length of [0, 1, 7, 8, 9, 1000]) {
      const mask = Uint8Array.from({ length }, () => (random() < 0.4 ? 1 : 0))
      expect(unpackMask(packMask(mask), length)).toEqual(mask)
    }
  })
})

describe('the what-if session answers exactly what the backend answers', () => {
  it('for random scorecards, thresholds, capacities and split dates, and after points and tier changes', () => {
    const random = mulberry32(41)
    // Created dates pick the deal that scores an account when the close date is missing: the pack carries them.
    const dates = mulberry32(42)
    for (let round = 0; round < 25; round++) {
      const dataset = withCreatedDates(randomDataset(random, randomInt(random, 50, 400)), dates)
      const scorecard = randomScorecard(random)
      const session = sessionFor(dataset, scorecard)
      const request: SimulationRequest = {
        outcome: 'won',
        threshold: randomInt(random, 0, 100),
        ...(random() < 0.3 ? { capacity: randomInt(random, 1, 50), threshold: undefined } : {}),
        ...(random() < 0.3 ? { splitDate: '2024-06-15' } : {})
      }
      const first = session.run(scorecard, request)
      expect(first).toMatchObject({ kind: 'report', report: direct(dataset, scorecard, request) })
      // Another threshold on the same scores: same revision, so charts may be kept.
      const moved = session.run(scorecard, { ...request, threshold: 50, capacity: undefined })
      expect(moved.kind === 'report' && first.kind === 'report' && moved.revision === first.revision).toBe(true)

      // Drag a points slider: each step is incremental inside the session.
      let edited = scorecard
      for (let step = 0; step < 4 && edited.criteria.length > 0; step++) {
        const index = randomInt(random, 0, edited.criteria.length - 1)
        edited = { ...edited, criteria: edited.criteria.map((c, i) => (i === index ? { ...c, points: randomInt(random, -20, 30) } : c)) }
        const answer = session.run(edited, request)
        expect(answer).toMatchObject({ kind: 'report', report: direct(dataset, edited, request) })
      }
      const retiered = {
        ...edited,
        tiers: [
          { name: 'Top', min: randomInt(random, 40, 95) },
          { name: 'Rest', min: 0 }
        ]
      }
      expect(session.run(retiered, request)).toMatchObject({ kind: 'report', report: direct(dataset, retiered, request) })
    }
  })

  it('asks for the masks of a condition it has not seen, and answers once given them', () => {
    const random = mulberry32(5)
    const dataset = randomDataset(random, 300)
    const scorecard = randomScorecard(random)
    const session = sessionFor(dataset, scorecard)
    const added: Scorecard = {
      ...scorecard,
      criteria: [...scorecard.criteria, { id: 'new', category: 'Firmographic', attribute: 'Employees', op: 'gt', value: 1234, points: 10 }]
    }
    const request: SimulationRequest = { outcome: 'won', threshold: 50 }
    const answer = session.run(added, request)
    expect(answer.kind).toBe('missing')
    if (answer.kind !== 'missing') return
    expect(answer.conditionKeys).toEqual(['["Employees","gt",null,null,null,1234]'])
    const compiled = compileScorecard(added, dataset)
    session.addMasks(
      packMasks(
        conditionsOf(added),
        (c) => compiled.criteria.find((e) => e.criterion === c)?.mask ?? compiled.knockouts.find((k) => k.knockout === c)!.mask
      )
    )
    expect(session.run(added, request)).toMatchObject({ kind: 'report', report: direct(dataset, added, request) })
  })
})
