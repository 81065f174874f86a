import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard, conditionKey } from '@shared/engine/scoring/compile'
import { metRows } from '@shared/engine/scoring/met-rows'
import { scoreCompiled, setCriterionPoints } from '@shared/engine/scoring/score'
import { buildHistograms } from '@shared/engine/simulation/histograms'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { RawClassCounts } from '@shared/engine/simulation/raw-class-counts'
import { simulate } from '@shared/engine/simulation/simulation'
import { conditionsOf, packMasks, packSimulation } from '@shared/engine/simulation/simulation-pack'
import { simulationReport, type SimulationRequest } from '@shared/engine/simulation/simulation-report'
import { WhatIfSession } from '@shared/engine/simulation/what-if-session'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { mulberry32, randomDataset, randomScorecard, withCreatedDates } from './engine-fixtures'

/**
 * The what-if session answers a points change incrementally (only the criterion's deals move,
 * counts per raw points are folded, the knockout backtest is kept). Whatever the edits, its
 * report must be exactly the one a full compile, score and simulate gives.
 */

function full(dataset: EngineDataset, scorecard: Scorecard, request: SimulationRequest) {
  const compiled = compileScorecard(scorecard, dataset)
  return simulationReport(simulate(prepareOutcome(dataset), compiled, scoreCompiled(compiled)), request)
}

function sessionFor(dataset: EngineDataset, scorecard: Scorecard): WhatIfSession {
  const compiled = compileScorecard(scorecard, dataset)
  const masks = packMasks(conditionsOf(scorecard), (c) => compiled.maskCache.get(conditionKey(c))!)
  return new WhatIfSession(packSimulation(dataset, dataset.outcome, masks))
}

/** One slider step or a burst of them: which criteria (by position, wrapped) get which points. */
const edit = fc.array(fc.record({ at: fc.nat(), points: fc.integer({ min: -60, max: 60 }) }), { minLength: 1, maxLength: 3 })

function applyEdit(scorecard: Scorecard, changes: ReadonlyArray<{ at: number; points: number }>): Scorecard {
  if (scorecard.criteria.length === 0) return scorecard
  const points = new Map(changes.map(({ at, points }) => [at % scorecard.criteria.length, points]))
  return { ...scorecard, criteria: scorecard.criteria.map((c, i) => (points.has(i) ? { ...c, points: points.get(i)! } : c)) }
}

describe('a points change in the what-if session', () => {
  it('gives exactly the report of a full rescore, for random data, scorecards and edits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 20, max: 400 }),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (seed, rows, edits, threshold, split) => {
          const random = mulberry32(seed)
          const dataset = withCreatedDates(randomDataset(random, rows), random)
          let scorecard = randomScorecard(random)
          const session = sessionFor(dataset, scorecard)
          const request: SimulationRequest = { outcome: 'won', threshold, ...(split ? { splitDate: '2024-06-15' } : {}) }
          expect(session.run(scorecard, request)).toEqual({ kind: 'report', report: full(dataset, scorecard, request), revision: 1 })
          for (const changes of edits) {
            scorecard = applyEdit(scorecard, changes)
            const answer = session.run(scorecard, request)
            expect(answer.kind === 'report' && answer.report).toEqual(full(dataset, scorecard, request))
          }
        }
      ),
      { numRuns: 150, seed: 18 }
    )
  })

  it('keeps the counts per raw points equal to a count of every deal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (seed, edits) => {
        const random = mulberry32(seed)
        const dataset = randomDataset(random, 300)
        const scorecard = randomScorecard(random)
        const view = prepareOutcome(dataset)
        const compiled = compileScorecard(scorecard, dataset)
        const scored = scoreCompiled(compiled)
        const counts = new RawClassCounts(view, scored)
        for (const changes of edits) {
          for (const { at, points } of changes) {
            if (compiled.criteria.length === 0) break
            const index = at % compiled.criteria.length
            const rows = metRows(compiled.criteria[index]!.mask)
            counts.remove(rows)
            setCriterionPoints(compiled, scored, index, points)
            counts.add(rows)
          }
          expect(buildHistograms(view, scored, counts)).toEqual(buildHistograms(view, scored))
          // And the raw points themselves match a rescore of the edited scorecard.
          expect(scored.raw).toEqual(scoreCompiled(compileScorecard(compiled.scorecard, dataset)).raw)
        }
      }),
      { numRuns: 150, seed: 19 }
    )
  })

  it('past the widest scale it keeps counts for, counts every deal, and takes the counts up again once back', () => {
    const random = mulberry32(23)
    const dataset = randomDataset(random, 300)
    let scorecard = randomScorecard(random)
    while (scorecard.criteria.length < 2) scorecard = randomScorecard(random)
    const session = sessionFor(dataset, scorecard)
    const request: SimulationRequest = { outcome: 'won', threshold: 40 }
    for (const points of [12, 1_500_000, -1_200_000, 7, 30]) {
      scorecard = applyEdit(scorecard, [{ at: 0, points }])
      const answer = session.run(scorecard, request)
      expect(answer.kind === 'report' && answer.report).toEqual(full(dataset, scorecard, request))
    }
  })

  it('lists exactly the deals a mask meets', () => {
    const random = mulberry32(7)
    for (const length of [0, 1, 9, 1000]) {
      const mask = Uint8Array.from({ length }, () => (random() < 0.3 ? 1 : 0))
      expect([...metRows(mask)]).toEqual([...mask.keys()].filter((i) => mask[i] === 1))
    }
  })
})
