/**
 * The role a column probably has, from its header, its type and its values. Every reading
 * becomes a scored candidate; the type and the table kind then rule some out (a text column
 * is never the deal amount; an accounts table has no deal roles unless the values are plainly
 * deal data, e.g. Closed Won / Closed Lost or Salesforce opportunity ids).
 */
import type { ColumnRole, ColumnType, TableKind, ValueCount } from '@shared/domain/dataset'
import { headerVariants, readHeader } from './header-words'
import { IGNORE_PATTERNS, OWNER_PATTERN, ROLE_PATTERNS } from './role-patterns'
import { looksLikeRowNumbers, valueSignals, type RoleCandidate } from './value-signals'

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
  outcome: ['category', 'text'],
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

const fitsType = (role: ColumnRole, type: ColumnType): boolean => ROLE_TYPES[role]?.includes(type) ?? true

function headerCandidates(input: RoleInput): RoleCandidate[] {
  const words = readHeader(input.header)
  const texts = headerVariants(words)
  const found: RoleCandidate[] = []
  for (const { role, score, pattern, tables } of [...ROLE_PATTERNS, ...IGNORE_PATTERNS]) {
    if (tables && !tables.includes(input.tableKind)) continue
    if (texts.some((text) => pattern.test(text))) found.push({ role, score })
  }
  // "Account: Created Date" is the account's, "Contact - ID" a person's: neither is a deal or account key.
  if (words.owner === 'account') return found.filter((c) => !DEAL_ROLES.has(c.role))
  if (words.owner === 'contact') return found.filter((c) => c.role === 'ignore')
  return found
}

/** Every role the column may have, strongest first; empty when it reads as a plain attribute. */
export function roleCandidates(input: RoleInput): RoleCandidate[] {
  const fromHeader = headerCandidates(input)
  const fromValues = valueSignals(input.values, input.type)
  const candidates = [...fromHeader, ...fromValues].filter((c) => fitsType(c.role, input.type))
  const field = readHeader(input.header).field
  if (OWNER_PATTERN.test(field) && fromValues.some((c) => c.role === 'ignore' && c.score >= 75)) {
    candidates.push({ role: 'ignore', score: 90 })
  }
  if (fromHeader.length === 0 && looksLikeRowNumbers(input.values)) candidates.push({ role: 'ignore', score: 60 })
  const allowed = input.tableKind === 'accounts'
    ? candidates.filter((c) => !DEAL_ROLES.has(c.role) || fromValues.includes(c))
    : candidates
  // Keep each role once, at its best score.
  const best = new Map<ColumnRole, number>()
  for (const c of allowed) best.set(c.role, Math.max(best.get(c.role) ?? -Infinity, c.score))
  return [...best].map(([role, score]) => ({ role, score })).sort((a, b) => b.score - a.score)
}

/** The single most likely role of one column, ignoring the other columns of its table. */
export function suggestRole(input: RoleInput): ColumnRole {
  return roleCandidates(input)[0]?.role ?? 'attribute'
}
