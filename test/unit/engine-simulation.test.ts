import { describe, expect, it } from 'vitest'
import type { Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { latestQuarterStart } from '@shared/engine/simulation/out-of-time'
import { prepareOutcome, type OutcomeOptions } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { populationStability } from '@shared/engine/stats/psi'
import { wilsonInterval } from '@shared/engine/stats/wilson'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { booleanColumn, makeDataset, numberColumn, scorecardWith } from './engine-fixtures'

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`)

// Ten criteria "Level > j - 0.5" of 10 points each: a deal's score is 10 x its Level.
//  row level score outcome amount cycle account closed
//   0    9    90    won     100     10     0    2024-01
//   1    9    90    won     200     20     0    2024-02
//   2    8    80    lost     -      30     1    2024-03
//   3    7    70    won     300     40     2    2024-04
//   4    6    60    lost     50      -     3    2024-05
//   5    5    50    won      -      60     4    2024-06
//   6    4    40    lost     10      5     5    2024-10
//   7    3    30    won     400     70     6    2024-11
//   8    2    20    lost     20      8     7    2024-11
//   9    1    10    lost     30      9     8    2024-12
//  10    0     0    lost     40      1     9    2024-12
//  11    0     0    won     500     90    10    2024-12
//  12    8    80    open    999      3    11      -
//  13    2    20    open    999      3    12      -
const dataset = makeDataset({
  outcome: [1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, -1, -1],
  amount: [100, 200, null, 300, 50, null, 10, 400, 20, 30, 40, 500, 999, 999],
  cycleDays: [10, 20, 30, 40, null, 60, 5, 70, 8, 9, 1, 90, 3, 3],
  closedAt: [
    ...['2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15', '2024-05-15', '2024-06-15'].map(day),
    ...['2024-10-01', '2024-11-15', '2024-11-20', '2024-12-01', '2024-12-15', '2024-12-31'].map(day),
    null,
    null
  ],
  accountIndex: [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  attributes: {
    Level: numberColumn([9, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 8, 2]),
    Bad: booleanColumn([false, false, false, true, false, false, false, false, true, false, false, false, false, false])
  }
})

const levels: Criterion[] = Array.from({ length: 10 }, (_, j) => ({
  id: `l${j + 1}`,
  category: 'Firmographic',
  attribute: 'Level',
  op: 'gt',
  value: j + 0.5,
  points: 10
}))

function run(scorecard: Scorecard, data: EngineDataset = dataset, options: OutcomeOptions = {}) {
  const compiled = compileScorecard(scorecard, data)
  return simulate(prepareOutcome(data, options), compiled, scoreCompiled(compiled))
}

const plain = run(scorecardWith(levels))
const knockouts = [
  { name: 'Bad fit', attribute: 'Bad', op: 'is_true' as const },
  { name: 'Level seven', attribute: 'Level', op: 'between' as const, min: 7, max: 7 }
]
const withKnockouts = run(scorecardWith(levels, { knockouts }))

describe('threshold metrics', () => {
  it('scores every deal 10 x its level', () => {
    expect(Array.from(plain.scored.scores)).toEqual([90, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0, 0, 80, 20])
  })

  it('computes every figure at T = 50 (hand-computed)', () => {
    expect(plain.thresholdMetrics(50)).toEqual({
      threshold: 50,
      n: 12,
      wins: 6,
      losses: 6,
      excludedOpen: 2,
      passCount: 6,
      passRate: 0.5,
      winsAbove: 4,
      winRateAbove: 4 / 6,
      winRateBelow: 2 / 6,
      ciAbove: wilsonInterval(4, 6),
      ciBelow: wilsonInterval(2, 6),
      baseRate: 0.5,
      lift: 4 / 6 / 0.5,
      recall: 4 / 6,
      revenueKept: 0.4,
      precision: 4 / 6,
      meanCycleAbove: 32.5,
      meanCycleBelow: 80,
      medianCycleAbove: 30,
      medianCycleBelow: 80,
      meanWonAmountAbove: 200,
      meanWonAmountBelow: 450
    })
    expect(plain.thresholdMetrics(50).ciAbove.map((x) => Math.round(x * 1e4) / 1e4)).toEqual([0.3, 0.9032])
  })

  it('handles the ends of the scale: everyone passes at 0, nobody above 90', () => {
    const all = plain.thresholdMetrics(0)
    expect([all.passCount, all.passRate, all.recall, all.revenueKept]).toEqual([12, 1, 1, 1])
    expect(all.winRateBelow).toBeNaN()
    expect(all.ciBelow).toEqual([0, 1])
    const none = plain.thresholdMetrics(91)
    expect([none.passCount, none.recall, none.medianCycleAbove]).toEqual([0, 0, NaN])
    expect(none.winRateAbove).toBeNaN()
    expect(() => plain.thresholdMetrics(101)).toThrow(RangeError)
    expect(() => plain.thresholdMetrics(40.5)).toThrow(RangeError)
  })

  it('measures cycles of every decided deal when asked', () => {
    const decided = run(scorecardWith(levels), dataset, { cycleOf: 'decided' }).thresholdMetrics(50)
    expect([decided.meanCycleAbove, decided.medianCycleAbove, decided.meanCycleBelow, decided.medianCycleBelow]).toEqual([
      32, 30, 30.5, 8.5
    ])
  })

  it('measures against another outcome (best customers vs the rest)', () => {
    const best = Int8Array.from([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, -1])
    const metrics = run(scorecardWith(levels), dataset, { target: best }).thresholdMetrics(50)
    expect([metrics.n, metrics.wins, metrics.winsAbove, metrics.recall, metrics.revenueKept]).toEqual([12, 2, 1, 0.5, 0.2])
  })

  it('never lets a knocked-out deal pass', () => {
    const metrics = withKnockouts.thresholdMetrics(50)
    expect([metrics.passCount, metrics.winsAbove, metrics.recall, metrics.revenueKept]).toEqual([5, 3, 0.5, 0.2])
  })

  it('sweeps every threshold with the same figures as one threshold', () => {
    const sweep = plain.sweep()
    expect(sweep).toHaveLength(101)
    const { medianCycleAbove: _a, medianCycleBelow: _b, ...at50 } = plain.thresholdMetrics(50)
    expect(sweep[50]).toEqual(at50)
    expect(plain.curve()[80]).toEqual({ threshold: 80, passRate: 0.25, recall: 2 / 6, winRateAbove: 2 / 3 })
  })
})

describe('ranking', () => {
  it('AUC, Gini and KS, knocked-out deals ranked lowest', () => {
    const ranking = plain.ranking()
    expect(ranking.auc).toBeCloseTo(24.5 / 36, 12)
    expect(ranking.gini).toBeCloseTo(2 * (24.5 / 36) - 1, 12)
    expect(ranking.ks).toBeCloseTo(1 / 3, 12)
    expect(withKnockouts.ranking().auc).toBeCloseTo(21 / 36, 12)
    expect(ranking.gains[0]).toEqual({ score: 100, population: 0, captured: 0 })
    expect(ranking.gains.find((g) => g.score === 90)).toEqual({ score: 90, population: 2 / 12, captured: 2 / 6 })
    expect(ranking.gains.at(-1)).toEqual({ score: -1, population: 1, captured: 1 })
  })
})

describe('band tables', () => {
  const row = (
    name: string,
    from: number | null,
    to: number | null,
    n: number,
    wins: number,
    medianCycleDays: number,
    meanWonAmount: number
  ) => ({
    name,
    from,
    to,
    n,
    wins,
    losses: n - wins,
    winRate: wins / n,
    ci: wilsonInterval(wins, n),
    lift: wins / n / 0.5,
    medianCycleDays,
    meanCycleDays: medianCycleDays,
    meanWonAmount,
    shareOfPipeline: n / 12,
    tooSmall: true
  })

  it('fixed bands 0-20 ... 81-100', () => {
    expect(plain.bandTable()).toEqual([
      row('0-20', 0, 20, 4, 1, 90, 500),
      row('21-40', 21, 40, 2, 1, 70, 400),
      row('41-60', 41, 60, 2, 1, 60, NaN),
      row('61-80', 61, 80, 2, 1, 40, 300),
      row('81-100', 81, 100, 2, 2, 15, 150)
    ])
  })

  it('tiers, the lowest reaching down to 0', () => {
    const tiers = plain.tierTable()
    expect(tiers.map((t) => [t.name, t.from, t.to, t.n, t.wins, t.medianCycleDays, t.meanWonAmount])).toEqual([
      ['A', 80, 100, 3, 2, 15, 150],
      ['B', 60, 79, 2, 1, 40, 300],
      ['C', 0, 59, 7, 3, 70, 450]
    ])
    expect(tiers[2]!.meanCycleDays).toBeCloseTo(220 / 3, 12)
  })

  it('adds a Disqualified row when the scorecard has knockouts', () => {
    const bands = withKnockouts.bandTable()
    expect(bands.map((b) => [b.name, b.from, b.to, b.n, b.wins])).toEqual([
      ['0-20', 0, 20, 3, 1],
      ['21-40', 21, 40, 2, 1],
      ['41-60', 41, 60, 2, 1],
      ['61-80', 61, 80, 1, 0],
      ['81-100', 81, 100, 2, 2],
      ['Disqualified', null, null, 2, 1]
    ])
  })

  it('flags bands under 30 decided deals as too small to trust', () => {
    const flat = (rows: number) =>
      run(scorecardWith([]), makeDataset({ outcome: Array.from({ length: rows }, (_, i) => i % 2) })).bandTable()
    expect(flat(30).map((b) => [b.n, b.tooSmall])).toEqual([
      [30, false],
      [0, true],
      [0, true],
      [0, true],
      [0, true]
    ])
    expect(flat(29)[0]!.tooSmall).toBe(true)
    expect(flat(30)[1]!.winRate).toBeNaN()
  })
})

describe('capacity', () => {
  it('finds the lowest threshold whose passing accounts fit', () => {
    // Best score per account: 90, 80, 70, ... and the open deals' accounts at 80 and 20.
    const three = plain.capacity(3)
    expect([three.threshold, three.accountsPassing, three.accountsOneLower]).toEqual([71, 3, 4])
    expect([three.metrics?.passCount, three.metrics?.winsAbove]).toEqual([3, 2])
    expect(plain.capacity(0)).toMatchObject({ threshold: 91, accountsPassing: 0, accountsOneLower: 1 })
    expect(plain.capacity(100)).toMatchObject({ threshold: 0, accountsPassing: 13, accountsOneLower: null })
  })

  it('says when not even a threshold of 100 fits', () => {
    const everyone = run(scorecardWith([{ ...levels[0]!, value: -1 }]))
    expect(everyone.capacity(5)).toEqual({ capacity: 5, threshold: null, accountsPassing: 0, accountsOneLower: 13, metrics: null })
    expect(() => everyone.capacity(-1)).toThrow(RangeError)
  })
})

describe('knockout backtest', () => {
  it('counts the wins and won revenue each knockout removes', () => {
    expect(withKnockouts.knockoutBacktest()).toEqual([
      {
        name: 'Bad fit',
        dealsRemoved: 2,
        wonDealsRemoved: 1,
        lostDealsRemoved: 1,
        wonRevenueRemoved: 300,
        wonRevenueShare: 0.2,
        winRateRemoved: 0.5,
        ci: wilsonInterval(1, 2),
        wonDealsOnlyThis: 0
      },
      {
        name: 'Level seven',
        dealsRemoved: 1,
        wonDealsRemoved: 1,
        lostDealsRemoved: 0,
        wonRevenueRemoved: 300,
        wonRevenueShare: 0.2,
        winRateRemoved: 1,
        ci: wilsonInterval(1, 1),
        wonDealsOnlyThis: 0
      }
    ])
  })
})

describe('out-of-time validation', () => {
  it('splits at the cut, reports both periods and the drift between them', () => {
    const cut = latestQuarterStart(dataset.closedAt)
    expect(cut).toBe(day('2024-10-01'))
    const report = plain.outOfTime(cut, 50)
    expect(report.undated).toBe(2)
    expect([report.before.metrics.n, report.before.metrics.wins, report.before.metrics.passCount]).toEqual([6, 4, 6])
    expect([report.after.metrics.n, report.after.metrics.wins, report.after.metrics.passCount]).toEqual([6, 2, 0])
    expect(report.before.auc).toBeCloseTo(5 / 8, 12)
    expect(report.after.auc).toBeCloseTo(3.5 / 8, 12)
    expect([report.before.firstClosedAt, report.before.lastClosedAt]).toEqual([day('2024-01-15'), day('2024-06-15')])
    expect([report.after.firstClosedAt, report.after.lastClosedAt]).toEqual([day('2024-10-01'), day('2024-12-31')])
    const expected = populationStability([0, 0, 2, 2, 2], [4, 2, 0, 0, 0])
    expect(report.psi.total).toBe(expected.total)
    expect(report.psi.bands[0]).toEqual({ name: '0-20', before: 0, after: 4 / 6, psi: expected.bins[0] })
    expect(report.psi.total).toBeGreaterThan(0.25)
    expect(report.before.bands.map((b) => b.n)).toEqual([0, 0, 2, 2, 2])
    expect(latestQuarterStart(new Float64Array([NaN]))).toBeNaN()
  })
})

describe('compare', () => {
  it('reports metric deltas and the accounts that leave or enter the top tier', () => {
    const stricter = run(
      scorecardWith(levels, {
        name: 'Stricter',
        tiers: [
          { name: 'A', min: 90 },
          { name: 'B', min: 60 },
          { name: 'C', min: 0 }
        ]
      })
    )
    const comparison = plain.compare(stricter)
    expect([comparison.a.threshold, comparison.b.threshold]).toEqual([80, 90])
    expect([comparison.a.topTierAccounts, comparison.b.topTierAccounts, comparison.delta.topTierAccounts]).toEqual([3, 1, -2])
    expect(comparison.delta.passRate).toBeCloseTo(2 / 12 - 3 / 12, 12)
    expect(comparison.delta.auc).toBe(0)
    expect(comparison.entering).toEqual([])
    expect(comparison.leaving).toEqual([
      { accountIndex: 1, accountId: 'A1', accountName: 'Account 1', tierA: 'A', tierB: 'B', scoreA: 80, scoreB: 80 },
      { accountIndex: 11, accountId: 'A11', accountName: 'Account 11', tierA: 'A', tierB: 'B', scoreA: 80, scoreB: 80 }
    ])
    const back = stricter.compare(plain)
    expect(back.entering.map((s) => s.accountIndex)).toEqual([1, 11])
  })
})

// Accounts with several deals, where the best deal and the most recent one disagree.
//  row level score account closed    created   bad   note
//   0    9    90      0    2024-01       -            best deal of account 0
//   1    2    20      0    2024-06       -            most recent: account 0 scores 20 (C)
//   2    3    30      1    2024-03       -
//   3    8    80      1       -       2024-05         no close date, created later: scores 80 (A)
//   4    9    90      2    2024-02       -
//   5    8    80      2    2024-04       -      yes   most recent is knocked out: Disqualified
//   6    5    50      3    2024-05       -
//   7    6    60      3    2024-05       -            same date: the later in the data, 60 (B)
//   8    7    70      4       -          -
//   9    1    10      4       -          -            no dates: the last in the data, 10 (C)
//  10    9    90     none 2024-07       -            no account: left out
const severalDeals: EngineDataset = {
  ...makeDataset({
    outcome: [1, 0, 0, -1, 1, 0, 1, 0, 1, 0, 1],
    closedAt: [
      day('2024-01-15'),
      day('2024-06-15'),
      day('2024-03-15'),
      null,
      day('2024-02-15'),
      day('2024-04-15'),
      day('2024-05-15'),
      day('2024-05-15'),
      null,
      null,
      day('2024-07-15')
    ],
    accountIndex: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, -1],
    attributes: {
      Level: numberColumn([9, 2, 3, 8, 9, 8, 5, 6, 7, 1, 9]),
      Bad: booleanColumn([false, false, false, false, false, true, false, false, false, false, false])
    }
  }),
  createdAt: Float64Array.from([NaN, NaN, NaN, day('2024-05-01'), NaN, NaN, NaN, NaN, NaN, NaN, NaN])
}

describe('an account is scored by its most recent deal', () => {
  const badFit = [{ name: 'Bad fit', attribute: 'Bad', op: 'is_true' as const }]
  const strict = run(scorecardWith(levels, { knockouts: badFit }), severalDeals)
  const lenient = run(scorecardWith(levels, { name: 'Lenient' }), severalDeals)

  it('in capacity planning: most recent scores 20, 80, knocked out, 60, 10', () => {
    expect(strict.capacity(1)).toMatchObject({ threshold: 61, accountsPassing: 1, accountsOneLower: 2 })
    expect(strict.capacity(0)).toMatchObject({ threshold: 81, accountsPassing: 0, accountsOneLower: 1 })
    // The knocked-out account never passes, even at 0.
    expect(strict.capacity(100)).toMatchObject({ threshold: 0, accountsPassing: 4, accountsOneLower: null })
    expect(lenient.capacity(100)).toMatchObject({ threshold: 0, accountsPassing: 5 })
  })

  it('in the compare view: tiers, scores and the swap set', () => {
    const comparison = strict.compare(lenient)
    // Top tier: account 1 under both; account 2 only once its most recent deal is no longer knocked out.
    expect([comparison.a.topTierAccounts, comparison.b.topTierAccounts]).toEqual([1, 2])
    expect(comparison.entering).toEqual([
      { accountIndex: 2, accountId: 'A2', accountName: 'Account 2', tierA: 'Disqualified', tierB: 'A', scoreA: 80, scoreB: 80 }
    ])
    expect(comparison.leaving).toEqual([])
    // Account 0's best deal (90) would have kept it in the top tier; its most recent one scores 20.
    const stricter = run(
      scorecardWith(levels, {
        name: 'Stricter',
        tiers: [
          { name: 'A', min: 15 },
          { name: 'C', min: 0 }
        ]
      }),
      severalDeals
    )
    const down = stricter.compare(lenient)
    expect(down.leaving.map((s) => [s.accountIndex, s.tierA, s.scoreA, s.tierB, s.scoreB])).toEqual([
      [3, 'A', 60, 'B', 60],
      [0, 'A', 20, 'C', 20]
    ])
  })
})
