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
  knockouts: Array<{ name: string; wonDealsRemoved: number; wonRevenueRemoved: number; lostDealsRemoved: number }>
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

/** Which scorecard to simulate: its working copy, or one of its saved versions. */
export interface ScorecardRef {
  scorecardId: number
  versionId?: number | undefined
}

/** One side of a comparison: what was compared and its headline figures at its threshold. */
export interface CompareSide {
  scorecardId: number
  /** null for the working copy. */
  versionId: number | null
  scorecard: string
  /** "Working copy" or the version's note. */
  revision: string
  /** The top tier's name and minimum score (the swap set is about this tier). */
  topTier: string
  topTierMin: number
  threshold: number
  auc: number | null
  gini: number | null
  ks: number | null
  passRate: number | null
  winRateAbove: number | null
  lift: number | null
  recall: number | null
  revenueKept: number | null
  topTierAccounts: number
}

/** b - a for each figure; null when either side has none. */
export interface CompareDelta {
  threshold: number
  auc: number | null
  gini: number | null
  ks: number | null
  passRate: number | null
  winRateAbove: number | null
  lift: number | null
  recall: number | null
  revenueKept: number | null
  topTierAccounts: number
}

/** An account that enters or leaves the top tier: its tier and score under each side, its most recent deal's (Disqualified when a knockout hits that deal; score null only when it has no deal there). */
export interface CompareSwap {
  accountId: string
  accountName: string
  tierA: string
  tierB: string
  scoreA: number | null
  scoreB: number | null
}

export interface CompareSwapPage {
  total: number
  offset: number
  rows: CompareSwap[]
}

/** What `simulate-compare` answers: both sides, their differences (b - a) and a page of the swap set. */
export interface CompareReport {
  outcome: SimulationReport['outcome']
  /** Decided deals both sides were measured on. */
  n: number
  a: CompareSide
  b: CompareSide
  delta: CompareDelta
  /** In the top tier under b, not under a; highest score under b first. */
  entering: CompareSwapPage
  /** In the top tier under a, not under b; highest score under a first. */
  leaving: CompareSwapPage
}

/** One deal of a band, with the points each criterion gave it (aligned with BandAccountsPage.criteria). */
export interface BandAccountRow {
  dealId: string
  accountId: string
  accountName: string
  /** Counted as a success under the outcome (won, best customer, retained). */
  positive: boolean
  score: number
  tier: string
  points: number[]
  /** Knockouts that hit the deal (the Disqualified row). */
  knockouts: string[]
  /** The criteria that moved the score most, in words (reason codes, as in the CSV and the CRM pack). */
  reasons: string
}

/** What `simulate-band-accounts` answers: the decided deals of one band, highest score first, a page at a time. */
export interface BandAccountsPage {
  total: number
  /** Successes in the whole band. */
  positives: number
  offset: number
  criteria: Array<{ id: string; label: string; category: string; points: number }>
  rows: BandAccountRow[]
}
