/**
 * What a column's values say about its role, whatever the header: stage names with wins and
 * losses are the outcome, web addresses are the domain, Salesforce record ids say which object
 * they belong to, e-mail addresses and long prose are not attributes.
 */
import { DEFAULT_MISSING_TOKENS, type ColumnRole, type ColumnType, type ValueCount } from '@shared/domain/dataset'
import { hasWinsAndLosses, outcomeOf } from './outcome-mapping'

export interface RoleCandidate {
  role: ColumnRole
  score: number
}

const MISSING = new Set<string>(DEFAULT_MISSING_TOKENS)
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i
const WEB_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$/i
/** Salesforce ids: 15 or 18 characters, the first three name the object (001 account, 006 opportunity). */
const SALESFORCE_ID = /^(00[16])[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/
/** Stage columns have a handful of values; hundreds of distinct values are not a pipeline. */
const MAX_OUTCOME_VALUES = 50
const MOSTLY = 0.8

const present = (values: readonly ValueCount[]): ValueCount[] =>
  values.filter((v) => !MISSING.has(v.value.trim().toLowerCase()))

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

function outcomeSignal(values: readonly ValueCount[], type: ColumnType): RoleCandidate | null {
  if ((type !== 'category' && type !== 'text') || values.length > MAX_OUTCOME_VALUES) return null
  const mapping = values.map((v) => ({ value: v.value, outcome: outcomeOf(v.value) }))
  if (!hasWinsAndLosses(mapping)) return null
  return shareOfRows(values, (v) => outcomeOf(v) !== null) >= MOSTLY ? { role: 'outcome', score: 95 } : null
}

function domainSignal(values: readonly ValueCount[]): RoleCandidate | null {
  const hosts = new Set<string>()
  const share = shareOfRows(values, (v) => {
    if (EMAIL.test(v)) return false
    const match = WEB_ADDRESS.exec(v)
    if (match) hosts.add(match[1]!.toLowerCase())
    return match !== null
  })
  // A column of one site's pages (LinkedIn profiles) is links, not the accounts' own domains.
  const distinctEnough = hosts.size >= Math.max(2, values.length / 2)
  return share >= MOSTLY && distinctEnough ? { role: 'domain', score: 90 } : null
}

function salesforceIdSignal(values: readonly ValueCount[]): RoleCandidate | null {
  const prefixes = new Map<string, number>()
  for (const { value, count } of values) {
    const prefix = SALESFORCE_ID.exec(value.trim())?.[1]
    if (prefix) prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + count)
  }
  const total = values.reduce((sum, v) => sum + v.count, 0)
  if ((prefixes.get('001') ?? 0) >= 0.9 * total) return { role: 'account-id', score: 92 }
  if ((prefixes.get('006') ?? 0) >= 0.9 * total) return { role: 'deal-id', score: 92 }
  return null
}

function notAnAttributeSignal(values: readonly ValueCount[], type: ColumnType): RoleCandidate | null {
  if (shareOfRows(values, (v) => EMAIL.test(v)) >= MOSTLY) return { role: 'ignore', score: 75 }
  if (type !== 'text') return null
  const total = values.reduce((sum, v) => sum + v.count, 0)
  const characters = values.reduce((sum, v) => sum + v.value.trim().length * v.count, 0)
  // Notes and descriptions run to sentences; category-like text columns stay short.
  return total > 0 && characters / total >= 40 ? { role: 'ignore', score: 60 } : null
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
  if (kept.length === 0) return [{ role: 'ignore', score: 50 }]
  const signals = [outcomeSignal(kept, type), domainSignal(kept), salesforceIdSignal(kept), notAnAttributeSignal(kept, type)]
  return signals.filter((s): s is RoleCandidate => s !== null)
}
