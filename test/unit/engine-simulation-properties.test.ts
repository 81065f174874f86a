import { describe, expect, it } from 'vitest'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled, type ScoredRows } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { median } from '@shared/engine/stats/median'
import { wilsonInterval } from '@shared/engine/stats/wilson'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { mulberry32, randomDataset, randomInt, randomScorecard, withCreatedDates } from './engine-fixtures'

/** The figures at T by plain filtering of the deals: the independent check of the histogram code. */
function direct(data: EngineDataset, scored: ScoredRows, threshold: number) {
  const rows = Array.from({ length: data.rowCount }, (_, i) => i)
  const decided = rows.filter((i) => data.outcome[i]! >= 0)
  const passes = (i: number): boolean => scored.knockedOutBy[i]! < 0 && scored.scores[i]! >= threshold
  const above = decided.filter(passes)
  const below = decided.filter((i) => !passes(i))
  const won = (list: number[]): number[] => list.filter((i) => data.outcome[i] === 1)
  const amounts = (list: number[]): number[] =>
    won(list)
      .map((i) => data.amount[i]!)
      .filter((a) => !Number.isNaN(a))
  const cycles = (list: number[]): number[] =>
    won(list)
      .map((i) => data.cycleDays[i]!)
      .filter((c) => !Number.isNaN(c))
  const total = (values: number[]): number => values.reduce((a, b) => a + b, 0)
  const rate = (a: number, b: number): number => (b === 0 ? NaN : a / b)
  const winRateAbove = rate(won(above).length, above.length)
  const baseRate = rate(won(decided).length, decided.length)
  return {
    threshold,
    n: decided.length,
    wins: won(decided).length,
    losses: decided.length - won(decided).length,
    excludedOpen: data.rowCount - decided.length,
    passCount: above.length,
    passRate: rate(above.length, decided.length),
    winsAbove: won(above).length,
    winRateAbove,
    winRateBelow: rate(won(below).length, below.length),
    ciAbove: wilsonInterval(won(above).length, above.length),
    ciBelow: wilsonInterval(won(below).length, below.length),
    baseRate,
    lift: rate(winRateAbove, baseRate),
    recall: rate(won(above).length, won(decided).length),
    revenueKept: rate(total(amounts(above)), total(amounts(decided))),
    precision: winRateAbove,
    meanCycleAbove: rate(total(cycles(above)), cycles(above).length),
    meanCycleBelow: rate(total(cycles(below)), cycles(below).length),
    meanWonAmountAbove: rate(total(amounts(above)), amounts(above).length),
    meanWonAmountBelow: rate(total(amounts(below)), amounts(below).length),
    medianCycleAbove: median(cycles(above)),
    medianCycleBelow: median(cycles(below))
  }
}

function expectClose(actual: object, expected: object, context: string): void {
  for (const [key, value] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown>)[key]
    if (Array.isArray(value)) {
      value.forEach((v: number, i) => expect((got as number[])[i], `${context} ${key}[${i}]`).toBeCloseTo(v, 9))
    } else if (Number.isNaN(value)) expect(got, `${context} ${key}`).toBeNaN()
    else expect(got, `${context} ${key}`).toBeCloseTo(value as number, 9)
  }
}

describe('simulation properties (random scorecards and data, seeded)', () => {
  it('the sweep at every T equals direct filtering at T; thresholdMetrics adds exact medians', () => {
    const random = mulberry32(424242)
    for (let trial = 0; trial < 250; trial++) {
      const data = randomDataset(random, randomInt(random, 1, 150))
      const compiled = compileScorecard(randomScorecard(random), data)
      const scored = scoreCompiled(compiled)
      const simulation = simulate(prepareOutcome(data), compiled, scored)
      const sweep = simulation.sweep()
      for (let threshold = 0; threshold <= 100; threshold++) {
        const { medianCycleAbove: _a, medianCycleBelow: _b, ...expected } = direct(data, scored, threshold)
        expectClose(sweep[threshold]!, expected, `trial ${trial} T ${threshold}`)
      }
      const threshold = randomInt(random, 0, 100)
      expectClose(simulation.thresholdMetrics(threshold), direct(data, scored, threshold), `trial ${trial} T ${threshold}`)
    }
  })

  it('band rows and capacity agree with direct counting', () => {
    const random = mulberry32(77)
    const dates = mulberry32(78)
    for (let trial = 0; trial < 200; trial++) {
      const data = withCreatedDates(randomDataset(random, randomInt(random, 1, 150)), dates)
      const compiled = compileScorecard(randomScorecard(random), data)
      const scored = scoreCompiled(compiled)
      const simulation = simulate(prepareOutcome(data), compiled, scored)
      const knocked = (i: number): boolean => scored.knockedOutBy[i]! >= 0
      const decided = Array.from({ length: data.rowCount }, (_, i) => i).filter((i) => data.outcome[i]! >= 0)
      for (const band of simulation.tierTable()) {
        const inBand = (i: number): boolean =>
          band.from === null ? knocked(i) : !knocked(i) && scored.scores[i]! >= band.from && scored.scores[i]! <= band.to!
        const members = decided.filter(inBand)
        const wonCycles = members.filter((i) => data.outcome[i] === 1).map((i) => data.cycleDays[i]!)
        expect([band.n, band.wins], `trial ${trial} ${band.name}`).toEqual([
          members.length,
          members.filter((i) => data.outcome[i] === 1).length
        ])
        if (Number.isNaN(median(wonCycles))) expect(band.medianCycleDays).toBeNaN()
        else expect(band.medianCycleDays, `trial ${trial} ${band.name}`).toBe(median(wonCycles))
      }
      const capacity = randomInt(random, 0, data.accountCount)
      // An account passes when its most recent deal does: the latest close date, else created
      // date, else the last in the data (sorted here, not scanned as the engine does).
      const deals = new Map<number, number[]>()
      for (let i = 0; i < data.rowCount; i++)
        if (data.accountIndex[i]! >= 0) deals.set(data.accountIndex[i]!, [...(deals.get(data.accountIndex[i]!) ?? []), i])
      const dateOf = (i: number): number =>
        Number.isNaN(data.closedAt[i]!) ? (Number.isNaN(data.createdAt![i]!) ? -Infinity : data.createdAt![i]!) : data.closedAt[i]!
      const latest = [...deals.values()].map((rows) => [...rows].sort((x, y) => dateOf(x) - dateOf(y) || x - y).at(-1)!)
      const passingAccounts = (threshold: number): number => latest.filter((i) => !knocked(i) && scored.scores[i]! >= threshold).length
      let expected: number | null = null
      for (let t = 100; t >= 0 && passingAccounts(t) <= capacity; t--) expected = t
      const result = simulation.capacity(capacity)
      expect(result.threshold, `trial ${trial}`).toBe(expected)
      if (expected !== null) expect(result.accountsPassing).toBe(passingAccounts(expected))
    }
  })

  it("compare's tiers, scores and swap set are each account's most recent deal's", () => {
    const random = mulberry32(91)
    const dates = mulberry32(92)
    let swaps = 0
    for (let trial = 0; trial < 100; trial++) {
      const data = withCreatedDates(randomDataset(random, randomInt(random, 1, 150)), dates)
      const view = prepareOutcome(data)
      const [a, b] = [randomScorecard(random), randomScorecard(random)].map((scorecard) => {
        const compiled = compileScorecard(scorecard, data)
        return simulate(view, compiled, scoreCompiled(compiled))
      })
      const comparison = a!.compare(b!)
      // Each account's most recent deal, by sorting its deals (not the engine's scan).
      const deals = new Map<number, number[]>()
      for (let i = 0; i < data.rowCount; i++)
        if (data.accountIndex[i]! >= 0) deals.set(data.accountIndex[i]!, [...(deals.get(data.accountIndex[i]!) ?? []), i])
      const dateOf = (i: number): number =>
        Number.isNaN(data.closedAt[i]!) ? (Number.isNaN(data.createdAt![i]!) ? -Infinity : data.createdAt![i]!) : data.closedAt[i]!
      const latest = new Map(
        [...deals].map(([account, rows]) => [account, [...rows].sort((x, y) => dateOf(x) - dateOf(y) || x - y).at(-1)!])
      )
      const tierOf = (side: typeof a, row: number): string => {
        const { scorecard } = side!.compiled
        if (side!.scored.knockedOutBy[row]! >= 0) return 'Disqualified'
        const score = side!.scored.scores[row]!
        return scorecard.tiers.filter((t) => score >= t.min).sort((x, y) => y.min - x.min)[0]?.name ?? ''
      }
      const top = (side: typeof a): Set<number> =>
        new Set([...latest].filter(([, row]) => tierOf(side, row) === side!.compiled.scorecard.tiers[0]!.name).map(([account]) => account))
      const [inA, inB] = [top(a), top(b)]
      expect(new Set(comparison.entering.map((s) => s.accountIndex)), `trial ${trial}`).toEqual(
        new Set([...inB].filter((x) => !inA.has(x)))
      )
      expect(new Set(comparison.leaving.map((s) => s.accountIndex)), `trial ${trial}`).toEqual(new Set([...inA].filter((x) => !inB.has(x))))
      expect([comparison.a.topTierAccounts, comparison.b.topTierAccounts]).toEqual([inA.size, inB.size])
      for (const swap of [...comparison.entering, ...comparison.leaving]) {
        swaps++
        const row = latest.get(swap.accountIndex)!
        expect([swap.tierA, swap.scoreA, swap.tierB, swap.scoreB], `trial ${trial}`).toEqual([
          tierOf(a, row),
          a!.scored.scores[row],
          tierOf(b, row),
          b!.scored.scores[row]
        ])
      }
    }
    expect(swaps).toBeGreaterThan(100)
  })
})
