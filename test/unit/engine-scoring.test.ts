import { describe, expect, it } from 'vitest'
import type { Condition, Criterion } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { conditionMask } from '@shared/engine/scoring/condition-mask'
import { explainRow } from '@shared/engine/scoring/explain'
import { scaleScore, scoreScale } from '@shared/engine/scoring/scale'
import { scoreCompiled, setCriterionPoints, setTiers } from '@shared/engine/scoring/score'
import { tierLookup, tierRange } from '@shared/engine/scoring/tiers'
import { booleanColumn, categoryColumn, makeDataset, multiColumn, numberColumn, scorecardWith, TOOLS } from './engine-fixtures'

//  row  Industry   Employees  Uses CRM  Tech stack
//   0   Software       10      true     Salesforce, Slack
//   1   Retail         51      false    HubSpot
//   2   (missing)     200      (missing) (missing)
//   3   Banking    (missing)   true     (empty list)
//   4   Software     5000      false    Salesforce, HubSpot, Slack
//   5   Retail        201      true     Slack
const dataset = makeDataset({
  outcome: [1, 0, 1, 0, 1, -1],
  attributes: {
    Industry: categoryColumn(['Software', 'Retail', null, 'Banking', 'Software', 'Retail']),
    Employees: numberColumn([10, 51, 200, null, 5000, 201]),
    'Uses CRM': booleanColumn([true, false, null, true, false, true]),
    'Tech stack': multiColumn([['Salesforce', 'Slack'], ['HubSpot'], null, [], ['Salesforce', 'HubSpot', 'Slack'], ['Slack']])
  }
})

const mask = (condition: Condition): number[] =>
  Array.from(conditionMask(dataset.attributes.get(condition.attribute), condition, dataset.rowCount))

describe('conditions (every op; missing values match only is_missing)', () => {
  it('category: in, not_in, is_missing', () => {
    expect(mask({ attribute: 'Industry', op: 'in', values: ['Software', 'Retail'] })).toEqual([1, 1, 0, 0, 1, 1])
    expect(mask({ attribute: 'Industry', op: 'in', values: ['Mining'] })).toEqual([0, 0, 0, 0, 0, 0])
    expect(mask({ attribute: 'Industry', op: 'not_in', values: ['Software'] })).toEqual([0, 1, 0, 1, 0, 1])
    expect(mask({ attribute: 'Industry', op: 'is_missing' })).toEqual([0, 0, 1, 0, 0, 0])
  })

  it('number: between (inclusive, open-ended), lt, gt, is_missing', () => {
    expect(mask({ attribute: 'Employees', op: 'between', min: 51, max: 200 })).toEqual([0, 1, 1, 0, 0, 0])
    expect(mask({ attribute: 'Employees', op: 'between', min: 201, max: null })).toEqual([0, 0, 0, 0, 1, 1])
    expect(mask({ attribute: 'Employees', op: 'between', min: null, max: 51 })).toEqual([1, 1, 0, 0, 0, 0])
    expect(mask({ attribute: 'Employees', op: 'lt', value: 51 })).toEqual([1, 0, 0, 0, 0, 0])
    expect(mask({ attribute: 'Employees', op: 'gt', value: 200 })).toEqual([0, 0, 0, 0, 1, 1])
    expect(mask({ attribute: 'Employees', op: 'is_missing' })).toEqual([0, 0, 0, 1, 0, 0])
  })

  it('boolean: is_true, is_false, is_missing', () => {
    expect(mask({ attribute: 'Uses CRM', op: 'is_true' })).toEqual([1, 0, 0, 1, 0, 1])
    expect(mask({ attribute: 'Uses CRM', op: 'is_false' })).toEqual([0, 1, 0, 0, 1, 0])
    expect(mask({ attribute: 'Uses CRM', op: 'is_missing' })).toEqual([0, 0, 1, 0, 0, 0])
  })

  it('multi: contains_any, contains_all, is_missing (an empty list is not missing)', () => {
    expect(mask({ attribute: 'Tech stack', op: 'contains_any', values: ['Salesforce', 'HubSpot'] })).toEqual([1, 1, 0, 0, 1, 0])
    expect(mask({ attribute: 'Tech stack', op: 'contains_any', values: ['Pipedrive', 'Slack'] })).toEqual([1, 0, 0, 0, 1, 1])
    expect(mask({ attribute: 'Tech stack', op: 'contains_all', values: ['Salesforce', 'Slack'] })).toEqual([1, 0, 0, 0, 1, 0])
    expect(mask({ attribute: 'Tech stack', op: 'contains_all', values: ['Salesforce', 'Pipedrive'] })).toEqual([0, 0, 0, 0, 0, 0])
    expect(mask({ attribute: 'Tech stack', op: 'is_missing' })).toEqual([0, 0, 1, 0, 0, 0])
  })

  it('multi: items past the first 32 (two words per deal)', () => {
    const wide = multiColumn([['Tool1', 'Tool35'], ['Tool35'], ['Tool39', 'Tool0'], null], TOOLS)
    expect(wide.kind === 'multi' && wide.wordsPerRow).toBe(2)
    const of = (condition: Condition): number[] => Array.from(conditionMask(wide, condition, 4))
    expect(of({ attribute: 'x', op: 'contains_any', values: ['Tool35'] })).toEqual([1, 1, 0, 0])
    expect(of({ attribute: 'x', op: 'contains_all', values: ['Tool1', 'Tool35'] })).toEqual([1, 0, 0, 0])
    expect(of({ attribute: 'x', op: 'contains_all', values: ['Tool0', 'Tool39'] })).toEqual([0, 0, 1, 0])
    expect(of({ attribute: 'x', op: 'contains_any', values: ['Tool31', 'Tool39'] })).toEqual([0, 0, 1, 0])
  })

  it('matches nothing, and says so, for an absent attribute or an op that does not fit', () => {
    const compiled = compileScorecard(
      scorecardWith([
        { id: 'a', category: 'Firmographic', attribute: 'Industy', op: 'in', values: ['Retail'], points: 5 },
        { id: 'b', category: 'Firmographic', attribute: 'Industry', op: 'lt', value: 3, points: 5 }
      ]),
      dataset
    )
    expect(compiled.criteria.map((c) => c.matches)).toEqual([0, 0])
    expect(compiled.problems).toEqual([
      '"Industy is Retail" names an attribute this workspace lacks; it matches no deal',
      '"Industry < 3" does not apply to a category attribute; it matches no deal'
    ])
  })
})

describe('score scale', () => {
  it('runs from the sum of negative to the sum of positive points, per attribute clipped by its cap', () => {
    const criteria = [
      { attribute: 'A', points: 20 },
      { attribute: 'A', points: 15 },
      { attribute: 'A', points: -30 },
      { attribute: 'B', points: -10 },
      { attribute: 'B', points: -10 },
      { attribute: 'C', points: 5 }
    ]
    expect(scoreScale(criteria)).toEqual({ min: -50, max: 40 })
    expect(
      scoreScale(criteria, [
        { attribute: 'A', cap: 25 },
        { attribute: 'B', cap: 15 }
      ])
    ).toEqual({ min: -40, max: 30 })
    expect(scoreScale([])).toEqual({ min: 0, max: 0 })
  })

  it('maps raw points to whole scores, halves up, clamped', () => {
    const scale = { min: 0, max: 8 }
    expect([0, 1, 2, 3, 4, 7, 8].map((raw) => scaleScore(raw, scale))).toEqual([0, 13, 25, 38, 50, 88, 100])
    expect(scaleScore(-5, scale)).toBe(0)
    expect(scaleScore(20, scale)).toBe(100)
    expect(scaleScore(-10, { min: -10, max: 55 })).toBe(0)
    expect(scaleScore(40, { min: -10, max: 55 })).toBe(77)
    expect(scaleScore(3, { min: 0, max: 0 })).toBe(0)
  })
})

describe('tiers', () => {
  const tiers = [
    { name: 'A', min: 80 },
    { name: 'B', min: 60 },
    { name: 'C', min: 20 }
  ]

  it('gives each score the first tier it reaches; the lowest tier takes everything below', () => {
    const table = tierLookup(tiers)
    expect([100, 80, 79, 60, 59, 20, 19, 0].map((score) => table[score])).toEqual([0, 0, 1, 1, 2, 2, 2, 2])
    expect([0, 1, 2].map((i) => tierRange(tiers, i))).toEqual([
      { from: 80, to: 100 },
      { from: 60, to: 79 },
      { from: 0, to: 59 }
    ])
  })
})

const criteria: Criterion[] = [
  { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Software', 'Retail'], points: 20 },
  { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 1000, points: 15 },
  { id: 'c3', category: 'Buying process', attribute: 'Uses CRM', op: 'is_false', points: -10 },
  { id: 'c4', category: 'Technographic', attribute: 'Tech stack', op: 'contains_any', values: ['Salesforce'], points: 10 },
  { id: 'c5', category: 'Technographic', attribute: 'Tech stack', op: 'contains_any', values: ['Salesforce', 'HubSpot'], points: 10 }
]

describe('scoring', () => {
  it('adds points per matched criterion; criteria on one attribute are independent without a cap', () => {
    const compiled = compileScorecard(scorecardWith(criteria), dataset)
    const scored = scoreCompiled(compiled)
    // Scale -10..55: raw 40 -> 100 * 50 / 65 = 76.9 -> 77.
    expect(scored.scale).toEqual({ min: -10, max: 55 })
    expect(Array.from(scored.raw)).toEqual([40, 35, 15, 0, 30, 35])
    expect(Array.from(scored.scores)).toEqual([77, 69, 38, 15, 62, 69])
    expect(Array.from(scored.tiers)).toEqual([1, 1, 2, 2, 1, 1])
  })

  it('clips a capped attribute to its cap', () => {
    const compiled = compileScorecard(scorecardWith(criteria, { attributeCaps: [{ attribute: 'Tech stack', cap: 15 }] }), dataset)
    const scored = scoreCompiled(compiled)
    // Tech stack can add 15 at most: scale -10..50.
    expect(scored.scale).toEqual({ min: -10, max: 50 })
    expect(Array.from(scored.raw)).toEqual([35, 35, 15, 0, 25, 35])
    expect(Array.from(scored.scores)).toEqual([75, 75, 42, 17, 58, 75])
    expect(Array.from(scored.tiers)).toEqual([1, 1, 2, 2, 2, 1])
  })

  it('caps an attribute with more criteria than fit one pack (summed across packs, then clipped)', () => {
    // Ten criteria of 3 points on Tech stack, three of them Salesforce: row 4 holds all three tools.
    const many: Criterion[] = Array.from({ length: 10 }, (_, i) => ({
      id: `t${i}`,
      category: 'Technographic',
      attribute: 'Tech stack',
      op: 'contains_any',
      values: [['Salesforce', 'HubSpot', 'Slack'][i % 3]!],
      points: 3
    }))
    const compiled = compileScorecard(scorecardWith(many, { attributeCaps: [{ attribute: 'Tech stack', cap: 20 }] }), dataset)
    expect(compiled.packs.map((p) => [p.members.length, p.sharedCap])).toEqual([
      [8, 0],
      [2, 0]
    ])
    const scored = scoreCompiled(compiled)
    // Salesforce 4 criteria (12), HubSpot 3 (9), Slack 3 (9).
    expect(Array.from(scored.raw)).toEqual([20, 9, 0, 0, 20, 9])
    setCriterionPoints(compiled, scored, 1, -9)
    expect(Array.from(scored.raw)).toEqual([20, -3, 0, 0, 18, 9])
    expect(Array.from(scored.capSums[0]!)).toEqual([21, -3, 0, 0, 18, 9])
  })

  it('clips negative sums at -cap', () => {
    const penalties: Criterion[] = [
      { id: 'p1', category: 'Firmographic', attribute: 'Employees', op: 'lt', value: 100, points: -20 },
      { id: 'p2', category: 'Firmographic', attribute: 'Employees', op: 'lt', value: 60, points: -15 },
      { id: 'p3', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Software'], points: 10 }
    ]
    const compiled = compileScorecard(scorecardWith(penalties, { attributeCaps: [{ attribute: 'Employees', cap: 25 }] }), dataset)
    const scored = scoreCompiled(compiled)
    expect(scored.scale).toEqual({ min: -25, max: 10 })
    // Employees 10 and 51 meet both penalties (-35, clipped to -25).
    expect(Array.from(scored.raw)).toEqual([-15, -25, 0, 0, 10, 0])
    expect(Array.from(scored.scores)).toEqual([29, 0, 71, 71, 100, 71])
  })

  it('knocks out whatever the points, records the first knockout that hits, still computes the score', () => {
    const scorecard = scorecardWith(criteria, {
      knockouts: [
        { name: 'Too small', attribute: 'Employees', op: 'lt', value: 20 },
        { name: 'No industry', attribute: 'Industry', op: 'is_missing' },
        { name: 'Has a CRM', attribute: 'Uses CRM', op: 'is_true' }
      ]
    })
    const compiled = compileScorecard(scorecard, dataset)
    const scored = scoreCompiled(compiled)
    expect(Array.from(scored.knockedOutBy)).toEqual([0, -1, 1, 2, -1, 2])
    expect(Array.from(scored.tiers)).toEqual([-1, 1, -1, -1, 1, -1])
    expect(Array.from(scored.scores)).toEqual([77, 69, 38, 15, 62, 69])
    expect(compiled.knockouts.map((k) => k.matches)).toEqual([1, 1, 3])
    const explained = explainRow(compiled, 0)
    expect(explained.tier).toBe('Disqualified')
    expect(explained.tierIndex).toBe(-1)
    expect(explained.knockouts).toEqual(['Too small', 'Has a CRM'])
  })

  it('explains a row: points per criterion, caps, score and tier', () => {
    const compiled = compileScorecard(scorecardWith(criteria, { attributeCaps: [{ attribute: 'Tech stack', cap: 15 }] }), dataset)
    const explained = explainRow(compiled, 0)
    expect(explained.reasons.map((r) => [r.criterionId, r.matched, r.points])).toEqual([
      ['c1', true, 20],
      ['c2', false, 0],
      ['c3', false, 0],
      ['c4', true, 10],
      ['c5', true, 10]
    ])
    expect(explained.caps).toEqual([{ attribute: 'Tech stack', cap: 15, uncapped: 20, counted: 15 }])
    expect(explained).toMatchObject({ row: 0, raw: 35, score: 75, tierIndex: 1, tier: 'B', knockouts: [] })
    expect(() => explainRow(compiled, 6)).toThrow(RangeError)
  })

  it('re-tiers without rescoring', () => {
    const compiled = compileScorecard(scorecardWith(criteria), dataset)
    const scored = scoreCompiled(compiled)
    setTiers(compiled, scored, [
      { name: 'Top', min: 70 },
      { name: 'Rest', min: 0 }
    ])
    expect(Array.from(scored.tiers)).toEqual([0, 1, 1, 1, 1, 1])
    expect(compiled.scorecard.tiers[0]!.name).toBe('Top')
  })

  it('updates one criterion incrementally, including the moved scale', () => {
    const compiled = compileScorecard(scorecardWith(criteria), dataset)
    const scored = scoreCompiled(compiled)
    setCriterionPoints(compiled, scored, 2, -20)
    // Scale -20..55 (range 75); raw [40, 25, 15, 0, 20, 35].
    expect(Array.from(scored.raw)).toEqual([40, 25, 15, 0, 20, 35])
    expect(Array.from(scored.scores)).toEqual([80, 60, 47, 27, 53, 73])
    expect(compiled.scorecard.criteria[2]!.points).toBe(-20)
    expect(() => setCriterionPoints(compiled, scored, 9, 1)).toThrow(RangeError)
  })

  it('reuses the masks of unchanged conditions when recompiling after an edit', () => {
    const first = compileScorecard(scorecardWith(criteria), dataset)
    const edited = scorecardWith([...criteria.slice(0, 4), { ...criteria[4]!, values: ['Slack'] }])
    const second = compileScorecard(edited, dataset, first)
    expect(second.criteria[0]!.mask).toBe(first.criteria[0]!.mask)
    expect(second.criteria[4]!.mask).not.toBe(first.criteria[4]!.mask)
    expect(Array.from(second.criteria[4]!.mask)).toEqual([1, 0, 0, 0, 1, 1])
  })
})
