import type { Condition } from '../engine/scorecard/model'

/** What `discover-run` answers (the CLI's `icp discover --json` prints exactly this). */
export interface DiscoverReport {
  target: 'won' | 'best' | 'retained'
  n: number
  positives: number
  baseRate: number | null
  /** Whether any attribute separates the target beyond chance (after multiple-testing correction). */
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
  leakageSuspected: boolean
  leakageReasons: string[]
  values: DiscoverValue[]
  /** Numbers with standard bands (employees, revenue): the same attribute in those bands. */
  bands?: DiscoverValue[]
}

export interface DiscoverValue {
  label: string
  n: number
  positives: number
  rate: number | null
  ci: [number | null, number | null]
  lift: number | null
  woe: number | null
  tooSmall: boolean
  /** The scorecard condition that selects these accounts (for building criteria from evidence). */
  condition: Condition
}
