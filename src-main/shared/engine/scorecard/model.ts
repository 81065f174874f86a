/**
 * The scorecard: what an Ideal Customer Profile looks like as points. Plain data (no classes)
 * so it can be stored in the workspace, sent over the API, diffed for undo and versioned.
 */

/** Every condition a criterion or knockout can test; which ones fit an attribute depends on its kind. */
export type ConditionOp =
  'in' | 'not_in' | 'between' | 'lt' | 'gt' | 'is_true' | 'is_false' | 'contains_any' | 'contains_all' | 'is_missing'

export const CONDITION_OPS: readonly ConditionOp[] = [
  'in',
  'not_in',
  'between',
  'lt',
  'gt',
  'is_true',
  'is_false',
  'contains_any',
  'contains_all',
  'is_missing'
]

/**
 * One test on one attribute. Only the fields the op uses are meaningful: `values` for in,
 * not_in, contains_any and contains_all; `min`/`max` for between (inclusive, null = open);
 * `value` for lt and gt. A missing value matches nothing except is_missing.
 */
export interface Condition {
  attribute: string
  op: ConditionOp
  values?: string[]
  min?: number | null
  max?: number | null
  value?: number
}

export interface Criterion extends Condition {
  /** Stable within the scorecard (editor selection, undo, per-criterion reasons). */
  id: string
  /** The category's name. */
  category: string
  /** Whole points; negative points mark what the ICP is not. */
  points: number
  label?: string
}

/** A condition that disqualifies an account whatever its points. */
export interface Knockout extends Condition {
  name: string
}

export interface ScorecardCategory {
  name: string
  /** The points the category is meant to carry; a guide for the editor, not a hard limit on scores. */
  budget: number
}

export interface Tier {
  name: string
  /** The lowest 0-100 score in the tier; the lowest tier takes every score below it too. */
  min: number
  /** A CSS colour, e.g. "#2f855a". */
  color?: string
}

/** Limits what the criteria on one attribute can add up to (both ways: -cap ... +cap). */
export interface AttributeCap {
  attribute: string
  cap: number
}

export interface Scorecard {
  name: string
  categories: ScorecardCategory[]
  criteria: Criterion[]
  knockouts: Knockout[]
  /** Ordered highest first. */
  tiers: Tier[]
  attributeCaps?: AttributeCap[]
}

/** The tier name shown for knocked-out accounts; their tier index is -1. */
export const DISQUALIFIED = 'Disqualified'

export const DEFAULT_CATEGORIES: readonly ScorecardCategory[] = [
  { name: 'Firmographic', budget: 30 },
  { name: 'Technographic', budget: 25 },
  { name: 'Triggers', budget: 25 },
  { name: 'Buying process', budget: 20 }
]

export const DEFAULT_TIERS: readonly Tier[] = [
  { name: 'A', min: 80, color: '#2f855a' },
  { name: 'B', min: 60, color: '#d69e2e' },
  { name: 'C', min: 0, color: '#a0aec0' }
]

export function defaultScorecard(name: string): Scorecard {
  return {
    name,
    categories: DEFAULT_CATEGORIES.map((category) => ({ ...category })),
    criteria: [],
    knockouts: [],
    tiers: DEFAULT_TIERS.map((tier) => ({ ...tier })),
    attributeCaps: []
  }
}
