import { describe, expect, it } from 'vitest'
import type { BinnedAttribute } from '@shared/engine/discover/binned-attribute'
import type { EngineColumn } from '@shared/engine/engine-dataset'
import { leakageCheck, outlierLeaks } from '@shared/engine/discover/leakage'
import { leakByName } from '@shared/engine/discover/leak-names'

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
    const onlyWon = leakageCheck(
      binned([
        ['Filled', 310, 300],
        ['Missing', 690, 100]
      ]),
      0.5,
      TOTALS
    )
    expect(onlyWon.suspected).toBe(true)
    expect(onlyWon.reasons).toEqual(['filled for 75% of positive deals but only 2% of negative ones'])
    const onlyLost = leakageCheck(
      binned([
        ['Filled', 400, 10],
        ['Missing', 600, 390]
      ]),
      0.5,
      TOTALS
    )
    expect(onlyLost.reasons).toEqual(['filled for 65% of negative deals but only 3% of positive ones'])
    // Filled for too few of the positives to say it records the outcome.
    expect(
      leakageCheck(
        binned([
          ['Filled', 160, 150],
          ['Missing', 840, 250]
        ]),
        0.3,
        TOTALS
      ).suspected
    ).toBe(false)
  })

  it('flags near-perfect separation, not a strong IV on its own', () => {
    // Alone it ranks won above lost 95% of the time: no ICP trait does that.
    const perfect = leakageCheck(
      binned([
        ['High', 420, 380],
        ['Low', 580, 20]
      ]),
      2.5,
      TOTALS
    )
    expect(perfect.reasons).toEqual(['alone it ranks won above lost 94% of the time: near-perfect separation'])
    // A strong, real trait (a two-year contract against month-to-month) is not a leak for its IV alone.
    expect(
      leakageCheck(
        binned([
          ['Two year', 300, 280],
          ['Monthly', 700, 120]
        ]),
        1.2,
        TOTALS
      ).suspected
    ).toBe(false)
  })

  it('flags an attribute far better than every other with an IV past the limit', () => {
    const flagged = outlierLeaks(
      [
        { iv: 1.6, auc: 0.86, suspected: false },
        { iv: 0.4, auc: 0.66, suspected: false },
        { iv: 1.3, auc: 0.7, suspected: false }
      ],
      0.4
    )
    expect([...flagged.keys()]).toEqual([0])
    expect(flagged.get(0)).toMatch(/information value 1\.60 and an AUC of 0\.86 against at most 0\.70/)
  })

  it('reads the sales process in a name, not a funding stage', () => {
    for (const name of [
      'Days in Stage 2',
      'Total Days Identified Through Closing',
      'Sales Stage Change Count',
      'Ratio Days Qualified to Total Days',
      'Elapsed Days in Current Stage',
      'duration',
      'Last Call Duration (s)',
      'Loss Reason',
      'Contract Signed Date',
      'Probability (%)',
      'Forecast Category',
      'Lifecycle Stage',
      'Converted Date',
      'Number of Sales Activities'
    ]) {
      expect(leakByName(name), name).not.toBeNull()
    }
    for (const name of ['Funding Stage', 'Industry', 'Employees', 'age', 'Company Age', 'Lead Source', 'Tech Stack'])
      expect(leakByName(name), name).toBeNull()
  })

  it('flags a number that is non-zero almost only for one outcome, and a date after the deal was created', () => {
    const target = Int8Array.from({ length: 100 }, (_, i) => (i < 40 ? 1 : 0))
    const calls: EngineColumn = {
      kind: 'number',
      values: Float64Array.from({ length: 100 }, (_, i) => (i < 40 ? 3 + (i % 4) : i === 99 ? 1 : 0))
    }
    const totals = { n: 100, positives: 40, negatives: 60, baseRate: 0.4 }
    expect(leakageCheck(binned([['A', 100, 40]]), 0.1, totals, { column: calls, target }).reasons).toEqual([
      'non-zero for 100% of positive deals but only 2% of negative ones'
    ])
    const created = Float64Array.from({ length: 100 }, (_, i) => Date.UTC(2025, 0, 1 + i))
    const signed: EngineColumn = { kind: 'number', values: Float64Array.from(created, (c, i) => c + (i % 3) * 86_400_000 * 20) }
    const later = leakageCheck(binned([['A', 100, 40]]), 0.1, totals, { column: signed, target, dates: { createdAt: created } })
    expect(later.reasons).toEqual(['a date after the deal was created on 66% of deals: known only once the deal was under way'])
  })

  it('flags a large pure bin that chance cannot explain, not a small one', () => {
    const pure = leakageCheck(
      binned([
        ['A', 60, 60],
        ['B', 940, 340]
      ]),
      0.3,
      TOTALS
    )
    expect(pure.reasons).toEqual(['all 60 deals with "A" are positive'])
    // A bin with no positive at all is a trait, not a leak (no tiny company is a best customer).
    const none = leakageCheck(
      binned([
        ['A', 60, 0],
        ['B', 940, 400]
      ]),
      0.3,
      TOTALS
    )
    expect(none.suspected).toBe(false)
    // Under 5% of the deals: not flagged however pure.
    expect(
      leakageCheck(
        binned([
          ['A', 50, 50],
          ['B', 950, 350]
        ]),
        0.3,
        TOTALS
      ).suspected
    ).toBe(false)
    // Eight deals all won at a 40% base rate happens by chance once in ~1,500 tries: not flagged.
    const small = { n: 100, positives: 40, negatives: 60, baseRate: 0.4 }
    expect(
      leakageCheck(
        binned([
          ['A', 8, 8],
          ['B', 92, 32]
        ]),
        0.3,
        small
      ).suspected
    ).toBe(false)
  })

  it('leaves an ordinary attribute alone', () => {
    expect(
      leakageCheck(
        binned([
          ['A', 500, 200],
          ['B', 500, 200]
        ]),
        0,
        TOTALS
      )
    ).toEqual({ suspected: false, reasons: [] })
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
