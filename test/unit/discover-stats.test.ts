import { describe, expect, it } from 'vitest'
import { chiSquarePValue, logGamma, upperRegularizedGamma } from '@shared/engine/discover/chi-square'
import { discover } from '@shared/engine/discover/discover'
import { benjaminiHochberg, chiSquareIndependence, datasetSignal, twoProportionPValue } from '@shared/engine/discover/significance'
import { binEvidence, informationValue, strengthOf, targetTotals, weightOfEvidence } from '@shared/engine/discover/woe-iv'
import { categoryColumn, makeDataset } from './engine-fixtures'

// Reference values computed independently (Python 3 math + SciPy 1.17: scipy.stats.chi2.sf,
// scipy.special.gammaincc, scipy.stats.chi2_contingency(correction=False)).

/** The tiny table: A 30 won / 10 lost, B 20 / 40, C 0 / 10 (an empty cell). */
const TABLE = [
  { label: 'A', n: 40, positives: 30 },
  { label: 'B', n: 60, positives: 20 },
  { label: 'C', n: 10, positives: 0 }
]
const TOTALS = { n: 110, positives: 50, negatives: 60, baseRate: 50 / 110 }

describe('weight of evidence and information value, by hand', () => {
  it('matches the hand computation on a tiny table, an empty cell smoothed to 0.5', () => {
    // WoE_A = ln((30/50)/(10/60)) = ln 3.6; WoE_B = ln((20/50)/(40/60)) = ln 0.6; WoE_C = ln((0.5/50)/(10/60)) = ln 0.06.
    expect(weightOfEvidence(TABLE[0]!, TOTALS)).toBeCloseTo(1.2809338454620642, 12)
    expect(weightOfEvidence(TABLE[1]!, TOTALS)).toBeCloseTo(-0.5108256237659905, 12)
    expect(weightOfEvidence(TABLE[2]!, TOTALS)).toBeCloseTo(-2.8134107167600364, 12)
    // IV = (0.6 - 1/6) ln 3.6 + (0.4 - 2/3) ln 0.6 + (0 - 1/6) ln 0.06.
    expect(informationValue(TABLE, TOTALS)).toBeCloseTo(1.1601932854978312, 12)
  })

  it('gives each bin its rate, Wilson interval, lift, shares and flags', () => {
    const a = binEvidence(TABLE[0]!, TOTALS)
    expect(a.rate).toBe(0.75)
    expect(a.ci[0]).toBeCloseTo(0.5980603845146479, 12)
    expect(a.ci[1]).toBeCloseTo(0.8581288142561201, 12)
    expect(a.lift).toBeCloseTo(0.75 / (50 / 110), 12)
    expect(a.positiveShare).toBe(0.6)
    expect(a.negativeShare).toBeCloseTo(1 / 6, 12)
    expect(a.tooSmall).toBe(false)
    expect(a.includesBaseRate).toBe(false)
    const b = binEvidence(TABLE[1]!, TOTALS)
    expect(b.ci[0]).toBeCloseTo(0.22729261451704227, 12)
    expect(b.ci[1]).toBeCloseTo(0.45943133649436674, 12)
    expect(b.includesBaseRate).toBe(true)
    const c = binEvidence(TABLE[2]!, TOTALS)
    expect(c.rate).toBe(0)
    expect(c.ci[1]).toBeCloseTo(0.2775328030260577, 12)
    expect(c.tooSmall).toBe(true)
    expect(c.lift).toBe(0)
  })

  it('gives the same numbers through discover(), open deals left out', () => {
    const cells: string[] = []
    const outcome: number[] = []
    for (const { label, n, positives } of TABLE) {
      for (let i = 0; i < n; i++) {
        cells.push(label)
        outcome.push(i < positives ? 1 : 0)
      }
    }
    for (let i = 0; i < 7; i++) {
      cells.push('A')
      outcome.push(-1)
    }
    const result = discover(makeDataset({ outcome, attributes: { Segment: categoryColumn(cells) } }))
    expect(result.n).toBe(110)
    expect(result.positives).toBe(50)
    expect(result.baseRate).toBeCloseTo(50 / 110, 15)
    const [segment] = result.attributes
    expect(segment!.iv).toBeCloseTo(1.1601932854978312, 12)
    expect(segment!.strength).toBe('strong')
    expect(segment!.bins.map((bin) => [bin.label, bin.n, bin.positives])).toEqual([
      ['B', 60, 20],
      ['A', 40, 30],
      ['C', 10, 0]
    ])
    expect(segment!.bins.map((bin) => bin.condition)).toEqual([
      { attribute: 'Segment', op: 'in', values: ['B'] },
      { attribute: 'Segment', op: 'in', values: ['A'] },
      { attribute: 'Segment', op: 'in', values: ['C'] }
    ])
    // chi2_contingency([[30, 20, 0], [10, 40, 10]]): 25.972222..., p = 2.2919418939540952e-06.
    expect(segment!.pValue).toBeCloseTo(2.2919418939540952e-6, 15)
    expect(segment!.significant).toBe(true)
  })

  it('labels strength at the usual cut-offs and is 0 without both outcomes', () => {
    const labels = [0, 0.0199, 0.02, 0.099, 0.1, 0.299, 0.3, 2].map(strengthOf)
    expect(labels).toEqual(['none', 'none', 'weak', 'weak', 'medium', 'medium', 'strong', 'strong'])
    expect(strengthOf(NaN)).toBe('none')
    const allWon = targetTotals(Int8Array.from([1, 1, -1]))
    expect(allWon).toEqual({ n: 2, positives: 2, negatives: 0, baseRate: 1 })
    expect(weightOfEvidence({ n: 2, positives: 2 }, allWon)).toBe(0)
    expect(informationValue([{ n: 2, positives: 2 }], allWon)).toBe(0)
  })
})

describe('the chi-square distribution', () => {
  it('matches SciPy across degrees of freedom and tails', () => {
    const cases: Array<[number, number, number]> = [
      [3.841458820694124, 1, 0.04999999999999989],
      [5.991464547107979, 2, 0.05000000000000007],
      [18.307038053275146, 10, 0.05000000000000005],
      [0.5, 3, 0.9188914116546758],
      [0.001, 1, 0.9747728793699604],
      [30, 30, 0.4656537089440098],
      [100, 4, 9.836624224615988e-21],
      [1000, 9, 1.7240681189224405e-209]
    ]
    for (const [x, df, p] of cases) expect(Math.abs(chiSquarePValue(x, df) - p) / p).toBeLessThan(1e-10)
    expect(chiSquarePValue(2, 50)).toBeCloseTo(1, 12)
    expect(chiSquarePValue(0, 3)).toBe(1)
    expect(chiSquarePValue(5, 0)).toBe(1)
  })

  it('computes the regularized gamma function and ln Γ', () => {
    expect(upperRegularizedGamma(2.5, 1.5)).toBeCloseTo(0.6999858358786276, 13)
    expect(upperRegularizedGamma(0.5, 0.2)).toBeCloseTo(0.5270892568655381, 13)
    expect(upperRegularizedGamma(10, 3)).toBeCloseTo(0.9988975118698845, 13)
    expect(logGamma(0.3)).toBeCloseTo(1.0957979948180752, 12)
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12)
    expect(logGamma(200.1)).toBeCloseTo(858.4632764125971, 9)
  })

  it('tests independence over a 2 x k table, empty cells left out', () => {
    const test = chiSquareIndependence([...TABLE, { n: 0, positives: 0 }])
    expect(test.statistic).toBeCloseTo(25.972222222222218, 10)
    expect(test.df).toBe(2)
    expect(
      chiSquareIndependence([
        { n: 10, positives: 10 },
        { n: 5, positives: 5 }
      ]).pValue
    ).toBe(1)
    expect(twoProportionPValue({ n: 100, positives: 50 }, { n: 100, positives: 50 })).toBe(1)
    // z = 0.2 / sqrt(0.4 * 0.6 * (2 / 100)) = 2.8868; two-sided p = 0.0038924
    expect(twoProportionPValue({ n: 100, positives: 50 }, { n: 100, positives: 30 })).toBeCloseTo(0.0038924171227, 9)
  })
})

describe('the correction across attributes and the signal', () => {
  it('applies Benjamini-Hochberg step-up', () => {
    const { adjusted, significant } = benjaminiHochberg([0.01, 0.04, 0.03, 0.2])
    expect(adjusted[0]).toBeCloseTo(0.04, 12)
    expect(adjusted[1]).toBeCloseTo(0.04 * (4 / 3), 12)
    expect(adjusted[2]).toBeCloseTo(0.04 * (4 / 3), 12)
    expect(adjusted[3]).toBeCloseTo(0.2, 12)
    expect(significant).toEqual([true, false, false, false])
    expect(benjaminiHochberg([0.001, 0.002, NaN]).significant).toEqual([true, true, false])
    expect(benjaminiHochberg([])).toEqual({ adjusted: [], significant: [] })
  })

  it('reads none, weak or present from significant, non-leaky attributes', () => {
    const a = (significant: boolean, iv: number, leakageSuspected = false) => ({ significant, iv, leakageSuspected })
    expect(datasetSignal([])).toBe('none')
    expect(datasetSignal([a(false, 0.5), a(true, 3, true)])).toBe('none')
    expect(datasetSignal([a(true, 0.03), a(false, 0.4)])).toBe('weak')
    expect(datasetSignal([a(true, 0.03), a(true, 0.12)])).toBe('present')
  })
})
