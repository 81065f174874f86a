import type { Condition, Scorecard } from '../engine/scorecard/model'
import { SUCCESS_METRIC_ROLES } from './dataset'

/** What `discover-run` answers (the CLI's `icp discover --json` prints exactly this). */
export interface DiscoverReport {
  target: 'won' | 'best' | 'retained'
  /** Deals counted (positive or negative). */
  n: number
  positives: number
  baseRate: number | null
  /** Accounts counted (positive when any of their deals is), or null when deals have no accounts. */
  accounts: { n: number; positives: number; baseRate: number | null } | null
  /** Whether any usable attribute separates the target beyond chance (after multiple-testing correction). */
  signal: 'none' | 'weak' | 'present'
  attributes: DiscoverAttribute[]
}

export interface DiscoverAttribute {
  name: string
  category: string
  iv: number
  strength: 'none' | 'weak' | 'medium' | 'strong'
  significant: boolean
  pValue: number | null
  /** What the evidence counts: accounts (an account fact) or deals (a deal fact). */
  unit: 'account' | 'deal'
  /** How well the attribute alone ranks positives above negatives (0.5: chance). */
  auc: number | null
  leakageSuspected: boolean
  leakageReasons: string[]
  /** The consultant judged the leakage flag wrong: the attribute counts like any other. */
  leakageOverruled: boolean
  /** Why it is left out of the verdict and suggestions though not leaky (an identifier), or null. */
  excluded: string | null
  values: DiscoverValue[]
  /** Numbers with standard bands (employees, revenue): the same attribute in those bands. */
  bands?: DiscoverValue[]
}

export interface DiscoverValue {
  label: string
  /** Units counted: accounts for an account fact, deals for a deal fact. */
  n: number
  deals: number
  accounts: number
  positives: number
  rate: number | null
  ci: [number | null, number | null]
  lift: number | null
  woe: number | null
  tooSmall: boolean
  /** The scorecard condition that selects these accounts (for building criteria from evidence). */
  condition: Condition
}

/** Success metrics that can define best customers: the columns with these roles. */
export const BEST_CUSTOMER_METRICS = SUCCESS_METRIC_ROLES
export type BestCustomerMetric = (typeof BEST_CUSTOMER_METRICS)[number]

/** "Best customers = the top X% of won accounts by a weighted composite of success metrics." */
export interface BestCustomerDefinition {
  metrics: Array<{ metric: BestCustomerMetric; direction: 'higher' | 'lower'; weight: number }>
  /** Share of won accounts that are best, in percent (default 20). */
  topPercent: number
}

/** The cohort a definition selects, and why each account is in it. */
export interface BestCustomerCohort {
  definition: BestCustomerDefinition
  /** Won accounts with at least one of the metrics. */
  wonAccounts: number
  cohortSize: number
  /** Metrics of the definition the workspace has no column for (ignored). */
  missingMetrics: BestCustomerMetric[]
  /** Cohort members, best first (a page). */
  members: Array<{
    accountId: string
    accountName: string
    composite: number
    metrics: Array<{ metric: BestCustomerMetric; value: number | null }>
  }>
  total: number
}

/** Values over-represented among lost deals (or churned customers): candidate knockouts. */
export interface AntiIcpEntry {
  attribute: string
  label: string
  n: number
  positives: number
  rate: number | null
  ci: [number | null, number | null]
  lift: number | null
  condition: Condition
  /** What a knockout on this value would have cost in history. */
  wonDealsRemoved: number
  wonRevenueRemoved: number
  lostDealsRemoved: number
}

/** What checking a hand-made scorecard against the data found. */
export interface ScorecardCheck {
  findings: Array<{
    kind: 'wrong-sign' | 'no-signal' | 'left-out' | 'budget'
    /** The criterion concerned (wrong-sign, no-signal) or null. */
    criterionId: string | null
    attribute: string | null
    category: string | null
    message: string
  }>
  /** The scorecard with points re-weighted from the evidence, within the budgets; applied only if the user accepts. */
  proposal: Scorecard
  aucNow: number | null
  aucProposed: number | null
}

/** A tier's accounts and win rate on the deals a scorecard is measured on. */
export interface TierEvidence {
  name: string
  accounts: number
  wonAccounts: number
  deals: number
  rate: number | null
  ci: [number | null, number | null]
  shareOfAccounts: number
  shareOfWins: number
}

/**
 * How a scorecard holds up on deals it was not fitted on (or, when there were too few for a
 * holdout, on the same deals, and said so), against the field's standard for tiers.
 */
export interface ScorecardValidation {
  kind: 'time' | 'random' | 'none'
  /** Which deals the figures come from, or why there is no holdout. */
  description: string
  measuredOn: 'holdout' | 'in-sample'
  auc: number | null
  /** The unconstrained fit (every strong bin of up to 8 attributes) on the same deals; suggestions only. */
  unconstrainedAuc: number | null
  /** On the deals the points were fitted on; suggestions only. */
  fittedAuc: number | null
  tiers: TierEvidence[]
  /** meets null: not enough data to tell. */
  verdict: { meets: boolean | null; sentence: string }
}
