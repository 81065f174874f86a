/**
 * What a threshold T does to the historical deals: a deal passes when its score is T or more
 * and no knockout hits it. Everything but the medians is read from the score histograms, so
 * the full sweep over 0-100 costs about as much as one threshold.
 *
 * Rates with nothing to divide by (no deal passes, no wins) are NaN (null in JSON).
 */

import { wilsonInterval } from '@shared/engine/stats/wilson'
import { sum, type ScoreHistograms } from './histograms'
import { medianCyclesAt } from './medians'
import type { ScoredOutcome } from './scored-outcome'

export interface SweepPoint {
  threshold: number
  /** Decided (won or lost) deals. */
  n: number
  wins: number
  losses: number
  /** Deals excluded from the outcome (open), counted but not scored against. */
  excludedOpen: number
  passCount: number
  passRate: number
  winsAbove: number
  winRateAbove: number
  winRateBelow: number
  ciAbove: [number, number]
  ciBelow: [number, number]
  baseRate: number
  /** winRateAbove / baseRate. */
  lift: number
  /** Share of wins kept (wins above / all wins). */
  recall: number
  /** Share of won revenue kept. */
  revenueKept: number
  /** Wins among the passing deals; with open deals excluded it equals winRateAbove. */
  precision: number
  meanCycleAbove: number
  meanCycleBelow: number
  meanWonAmountAbove: number
  meanWonAmountBelow: number
}

export interface ThresholdMetrics extends SweepPoint {
  medianCycleAbove: number
  medianCycleBelow: number
}

export interface CurvePoint {
  threshold: number
  passRate: number
  recall: number
  winRateAbove: number
}

interface Totals {
  deals: number
  wins: number
  wonAmount: number
  wonAmountCount: number
  cycleSum: number
  cycleCount: number
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b)

function totalsFrom(h: ScoreHistograms, from: number): Totals {
  return {
    deals: sum(h.deals, from),
    wins: sum(h.wins, from),
    wonAmount: sum(h.wonAmount, from),
    wonAmountCount: sum(h.wonAmountCount, from),
    cycleSum: sum(h.cycleSum, from),
    cycleCount: sum(h.cycleCount, from)
  }
}

function point(threshold: number, all: Totals, above: Totals, excluded: number): SweepPoint {
  const n = all.deals
  const winsBelow = all.wins - above.wins
  const dealsBelow = n - above.deals
  const baseRate = ratio(all.wins, n)
  const winRateAbove = ratio(above.wins, above.deals)
  return {
    threshold,
    n,
    wins: all.wins,
    losses: n - all.wins,
    excludedOpen: excluded,
    passCount: above.deals,
    passRate: ratio(above.deals, n),
    winsAbove: above.wins,
    winRateAbove,
    winRateBelow: ratio(winsBelow, dealsBelow),
    ciAbove: wilsonInterval(above.wins, above.deals),
    ciBelow: wilsonInterval(winsBelow, dealsBelow),
    baseRate,
    lift: ratio(winRateAbove, baseRate),
    recall: ratio(above.wins, all.wins),
    revenueKept: ratio(above.wonAmount, all.wonAmount),
    precision: winRateAbove,
    meanCycleAbove: ratio(above.cycleSum, above.cycleCount),
    meanCycleBelow: ratio(all.cycleSum - above.cycleSum, all.cycleCount - above.cycleCount),
    meanWonAmountAbove: ratio(above.wonAmount, above.wonAmountCount),
    meanWonAmountBelow: ratio(all.wonAmount - above.wonAmount, all.wonAmountCount - above.wonAmountCount)
  }
}

export function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 100) {
    throw new RangeError(`A threshold is a whole score from 0 to 100 (got ${threshold})`)
  }
}

/** The histogram figures at one threshold (medians come from thresholdMetrics). */
export function sweepPointAt(h: ScoreHistograms, threshold: number): SweepPoint {
  checkThreshold(threshold)
  return point(threshold, totalsFrom(h, 0), totalsFrom(h, threshold + 1), h.excluded)
}

/** Every threshold 0-100 in one pass from the top score down. */
export function sweepHistograms(h: ScoreHistograms): SweepPoint[] {
  const all = totalsFrom(h, 0)
  const above: Totals = { deals: 0, wins: 0, wonAmount: 0, wonAmountCount: 0, cycleSum: 0, cycleCount: 0 }
  const points = new Array<SweepPoint>(101)
  for (let threshold = 100; threshold >= 0; threshold--) {
    const b = threshold + 1
    above.deals += h.deals[b]!
    above.wins += h.wins[b]!
    above.wonAmount += h.wonAmount[b]!
    above.wonAmountCount += h.wonAmountCount[b]!
    above.cycleSum += h.cycleSum[b]!
    above.cycleCount += h.cycleCount[b]!
    points[threshold] = point(threshold, all, { ...above }, h.excluded)
  }
  return points
}

export function curveOf(points: readonly SweepPoint[]): CurvePoint[] {
  return points.map(({ threshold, passRate, recall, winRateAbove }) => ({ threshold, passRate, recall, winRateAbove }))
}

/** Everything at one threshold, medians included (one walk over the deals in cycle order). */
export function thresholdMetrics(outcome: ScoredOutcome, threshold: number): ThresholdMetrics {
  const point = sweepPointAt(outcome.histograms, threshold)
  const medians = medianCyclesAt(outcome, threshold)
  return { ...point, medianCycleAbove: medians.above, medianCycleBelow: medians.below }
}
