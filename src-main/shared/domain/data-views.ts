import type { AccountRecord } from '../engine/account-view'

/**
 * A data-hygiene rule, saved in the workspace and re-applied to every import. Rules name
 * columns by header, so they survive next quarter's export.
 */
export type HygieneRule =
  | { kind: 'merge'; column: string; from: string[]; to: string }
  | { kind: 'us-state'; column: string; to: 'code' | 'name' }
  | { kind: 'country'; column: string; to: 'code' | 'name' }
  | { kind: 'bands'; column: string; preset: 'employees' | 'revenue' | 'custom'; cuts?: number[]; labels?: string[] }

export interface HygieneRuleView {
  id: number
  rule: HygieneRule
  /** One line, e.g. Merge "saas", "Software as a Service" into "SaaS" in Industry. */
  description: string
  /** How many rows of the current data the rule changes. */
  affectedRows: number
}

export interface TableRowsPage {
  total: number
  headers: string[]
  rows: string[][]
}

/** One page of a join report list. */
export interface JoinListPage {
  total: number
  rows: Array<{ key: string; name: string; detail: string }>
}

/** One page of the account-level view, with how many accounts each outcome has in all. */
export interface AccountPage {
  total: number
  counts: { won: number; lost: number; open: number }
  rows: AccountRecord[]
}
