/** Simulation: what a scorecard would have done to the historical deals. */
export { bandTable, FIXED_BANDS, tierBands, TOO_SMALL_BAND, type BandRow, type ScoreBand } from './bands'
export { accountHistogram, capacityThreshold, type CapacityResult } from './capacity'
export {
  compareScorecards,
  type AccountSwap,
  type ComparedSide,
  type ScorecardComparison,
  type SideSummary,
  type SummaryDelta
} from './compare'
export { BUCKETS, DISQUALIFIED_BUCKET, type ScoreHistograms } from './histograms'
export { knockoutBacktest, type KnockoutBacktestRow } from './knockout-backtest'
export { latestQuarterStart, outOfTime, type BandDrift, type OutOfTimeReport, type PeriodReport } from './out-of-time'
export { prepareOutcome, restrictOutcome, type CycleDeals, type OutcomeOptions, type OutcomeView } from './outcome'
export { rankingSummary, type GainsAtScore, type RankingSummary } from './ranking-summary'
export { scoreOutcome, type ScoredOutcome } from './scored-outcome'
export { simulate, type Simulation } from './simulation'
export {
  curveOf,
  sweepHistograms,
  sweepPointAt,
  thresholdMetrics,
  type CurvePoint,
  type SweepPoint,
  type ThresholdMetrics
} from './threshold'
