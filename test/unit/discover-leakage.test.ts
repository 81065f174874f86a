import { describe, expect, it } from 'vitest'
import type { BinnedAttribute } from '@shared/engine/discover/binned-attribute'
import { leakageCheck } from '@shared/engine/discover/leakage'

const TOTALS = { n: 1000, positives: 400, negatives: 600, baseRate: 0.4 }

/** Bins of an attribute "X": [label, n, positives], a label "Missing" meaning is_missing. */
function binned(rows: Array<[string, number, number]>): BinnedAttribute {
  const bins = rows.map(([label, n, positives]) => ({
    label,
    n,
    positives,
    condition: label === 'Missing' ? { attribute: 'X', op: 'is_missing' as const } : { attribute: 'X', op: 'in' as const, values: [label] }
  }))
  return { name: 'X', kind: 'category', bins, partitions: [], testPartitions: [] }
}

describe('suspected leakage', () => {
  it('flags an attribute filled in (almost) only for one side', () => {
    const onlyWon = leakageCheck(binned([['Filled', 310, 300], ['Missing', 690, 100]]), 0.5, TOTALS)
    expect(onlyWon.suspected).toBe(true)
    expect(onlyWon.reasons).toEqual(['filled for 75% of positive deals but only 2% of negative ones'])
    const onlyLost = leakageCheck(binned([['Filled', 400, 10], ['Missing', 600, 390]]), 0.5, TOTALS)
    expect(onlyLost.reasons).toEqual(['filled for 65% of negative deals but only 3% of positive ones'])
    // Filled for too few of the positives to say it records the outcome.
    expect(leakageCheck(binned([['Filled', 160, 150], ['Missing', 840, 250]]), 0.3, TOTALS).suspected).toBe(false)
  })

  it('flags near-perfect separation', () => {
    expect(leakageCheck(binned([['A', 1000, 400]]), 1.2, TOTALS).reasons).toEqual(['information value 1.20: near-perfect separation'])
    expect(leakageCheck(binned([['A', 1000, 400]]), 1.0, TOTALS).suspected).toBe(false)
  })

  it('flags a large pure bin that chance cannot explain, not a small one', () => {
    const pure = leakageCheck(binned([['A', 60, 60], ['B', 940, 340]]), 0.3, TOTALS)
    expect(pure.reasons).toEqual(['all 60 deals with "A" are positive'])
    // A bin with no positive at all is a trait, not a leak (no tiny company is a best customer).
    const none = leakageCheck(binned([['A', 60, 0], ['B', 940, 400]]), 0.3, TOTALS)
    expect(none.suspected).toBe(false)
    // Under 5% of the deals: not flagged however pure.
    expect(leakageCheck(binned([['A', 50, 50], ['B', 950, 350]]), 0.3, TOTALS).suspected).toBe(false)
    // Eight deals all won at a 40% base rate happens by chance once in ~1,500 tries: not flagged.
    const small = { n: 100, positives: 40, negatives: 60, baseRate: 0.4 }
    expect(leakageCheck(binned([['A', 8, 8], ['B', 92, 32]]), 0.3, small).suspected).toBe(false)
  })

  it('leaves an ordinary attribute alone', () => {
    expect(leakageCheck(binned([['A', 500, 200], ['B', 500, 200]]), 0, TOTALS)).toEqual({ suspected: false, reasons: [] })
  })
})

describe('the information-value limit for leakage', () => {
  it('is 1 for a balanced target and rises for a rare one', async () => {
    const { leakIvLimit } = await import('@shared/engine/discover/leakage')
    expect(leakIvLimit(0.4)).toBe(1)
    expect(leakIvLimit(0.75)).toBe(1)
    expect(leakIvLimit(0.125)).toBeCloseTo(2.5, 10)
    expect(leakIvLimit(0)).toBe(4)
  })
})
