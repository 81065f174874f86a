import { describe, expect, it } from 'vitest'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled, type ScoredRows } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { median } from '@shared/engine/stats/median'
import { wilsonInterval } from '@shared/engine/stats/wilson'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { mulberry32, randomDataset, randomInt, randomScorecard } from './engine-fixtures'

/** The figures at T by plain filtering of the deals: the independent check of the histogram code. */
function direct(data: EngineDataset, scored: ScoredRows, threshold: number) {
  const rows = Array.from({ length: data.rowCount }, (_, i) => i)
  const decided = rows.filter((i) => data.outcome[i]! >= 0)
  const passes = (i: number): boolean => scored.knockedOutBy[i]! < 0 && scored.scores[i]! >= threshold
  const above = decided.filter(passes)
  const below = decided.filter((i) => !passes(i))
  const won = (list: number[]): number[] => list.filter((i) => data.outcome[i] === 1)
  const amounts = (list: number[]): number[] => won(list).map((i) => data.amount[i]!).filter((a) => !Number.isNaN(a))
  const cycles = (list: number[]): number[] => won(list).map((i) => data.cycleDays[i]!).filter((c) => !Number.isNaN(c))
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
    for (let trial = 0; trial < 200; trial++) {
      const data = randomDataset(random, randomInt(random, 1, 150))
      const compiled = compileScorecard(randomScorecard(random), data)
      const scored = scoreCompiled(compiled)
      const simulation = simulate(prepareOutcome(data), compiled, scored)
      const knocked = (i: number): boolean => scored.knockedOutBy[i]! >= 0
      const decided = Array.from({ length: data.rowCount }, (_, i) => i).filter((i) => data.outcome[i]! >= 0)
      for (const band of simulation.tierTable()) {
        const inBand = (i: number): boolean => (band.from === null ? knocked(i) : !knocked(i) && scored.scores[i]! >= band.from && scored.scores[i]! <= band.to!)
        const members = decided.filter(inBand)
        const wonCycles = members.filter((i) => data.outcome[i] === 1).map((i) => data.cycleDays[i]!)
        expect([band.n, band.wins], `trial ${trial} ${band.name}`).toEqual([members.length, members.filter((i) => data.outcome[i] === 1).length])
        if (Number.isNaN(median(wonCycles))) expect(band.medianCycleDays).toBeNaN()
        else expect(band.medianCycleDays, `trial ${trial} ${band.name}`).toBe(median(wonCycles))
      }
      const capacity = randomInt(random, 0, data.accountCount)
      const passingAccounts = (threshold: number): number => {
        const accounts = new Set<number>()
        for (let i = 0; i < data.rowCount; i++) {
          if (data.accountIndex[i]! >= 0 && !knocked(i) && scored.scores[i]! >= threshold) accounts.add(data.accountIndex[i]!)
        }
        return accounts.size
      }
      let expected: number | null = null
      for (let t = 100; t >= 0 && passingAccounts(t) <= capacity; t--) expected = t
      const result = simulation.capacity(capacity)
      expect(result.threshold, `trial ${trial}`).toBe(expected)
      if (expected !== null) expect(result.accountsPassing).toBe(passingAccounts(expected))
    }
  })
})
