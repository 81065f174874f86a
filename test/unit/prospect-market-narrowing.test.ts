import { describe, expect, it } from 'vitest'
import { defaultScorecard, type Criterion } from '@shared/engine/scorecard/model'
import { MET, NOT_MET, UNKNOWN_EMPTY } from '@shared/prospects/condition-verdicts'
import { prospectMarket } from '@shared/prospects/prospect-market'
import type { ProspectScoring } from '@shared/prospects/score-prospects'

const criterion = (id: string, attribute: string, points: number): Criterion =>
  ({ id, attribute, category: 'Firmographic', points, op: 'in', values: [id] }) as Criterion

describe('what narrows the market most', () => {
  it('is one line per attribute: a prospect fails revenue only when it meets none of its bins', () => {
    const scorecard = {
      ...defaultScorecard('Core'),
      criteria: [
        criterion('rev-a', 'Annual Revenue', 5),
        criterion('rev-b', 'Annual Revenue', 7),
        criterion('industry', 'Industry', 8),
        criterion('tiny', 'Employees', -3)
      ]
    }
    const v = (...codes: number[]) => Uint8Array.from(codes)
    const scoring = {
      scorecard,
      rowCount: 4,
      scored: { scores: v(80, 60, 10, 40), tiers: v(0, 1, 2, 2), knockedOutBy: Int32Array.from([-1, -1, -1, -1]) },
      best: v(80, 60, 10, 70),
      unknownCount: Uint16Array.from([0, 0, 0, 2]),
      criterionVerdicts: [
        v(MET, NOT_MET, NOT_MET, UNKNOWN_EMPTY),
        v(NOT_MET, MET, NOT_MET, UNKNOWN_EMPTY),
        v(MET, NOT_MET, NOT_MET, MET),
        v(NOT_MET, NOT_MET, MET, NOT_MET)
      ],
      knockoutVerdicts: []
    } as unknown as ProspectScoring
    const market = prospectMarket({
      scoring,
      mapping: [],
      source: 'apollo',
      fileName: 'list.csv',
      importedAt: '2026-12-05T00:00:00.000Z',
      threshold: 50,
      criterionWords: ['Revenue $10M–$50M', 'Revenue $50M–$100M', 'Industry is SaaS', 'Employees under 10'],
      knockoutWords: []
    })
    expect(market.narrowing.map(({ words, met, notMet, unknown }) => ({ words, met, notMet, unknown }))).toEqual([
      { words: 'Industry is SaaS', met: 2, notMet: 2, unknown: 0 },
      { words: 'Revenue $10M–$50M or Revenue $50M–$100M', met: 2, notMet: 1, unknown: 1 }
    ])
    expect(market.narrowing[1]!.unknownBy.empty).toBe(1)
    // Per criterion the figures stay as they are, for the criteria table.
    expect(market.criteria.find((c) => c.id === 'rev-a')).toMatchObject({ met: 1, notMet: 2, unknown: 1 })
  })
})
