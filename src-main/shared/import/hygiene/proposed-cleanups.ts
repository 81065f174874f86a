/**
 * Clean-ups the import proposes for one column, each a hygiene rule the consultant can see and
 * undo, and that is re-applied to next quarter's export:
 *   - spelling variants ("SaaS", "SAAS", "saas"; "Series-A", "Series A"): the same value by any
 *     reading, merged by default;
 *   - synonyms and typos ("Software as a Service", "Manufacturng") and mixed US-state or country
 *     spellings ("CA" and "California"): proposed, applied when the consultant accepts.
 */
import type { HygieneRule } from '@shared/domain/data-views'
import type { ValueCount } from '@shared/domain/dataset'
import { findCountry } from './countries'
import { describeRule } from './describe-rule'
import { suggestMerges } from './merge-suggestions'
import { spellingKey, spellingTokens } from './spelling'
import { synonymConcept } from './synonyms'
import { findUsState } from './us-states'

export type CleanupKind = 'spelling' | 'synonym' | 'us-state' | 'country'

export interface ProposedCleanup {
  kind: CleanupKind
  rule: HygieneRule
  description: string
  /** Rows whose value the rule changes. */
  rows: number
  /** Spelling variants are merged unless the consultant says otherwise; the rest wait for a yes. */
  byDefault: boolean
}

/** Columns with more distinct values than this are names or free text, not categories to tidy. */
const MAX_DISTINCT = 5000
/** A column is a state or country column when this share of its rows reads as one. */
const MOSTLY = 0.8

const keyOf = (value: string): string => spellingKey(spellingTokens(value))
/** A typo is at most a fifth as common as the value it misspells, which has at least this many rows. */
const TYPO_RARITY = 5
const TYPO_TARGET_ROWS = 10

function mergesOf(column: string, values: readonly ValueCount[]): ProposedCleanup[] {
  const counts = new Map(values.map((v) => [v.value, v.count]))
  const cleanups: ProposedCleanup[] = []
  for (const { to, from } of suggestMerges(values)) {
    const target = keyOf(to)
    const variants = from.filter((v) => keyOf(v) === target)
    // A thesaurus synonym is the same value whatever its count; a near-spelling is a typo only when
    // it is rare beside the value it resembles ("Manufacturng" once among 300 "Manufacturing"):
    // two cities a letter apart, each a few rows, are two cities.
    const concept = synonymConcept(target)
    const targetRows = counts.get(to) ?? 0
    const others = from.filter((v) => {
      if (keyOf(v) === target) return false
      if (concept !== null && synonymConcept(keyOf(v)) === concept) return true
      return targetRows >= TYPO_TARGET_ROWS && (counts.get(v) ?? 0) * TYPO_RARITY <= targetRows
    })
    const rowsOf = (list: readonly string[]): number => list.reduce((sum, v) => sum + (counts.get(v) ?? 0), 0)
    if (variants.length > 0) {
      const rule: HygieneRule = { kind: 'merge', column, from: variants, to }
      cleanups.push({ kind: 'spelling', rule, description: describeRule(rule), rows: rowsOf(variants), byDefault: true })
    }
    if (others.length > 0) {
      const rule: HygieneRule = { kind: 'merge', column, from: others, to }
      cleanups.push({ kind: 'synonym', rule, description: describeRule(rule), rows: rowsOf(others), byDefault: false })
    }
  }
  return cleanups
}

/** "CA" beside "California": one place spelled two ways in one column. */
function placesOf(column: string, values: readonly ValueCount[]): ProposedCleanup[] {
  let total = 0
  for (const v of values) total += v.count
  const found: ProposedCleanup[] = []
  const readers = [
    { kind: 'us-state' as const, find: (v: string) => findUsState(v)?.code ?? null, to: 'code' as const },
    { kind: 'country' as const, find: (v: string) => findCountry(v)?.code ?? null, to: 'name' as const }
  ]
  for (const { kind, find, to } of readers) {
    const spellings = new Map<string, Set<string>>()
    let rows = 0
    for (const { value, count } of values) {
      const place = find(value)
      if (place === null) continue
      rows += count
      const set = spellings.get(place) ?? new Set<string>()
      set.add(keyOf(value))
      spellings.set(place, set)
    }
    if (total === 0 || rows < MOSTLY * total) continue
    const mixed = [...spellings.values()].filter((s) => s.size > 1).length
    if (mixed === 0) continue
    const rule: HygieneRule = { kind, column, to }
    const changed = values.filter((v) => {
      const place = find(v.value)
      return place !== null && (spellings.get(place)?.size ?? 0) > 1
    })
    found.push({ kind, rule, description: describeRule(rule), rows: changed.reduce((sum, v) => sum + v.count, 0), byDefault: false })
    break
  }
  return found
}

export function proposeCleanups(column: string, values: readonly ValueCount[]): ProposedCleanup[] {
  if (values.length < 2 || values.length > MAX_DISTINCT) return []
  const places = placesOf(column, values)
  // A state or country column is tidied by the place rule; merging its spellings too would fight it.
  return places.length > 0 ? places : mergesOf(column, values)
}
