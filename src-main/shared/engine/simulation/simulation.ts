/**
 * One scored scorecard against one outcome: every question the Simulate screen, the CLI and
 * the exports ask, answered from the same histograms so they always agree. Build it after each
 * rescore or points change (one pass over the deals; it does not follow later changes); each
 * question then costs ~100 buckets, or one walk in cycle order where a median is involved.
 */

import type { CompiledScorecard } from '@shared/engine/scoring/compile'
import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { bandTable, FIXED_BANDS, tierBands, type BandRow, type ScoreBand } from './bands'
import { capacityThreshold, type CapacityResult } from './capacity'
import { compareScorecards, type ScorecardComparison } from './compare'
import { knockoutBacktest, type KnockoutBacktestRow } from './knockout-backtest'
import { outOfTime, type OutOfTimeReport } from './out-of-time'
import type { OutcomeView } from './outcome'
import type { RawClassCounts } from './raw-class-counts'
import { rankingSummary, type RankingSummary } from './ranking-summary'
import { scoreOutcome, type ScoredOutcome } from './scored-outcome'
import { curveOf, sweepHistograms, thresholdMetrics, type CurvePoint, type SweepPoint, type ThresholdMetrics } from './threshold'

export interface Simulation extends ScoredOutcome {
  compiled: CompiledScorecard
  ranking(): RankingSummary
  thresholdMetrics(threshold: number): ThresholdMetrics
  /** Index = threshold 0-100. */
  sweep(): SweepPoint[]
  curve(): CurvePoint[]
  /** Fixed bands 0-20 ... 81-100 unless others are given; a Disqualified row when the scorecard has knockouts. */
  bandTable(bands?: readonly ScoreBand[]): BandRow[]
  tierTable(): BandRow[]
  capacity(accounts: number): CapacityResult
  knockoutBacktest(): KnockoutBacktestRow[]
  outOfTime(cutMs: number, threshold: number, bands?: readonly ScoreBand[]): OutOfTimeReport
  compare(other: Simulation, options?: { thresholdA?: number; thresholdB?: number }): ScorecardComparison
}

/** What a caller that follows the scores across edits already knows (the what-if session). */
export interface SimulationCarry {
  /** `scored`'s deals counted per raw points value (see RawClassCounts). */
  rawCounts?: RawClassCounts
  /** The knockout backtest of the same knockouts and outcome: it does not depend on points. */
  knockoutBacktest?: KnockoutBacktestRow[]
}

export function simulate(view: OutcomeView, compiled: CompiledScorecard, scored: ScoredRows, carry: SimulationCarry = {}): Simulation {
  const outcome = scoreOutcome(view, scored, carry.rawCounts)
  let backtest = carry.knockoutBacktest ?? null
  const { histograms } = outcome
  const disqualifiedRow = compiled.knockouts.length > 0
  let sweep: SweepPoint[] | null = null
  const simulation: Simulation = {
    view,
    compiled,
    scored,
    histograms,
    cycleBuckets: outcome.cycleBuckets,
    ranking: () => rankingSummary(histograms),
    thresholdMetrics: (threshold) => thresholdMetrics(outcome, threshold),
    sweep: () => (sweep ??= sweepHistograms(histograms)),
    curve: () => curveOf(simulation.sweep()),
    bandTable: (bands = FIXED_BANDS) => bandTable(outcome, bands, { disqualifiedRow }),
    tierTable: () => bandTable(outcome, tierBands(compiled.scorecard.tiers), { disqualifiedRow }),
    capacity: (accounts) => capacityThreshold(outcome, accounts),
    knockoutBacktest: () => (backtest ??= knockoutBacktest(view, compiled)),
    outOfTime: (cutMs, threshold, bands) => outOfTime(view, compiled, scored, cutMs, { threshold, ...(bands ? { bands } : {}) }),
    compare: (other, options) => compareScorecards(simulation, other, options)
  }
  return simulation
}
