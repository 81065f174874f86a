/**
 * What a column's values say about its role, whatever the header: stage names with wins and
 * losses are the outcome, web addresses are the domain, Salesforce record ids say which object
 * they belong to, e-mail addresses and long prose are not attributes.
 */
import TLDS from 'tlds'
import { DEFAULT_MISSING_TOKENS, type ColumnRole, type ColumnType, type ValueCount } from '@shared/domain/dataset'
import { hasWinsAndLosses, suggestOutcomeMapping } from './outcome-mapping'

export interface RoleCandidate {
  role: ColumnRole
  score: number
  /** Why, in words the review screen shows: "values are deal stages with wins and losses". */
  reason: string
  /** Holds only when another column of the table is the deal's created or close date. */
  needsDealDates?: boolean
}

/** Real top-level domains (IANA's list, kept current by the tlds package): "02.Medium" is no host. */
const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set(TLDS)

const MISSING = new Set<string>(DEFAULT_MISSING_TOKENS)
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i
const WEB_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,}))(?::\d+)?(?:[/?#]\S*)?$/i
/** A host's first label: letters somewhere in it (a "02" before the dot is a number, not a name). */
const NAMED_LABEL = /^[a-z0-9-]*[a-z][a-z0-9-]*\./i
/** Salesforce ids: 15 or 18 characters, the first three name the object (001 account, 006 opportunity). */
const SALESFORCE_ID = /^(00[16])[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/
/** Stage columns have a handful of values; hundreds of distinct values are not a pipeline. */
const MAX_OUTCOME_VALUES = 50
const MOSTLY = 0.8
const MIN_ROWS_FOR_CONSTANT = 20

const present = (values: readonly ValueCount[]): ValueCount[] => values.filter((v) => !MISSING.has(v.value.trim().toLowerCase()))

/** Share of rows (by count) whose value passes `test`. */
function shareOfRows(values: readonly ValueCount[], test: (value: string) => boolean): number {
  let total = 0
  let hits = 0
  for (const { value, count } of values) {
    total += count
    if (test(value.trim())) hits += count
  }
  return total === 0 ? 0 : hits / total
}

/** "Closed Won, Closed Lost, Negotiation": the first few values, for a reason. */
export function someValues(values: readonly ValueCount[], limit = 3): string {
  const top = [...values]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((v) => v.value)
  return top.join(', ') + (values.length > limit ? ', …' : '')
}

function outcomeSignal(values: readonly ValueCount[], type: ColumnType): RoleCandidate | null {
  if ((type !== 'category' && type !== 'text') || values.length > MAX_OUTCOME_VALUES) return null
  const mapping = suggestOutcomeMapping(values)
  if (!hasWinsAndLosses(mapping)) return null
  const mapped = new Set(mapping.filter((m) => m.outcome !== null).map((m) => m.value))
  if (shareOfRows(values, (v) => mapped.has(v)) < MOSTLY) return null
  return { role: 'outcome', score: 95, reason: `values read as won and lost (${someValues(values, 4)})` }
}

function domainSignal(values: readonly ValueCount[]): RoleCandidate | null {
  const hosts = new Set<string>()
  const share = shareOfRows(values, (v) => {
    if (EMAIL.test(v)) return false
    const match = WEB_ADDRESS.exec(v)
    const real = match !== null && TOP_LEVEL_DOMAINS.has(match[2]!.toLowerCase()) && NAMED_LABEL.test(match[1]!)
    if (real) hosts.add(match[1]!.toLowerCase())
    return real
  })
  // A column of one site's pages (LinkedIn profiles) is links, not the accounts' own domains.
  const distinctEnough = hosts.size >= Math.max(2, values.length / 2)
  return share >= MOSTLY && distinctEnough
    ? { role: 'domain', score: 90, reason: `values are web addresses (${someValues(values, 2)})` }
    : null
}

function salesforceIdSignal(values: readonly ValueCount[]): RoleCandidate | null {
  const prefixes = new Map<string, number>()
  for (const { value, count } of values) {
    const prefix = SALESFORCE_ID.exec(value.trim())?.[1]
    if (prefix) prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + count)
  }
  const total = values.reduce((sum, v) => sum + v.count, 0)
  if ((prefixes.get('001') ?? 0) >= 0.9 * total)
    return { role: 'account-id', score: 92, reason: 'values are Salesforce account ids (001…)' }
  if ((prefixes.get('006') ?? 0) >= 0.9 * total)
    return { role: 'deal-id', score: 92, reason: 'values are Salesforce opportunity ids (006…)' }
  return null
}

function notAnAttributeSignal(values: readonly ValueCount[], type: ColumnType): RoleCandidate | null {
  if (shareOfRows(values, (v) => EMAIL.test(v)) >= MOSTLY) return { role: 'ignore', score: 75, reason: 'values are e-mail addresses' }
  // Dates say when something happened to a deal, not what kind of account it is; a date that
  // is the deal's created or close date gets that role from its header instead.
  if (type === 'date')
    return { role: 'ignore', score: 30, reason: 'a date: not a trait to score (make it the created or close date if it is one)' }
  // Judged only with enough rows: a handful of rows can share a value by chance.
  if (values.length === 1 && values[0]!.count >= MIN_ROWS_FOR_CONSTANT) {
    return { role: 'ignore', score: 65, reason: `one value (“${values[0]!.value}”) in every filled row: nothing to compare` }
  }
  if (type !== 'text') return null
  const total = values.reduce((sum, v) => sum + v.count, 0)
  const characters = values.reduce((sum, v) => sum + v.value.trim().length * v.count, 0)
  // Notes and descriptions run to sentences; category-like text columns stay short.
  return total > 0 && characters / total >= 40 ? { role: 'ignore', score: 60, reason: 'long free text' } : null
}

/** 1, 2, 3, … n once each: a row number column. */
export function looksLikeRowNumbers(values: readonly ValueCount[]): boolean {
  const kept = present(values)
  if (kept.length < 5 || kept.some((v) => v.count !== 1)) return false
  let min = Infinity
  let max = -Infinity
  for (const { value } of kept) {
    const n = Number(value.trim())
    if (!Number.isInteger(n)) return false
    if (n < min) min = n
    if (n > max) max = n
  }
  return (min === 0 || min === 1) && max - min + 1 === kept.length
}

/** Every role the values point to, with how strongly. */
export function valueSignals(values: readonly ValueCount[], type: ColumnType): RoleCandidate[] {
  const kept = present(values)
  // A column nobody filled in ("Custom Field 1") has nothing to say about any account.
  if (kept.length === 0) return [{ role: 'ignore', score: 50, reason: 'no row has a value' }]
  const signals = [outcomeSignal(kept, type), domainSignal(kept), salesforceIdSignal(kept), notAnAttributeSignal(kept, type)]
  return signals.filter((s): s is RoleCandidate => s !== null)
}
