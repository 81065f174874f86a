/**
 * The imported data, in the product's vocabulary: tables of accounts and deals whose columns
 * have a type (how values are read), a role (what the column means) and, for attributes, a
 * category (Firmographic, Technographic, ...).
 */

/** How a column's values are read. */
export const COLUMN_TYPES = [
  'number', // 1,250 · $12.5M · 12.5 million · €1.2m · 45% (stored as 0.45)
  'range', // 51-200 · 10,001+ · 1K-5K · $10M-$50M: a low/high pair with a representative value
  'date', // ISO, US m/d/y, d/m/y, Excel serials, with or without time
  'boolean', // Yes/No, TRUE/FALSE, Y/N, 1/0, x/blank
  'category', // one value from a small set: industry, state, funding stage
  'multi', // several values in one cell: "Salesforce; HubSpot | Slack"
  'text', // free text: notes, descriptions
  'id' // identifiers: account id, deal id, names, domains (unique or nearly so)
] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

/** What a column means to the analysis. */
export const COLUMN_ROLES = [
  'attribute', // a trait of the account that may predict wins (the default)
  'ignore',
  'account-id',
  'account-name',
  'domain',
  'deal-id',
  'outcome',
  'deal-amount',
  'created-date',
  'closed-date',
  'churned',
  'ltv',
  'acv',
  'nrr',
  'tenure',
  'nps',
  'time-to-value',
  'support-tickets',
  'sales-cycle-days'
] as const
export type ColumnRole = (typeof COLUMN_ROLES)[number]

/**
 * Whether at most one column of a table may hold `role`. Every role but a trait (attribute) or
 * ignore is read by its role (the outcome, the account key, a success metric, the churn flag), so a
 * second column holding it would make the analysis pick one silently. The one rule for the
 * Data section (a second column taking the role releases the first), import-commit and
 * dataset-set-column (both refuse the clash).
 */
export function isSingleColumnRole(role: ColumnRole): boolean {
  return role !== 'attribute' && role !== 'ignore'
}

/** The first two columns that hold the same single-column role, or null. */
export function roleClash<C extends { name: string; role: ColumnRole }>(
  columns: readonly C[]
): { role: ColumnRole; first: C; second: C } | null {
  const seen = new Map<ColumnRole, C>()
  for (const column of columns) {
    if (!isSingleColumnRole(column.role)) continue
    const first = seen.get(column.role)
    if (first) return { role: column.role, first, second: column }
    seen.set(column.role, column)
  }
  return null
}

/** Roles that are success metrics (used to define "best customers"). */
export const SUCCESS_METRIC_ROLES = [
  'ltv',
  'acv',
  'nrr',
  'tenure',
  'nps',
  'time-to-value',
  'support-tickets',
  'sales-cycle-days',
  'churned'
] as const satisfies readonly ColumnRole[]

export const DEFAULT_CATEGORIES = ['Firmographic', 'Technographic', 'Triggers', 'Buying process'] as const

export const OUTCOMES = ['won', 'lost', 'open'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** accounts: one row per account; deals: one row per deal; flat: one row per deal with account attributes inline. */
export const TABLE_KINDS = ['accounts', 'deals', 'flat'] as const
export type TableKind = (typeof TABLE_KINDS)[number]

export type DateOrder = 'mdy' | 'dmy' | 'ymd'

/**
 * Placeholders that usually mean "no value" (compared trimmed, case-insensitively). A hint, not
 * a rule: each column decides from its own data (see shared/import/values/placeholders.ts), so
 * a competitor literally named "None" or a territory "NA" stays a value where it behaves like one.
 */
export const DEFAULT_MISSING_TOKENS = [
  '',
  'n/a',
  'na',
  '#n/a',
  '-',
  '--',
  'null',
  'none',
  'nil',
  'select',
  '--select--',
  'unknown',
  'tbd',
  'nan'
] as const

/**
 * Whom an attribute describes: the account (industry, size: the same on all of its deals) or the
 * deal (product, owner, lead source: may differ between one account's deals). Account-level
 * evidence counts accounts; deal-level evidence counts deals.
 */
export const ATTRIBUTE_LEVELS = ['account', 'deal'] as const
export type AttributeLevel = (typeof ATTRIBUTE_LEVELS)[number]

/**
 * What a number column measures, so it is written the way a person would: money with a currency
 * sign, shares as percentages, counts and codes as plain whole numbers (a size class 0-4 is
 * never "$1"), years without a thousands separator.
 */
export const NUMBER_UNITS = ['money', 'percent', 'count', 'code', 'year', 'number'] as const
export type NumberUnit = (typeof NUMBER_UNITS)[number]

/** A placeholder spelling found in a column and whether it counts as missing there, with why. */
export interface PlaceholderDecision {
  /** The spelling as it appears (trimmed), e.g. "None", "999". */
  token: string
  count: number
  missing: boolean
  reason: string
}

/** A distinct raw value of a column and how many rows hold it. */
export interface ValueCount {
  value: string
  count: number
}

/** What inference concluded about one column, plus what the user chose. */
export interface ColumnProfile {
  index: number
  name: string
  inferredType: ColumnType
  type: ColumnType
  role: ColumnRole
  /** Category for attribute columns; null for other roles. */
  category: string | null
  rowCount: number
  missingCount: number
  distinctCount: number
  /** True for columns of mostly unique values, where distinctCount is an upper bound. */
  distinctIsEstimate?: boolean
  /** The most frequent values (for multi columns: items), at most 12. */
  topValues: ValueCount[]
  /** For number, range and date columns: counts over equal-width bins of the parsed values. */
  histogram: Array<{ from: number; to: number; count: number }> | null
  /** Values that could not be read as the column's type (count and up to 5 examples). */
  unparsedCount: number
  unparsedExamples: string[]
  /** Date columns: the day/month order in use, and whether the data alone could not decide it. */
  dateOrder: DateOrder | null
  dateOrderAmbiguous: boolean
  /** Multi columns: the separators used to split cells. */
  multiSeparators: string | null
  /** Why the role was suggested ("two values, 1 and 0; name “Converted” reads as an outcome"), or null. */
  roleReason: string | null
  /** Account or deal level (what the column describes), and why; null until the table is known. */
  level: AttributeLevel | null
  levelReason: string | null
  /** Number and range columns: what the numbers measure (null for other types). */
  unit: NumberUnit | null
  /** Placeholder spellings found in this column and whether each counts as missing here. */
  placeholders: PlaceholderDecision[]
  /** The name clients read on every screen and deliverable ("HQ country" for hq_country); editable. */
  label: string
}
