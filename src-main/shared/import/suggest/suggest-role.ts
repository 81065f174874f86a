/**
 * The role a column probably has, from its header, its type and its values. Every reading
 * becomes a scored candidate with its reason; the type and the table kind then rule some out (a
 * text column is never the deal amount; an accounts table has no deal roles unless the values
 * are plainly deal data, e.g. Closed Won / Closed Lost or Salesforce opportunity ids).
 */
import type { ColumnRole, ColumnType, TableKind, ValueCount } from '@shared/domain/dataset'
import { binaryOutcomePolarity, binaryValues } from './binary-outcome'
import { headerText, headerVariants, readHeader } from './header-words'
import { IGNORE_PATTERNS, OWNER_PATTERN, ROLE_PATTERNS } from './role-patterns'
import { looksLikeRowNumbers, someValues, valueSignals, type RoleCandidate } from './value-signals'

export type { RoleCandidate } from './value-signals'

export interface RoleInput {
  header: string
  type: ColumnType
  values: readonly ValueCount[]
  tableKind: TableKind
}

const NUMERIC: readonly ColumnType[] = ['number', 'range']
const KEYS: readonly ColumnType[] = ['id', 'number', 'text', 'category']
const NAMES: readonly ColumnType[] = ['id', 'text', 'category']

/** The types a role's column may have; roles not listed take any type. */
const ROLE_TYPES: Partial<Record<ColumnRole, readonly ColumnType[]>> = {
  'account-id': KEYS,
  'deal-id': KEYS,
  'account-name': NAMES,
  domain: NAMES,
  outcome: ['category', 'text', 'boolean'],
  'deal-amount': NUMERIC,
  'created-date': ['date'],
  'closed-date': ['date'],
  churned: ['boolean', 'category'],
  ltv: NUMERIC,
  acv: NUMERIC,
  nrr: NUMERIC,
  tenure: NUMERIC,
  nps: NUMERIC,
  'time-to-value': NUMERIC,
  'support-tickets': NUMERIC,
  'sales-cycle-days': NUMERIC
}

/** Roles that describe a deal, not an account. */
const DEAL_ROLES = new Set<ColumnRole>(['outcome', 'deal-amount', 'deal-id', 'created-date', 'closed-date', 'sales-cycle-days'])

/** How a role reads in a reason: "name “Close Date” reads as the close date". */
export const ROLE_WORDS: Readonly<Record<ColumnRole, string>> = {
  attribute: 'a trait of the account',
  ignore: 'not used',
  'account-id': 'the account id',
  'account-name': 'the account name',
  domain: 'the account’s web domain',
  'deal-id': 'the deal id',
  outcome: 'the outcome',
  'deal-amount': 'the deal amount',
  'created-date': 'the created date',
  'closed-date': 'the close date',
  churned: 'the churn flag',
  ltv: 'lifetime value',
  acv: 'annual contract value',
  nrr: 'net revenue retention',
  tenure: 'tenure',
  nps: 'NPS',
  'time-to-value': 'time to value',
  'support-tickets': 'support tickets',
  'sales-cycle-days': 'the sales cycle in days'
}

const CONVERTED = /(?:^| )(?:converted|company currency|home currency|corporate currency|reporting currency)(?: |$)/

const fitsType = (role: ColumnRole, type: ColumnType): boolean => ROLE_TYPES[role]?.includes(type) ?? true

function headerCandidates(input: RoleInput): RoleCandidate[] {
  const words = readHeader(input.header)
  const texts = headerVariants(words)
  const found: RoleCandidate[] = []
  for (const { role, score, pattern, tables, what, needsDealDates } of [...ROLE_PATTERNS, ...IGNORE_PATTERNS]) {
    if (tables && !tables.includes(input.tableKind)) continue
    if (!texts.some((text) => pattern.test(text))) continue
    const reading = role === 'ignore' ? (what ?? 'not a trait of the account') : ROLE_WORDS[role]
    found.push({ role, score, reason: `name “${input.header}” reads as ${reading}`, ...(needsDealDates ? { needsDealDates } : {}) })
  }
  // Of two amounts, the one converted to the company's currency is comparable across deals.
  if (CONVERTED.test(headerText(input.header))) {
    for (const c of found) if (c.role === 'deal-amount') c.score += 10
  }
  // A second amount of the deal (the local-currency one beside the converted) is not a trait.
  if (NUMERIC.includes(input.type) && found.some((c) => c.role === 'deal-amount')) {
    found.push({
      role: 'ignore',
      score: 20,
      reason: `name “${input.header}” reads as an amount of the deal, and another column is the deal amount`
    })
  }
  // "Account: Created Date" is the account's, "Contact - ID" a person's: neither is a deal or account key.
  if (words.owner === 'account') return found.filter((c) => !DEAL_ROLES.has(c.role))
  if (words.owner === 'contact') return found.filter((c) => c.role === 'ignore')
  return found
}

/**
 * A yes/no column whose name names a result (Converted, IsWon, Churn, y): the outcome. Below a
 * stage column's reading, so a Salesforce export's Stage (which also knows open deals) wins over
 * its IsWon; a churn flag yields to a deal outcome and keeps its churn role when there is one.
 */
function binaryOutcomeCandidate(input: RoleInput): RoleCandidate | null {
  if (input.type !== 'boolean' && input.type !== 'category') return null
  const polarity = binaryOutcomePolarity(input.header)
  const values = binaryValues(input.values.filter((v) => v.value.trim() !== ''))
  if (polarity === null || values === null) return null
  const pair = `${values.yes[0]} and ${values.no[0]}`
  const meaning = polarity === 'won' ? '' : `: ${values.yes[0]} (churned) counts as lost, ${values.no[0]} (retained) as won`
  return {
    role: 'outcome',
    score: polarity === 'won' ? 88 : 70,
    reason: `two values, ${pair}; name “${input.header}” reads as a result${meaning}`
  }
}

/** Every role the column may have, strongest first; empty when it reads as a plain attribute. */
export function roleCandidates(input: RoleInput): RoleCandidate[] {
  const fromHeader = headerCandidates(input)
  const fromValues = valueSignals(input.values, input.type)
  const binary = binaryOutcomeCandidate(input)
  if (binary) fromValues.push(binary)
  const candidates = [...fromHeader, ...fromValues].filter((c) => fitsType(c.role, input.type))
  const field = readHeader(input.header).field
  if (OWNER_PATTERN.test(field) && fromValues.some((c) => c.role === 'ignore' && c.score >= 75)) {
    candidates.push({ role: 'ignore', score: 90, reason: `name “${input.header}” is the owner, and the values are e-mail addresses` })
  }
  if (fromHeader.length === 0 && looksLikeRowNumbers(input.values)) {
    candidates.push({ role: 'ignore', score: 60, reason: `values count rows (${someValues(input.values)})` })
  }
  const allowed = input.tableKind === 'accounts' ? candidates.filter((c) => !DEAL_ROLES.has(c.role) || fromValues.includes(c)) : candidates
  // Keep each role once, at its best score.
  const best = new Map<ColumnRole, RoleCandidate>()
  for (const c of allowed) {
    const seen = best.get(c.role)
    if (!seen || c.score > seen.score) best.set(c.role, c)
  }
  return [...best.values()].sort((a, b) => b.score - a.score)
}

/** The single most likely role of one column, ignoring the other columns of its table. */
export function suggestRole(input: RoleInput): ColumnRole {
  return roleCandidates(input)[0]?.role ?? 'attribute'
}
