/**
 * What `simulate-run` answers for one scorecard and outcome (the CLI's `icp simulate --json`
 * prints exactly this). Rates with nothing to divide by are null.
 */
export interface SimulationReport {
  scorecard: string
  outcome: 'won' | 'best' | 'retained'
  n: number
  wins: number
  losses: number
  excludedOpen: number
  auc: number | null
  gini: number | null
  ks: number | null
  threshold: number
  passCount: number
  passRate: number | null
  winRateAbove: number | null
  winRateBelow: number | null
  ciAbove: [number | null, number | null]
  ciBelow: [number | null, number | null]
  lift: number | null
  recall: number | null
  revenueKept: number | null
  medianCycleAbove: number | null
  medianCycleBelow: number | null
  bands: SimulationBand[]
  tiers: SimulationBand[]
  curve: Array<{ threshold: number; passRate: number | null; recall: number | null; winRateAbove: number | null }>
  knockouts: Array<{ name: string; wonDealsRemoved: number; wonRevenueRemoved: number }>
  /** Decided deals per score 0-100 (knocked-out deals left out): the won vs lost distributions. */
  distribution: Array<{ score: number; won: number; lost: number }>
  /** ROC: at each threshold, the share of losses passing (x) against the share of wins passing (y). */
  roc: Array<{ threshold: number; falsePositiveRate: number | null; truePositiveRate: number | null }>
  /** With a capacity: the threshold that fills it and the accounts it passes. */
  capacity?: { accounts: number; threshold: number | null; accountsPassing: number }
  /** With a split date: both periods and the score drift between them. */
  outOfTime?: {
    splitDate: string
    before: { n: number; wins: number; winRateAbove: number | null; lift: number | null; auc: number | null }
    after: { n: number; wins: number; winRateAbove: number | null; lift: number | null; auc: number | null }
    psi: number | null
    bandPsi: Array<{ name: string; psi: number | null }>
  }
}

export interface SimulationBand {
  name: string
  from: number | null
  to: number | null
  n: number
  wins: number
  winRate: number | null
  ci: [number | null, number | null]
  medianCycleDays: number | null
  meanWonAmount: number | null
  tooSmall: boolean
}
