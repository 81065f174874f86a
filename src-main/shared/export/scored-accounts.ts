/**
 * Scored accounts: the one-row-per-account table behind the workbook's "Scored accounts" sheet
 * and the scored-accounts CSV.
 *
 * The engine scores deals (the account's attributes joined onto each of its deals). An account's
 * row is its **most recent deal**, by the one rule every screen uses (see representative-deals):
 * the latest close date, else the latest created date, else the deal that comes last in the data.
 * Deal attributes (lead source, say) are read from that deal. Deals without an account are left out.
 */

import type { OutcomeWords } from '@shared/domain/one-pager'
import type { EngineColumn, EngineDataset } from '@shared/engine/engine-dataset'
import { capitalize } from '@shared/format'
import { WON_WORDS } from './outcome-words'
import { MISSING_CODE } from '@shared/engine/engine-dataset'
import { accountOutcomes, representativeDeals } from '@shared/engine/representative-deals'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { DISQUALIFIED, type Criterion, type Knockout } from '@shared/engine/scorecard/model'
import type { AttributeKind } from '@shared/engine/scorecard/operators'
import type { CompiledScorecard } from '@shared/engine/scoring/compile'
import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { reasonCodes, type ReasonCode } from '@shared/engine/scoring/reason-codes'

/** The leading columns of every scored-accounts table (the sheet and the CSV), in order. */
export const FIXED_HEADERS = ['Account ID', 'Account', 'Score', 'Tier', 'Points', 'Knocked out by', 'Deals', 'Outcome'] as const

/**
 * How an account's outcome and its rows are written: won, lost or open deals, or a churn study's
 * retained, churned or unknown customers. The workbook's formulas count the same words.
 */
export interface OutcomeLabels {
  won: string
  lost: string
  open: string
  /** The heading of the column that counts an account's rows. */
  rows: string
}
/** The labels in the workspace's outcome words: won, lost and open deals, or retained, churned and unknown customers. */
export function outcomeLabels(words: Pick<OutcomeWords, 'kind' | 'won' | 'lost' | 'records'>): OutcomeLabels {
  // A churn study has no open deals: a customer without a churn value is unknown.
  return { won: words.won, lost: words.lost, open: words.kind === 'retained' ? 'unknown' : 'open', rows: capitalize(words.records) }
}

/** The leading headers with the rows' column named for what it counts. */
export function fixedHeaders(labels: OutcomeLabels): string[] {
  return FIXED_HEADERS.map((header) => (header === 'Deals' ? labels.rows : header))
}

/** After the criteria columns: why each account scored what it did (see reason-codes). */
export const REASONS_HEADER = 'Reasons'

export { representativeDeals }

export type AttributeValue = string | number | boolean | null

export interface ScoredAccount {
  /** The deal row (in the engine's dataset) the account is scored by. */
  row: number
  accountId: string
  accountName: string
  deals: number
  /** Won when any deal was won, lost when every deal was lost, else open (as in the account view). */
  outcome: 'won' | 'lost' | 'open'
  /** One value per `attributes` entry: text (category), number (NaN-free), boolean, or null when missing. */
  values: AttributeValue[]
  /** One 0/1 per criterion: whether the account meets its condition. */
  matches: Uint8Array
  /** The first knockout that hits the account, or null. */
  knockout: string | null
  /** Points after caps. */
  raw: number
  score: number
  tier: string
  /** The criteria that moved the score most, in the criteria's client-facing words. */
  reasons: ReasonCode[]
}

export interface ScoredAccountsTable {
  /** The attributes the scorecard reads (criteria, then knockouts), each once, in order of first use. */
  attributes: Array<{ name: string; kind: AttributeKind }>
  /** Column headers for the criteria, unique (two criteria may read alike). */
  criterionHeaders: string[]
  criteria: Criterion[]
  /** Highest score first; knocked-out accounts after the rest; ties by account name. */
  accounts: ScoredAccount[]
  /** How the Outcome column and the rows' column are written. */
  labels: OutcomeLabels
}

/** Two criteria may read the same ("Industry is SaaS"); column names must not. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return headers.map((header) => {
    const count = (seen.get(header) ?? 0) + 1
    seen.set(header, count)
    return count === 1 ? header : `${header} (${count})`
  })
}

function valueOf(column: EngineColumn | undefined, row: number): AttributeValue {
  if (!column) return null
  switch (column.kind) {
    case 'category': {
      const code = column.codes[row]!
      return code === MISSING_CODE ? null : (column.values[code] ?? null)
    }
    case 'number': {
      const value = column.values[row]!
      return Number.isNaN(value) ? null : value
    }
    case 'boolean': {
      const value = column.values[row]!
      return value < 0 ? null : value === 1
    }
    case 'multi': {
      if (column.missing[row]) return null
      const items: string[] = []
      const base = row * column.wordsPerRow
      column.items.forEach((item, i) => {
        if ((column.bits[base + (i >>> 5)]! >>> (i & 31)) & 1) items.push(item)
      })
      return items.join('; ')
    }
  }
}

function knockoutName(knockout: Knockout | undefined): string {
  if (!knockout) return DISQUALIFIED
  return knockout.name.trim() || describeCondition(knockout)
}

/** A criterion as a column header reads it: its own label, else its condition (raw names by default). */
export type CriterionHeading = (criterion: Criterion) => string

const rawHeading: CriterionHeading = (criterion) => criterion.label ?? describeCondition(criterion)

/**
 * `reasonWords` words the criteria inside reason codes: the condition itself by default, because
 * a criterion's label may carry the evidence it was suggested with ("… · win rate 56% vs 43%").
 */
export function scoredAccountsTable(
  compiled: CompiledScorecard,
  scored: ScoredRows,
  dataset: EngineDataset,
  heading: CriterionHeading = rawHeading,
  reasonWords: CriterionHeading = describeCondition,
  labels: OutcomeLabels = outcomeLabels(WON_WORDS)
): ScoredAccountsTable {
  const { scorecard } = compiled
  const names: string[] = []
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts]) {
    if (!names.includes(condition.attribute)) names.push(condition.attribute)
  }
  const columns = names.map((name) => dataset.attributes.get(name))
  const attributes = names.map((name, i) => ({ name, kind: columns[i]?.kind ?? ('category' as const) }))
  const criteria = compiled.criteria.map((c) => c.criterion)
  const criterionHeaders = uniqueHeaders(criteria.map(heading))
  const criterionWords = criteria.map(reasonWords)
  const caps = scorecard.attributeCaps ?? []

  const deals = new Int32Array(dataset.accountCount)
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = dataset.accountIndex[row]!
    if (account >= 0) deals[account]!++
  }
  const outcomes = accountOutcomes(dataset)

  const { scores, tiers, raw } = scored
  const tierNames = scorecard.tiers.map((t) => t.name)
  const accounts: ScoredAccount[] = []
  const masks = compiled.criteria.map((c) => c.mask)
  representativeDeals(dataset).forEach((row, account) => {
    if (row < 0) return
    const knockedOut = scored.knockedOutBy[row]!
    const tier = tiers[row]!
    // A plain loop: Uint8Array.from with a mapping function cost a third of a second at 100,000 accounts.
    const matches = new Uint8Array(masks.length)
    for (let i = 0; i < masks.length; i++) matches[i] = masks[i]![row]!
    accounts.push({
      row,
      accountId: dataset.accountIds[row] ?? '',
      accountName: dataset.accountNames[row] ?? '',
      deals: deals[account]!,
      outcome: outcomes[account] === 1 ? 'won' : outcomes[account] === 0 ? 'lost' : 'open',
      values: columns.map((column) => valueOf(column, row)),
      matches,
      knockout: knockedOut >= 0 ? knockoutName(compiled.knockouts[knockedOut]?.knockout) : null,
      raw: raw[row]!,
      score: scores[row]!,
      tier: tier < 0 ? DISQUALIFIED : (tierNames[tier] ?? ''),
      reasons: reasonCodes(criteria, matches, criterionWords, caps)
    })
  })
  accounts.sort(
    (a, b) =>
      Number(a.knockout !== null) - Number(b.knockout !== null) ||
      b.score - a.score ||
      // Code-unit order, not localeCompare: the same on every machine and fast on 100,000 rows.
      (a.accountName < b.accountName ? -1 : a.accountName > b.accountName ? 1 : 0) ||
      a.row - b.row
  )
  return { attributes, criterionHeaders, criteria, accounts, labels }
}
