/**
 * Which workspace value a list value stands for: "hospital & health care" is Healthcare,
 * "United States" is US, "CA" is California. One rule for every picklist attribute; the reason
 * is shown beside each proposal so the consultant can judge it.
 */

import { findCountry, findUsState } from '@shared/import/hygiene'
import { compactKey } from './header-concepts'
import { FILLER_WORDS, VALUE_SYNONYMS } from './value-synonyms'

export interface ValueMatch {
  mapped: string | null
  reason: string
}

/** Lower-case words, "&" read as "and", punctuation as space. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
}

const phraseKey = (text: string): string => words(text).join(' ')

const SYNONYM_GROUP = new Map<string, number>()
VALUE_SYNONYMS.forEach((group, index) => {
  for (const phrase of group) SYNONYM_GROUP.set(phraseKey(phrase), index)
})

/** The workspace's values (most common first), prepared once per attribute. */
export interface Vocabulary {
  values: readonly string[]
  byKey: Map<string, string>
  byGroup: Map<number, string[]>
  byCountry: Map<string, string>
  byState: Map<string, string>
}

export function vocabularyOf(values: readonly string[]): Vocabulary {
  const byKey = new Map<string, string>()
  const byGroup = new Map<number, string[]>()
  const byCountry = new Map<string, string>()
  const byState = new Map<string, string>()
  for (const value of values) {
    const key = compactKey(value)
    if (key && !byKey.has(key)) byKey.set(key, value)
    const group = SYNONYM_GROUP.get(phraseKey(value))
    if (group !== undefined) byGroup.set(group, [...(byGroup.get(group) ?? []), value])
    const country = findCountry(value)
    if (country && !byCountry.has(country.code)) byCountry.set(country.code, value)
    const state = findUsState(value)
    if (state && !byState.has(state.code)) byState.set(state.code, value)
  }
  return { values, byKey, byGroup, byCountry, byState }
}

/** Meaningful words of a value ("Transportation, Logistics, Supply Chain and Storage" -> transportation, logistics, …). */
const meaningful = (text: string): string[] => words(text).filter((w) => !FILLER_WORDS.has(w))

/**
 * The workspace value `raw` stands for. In order: the same letters and digits; the same country
 * or US state; a listed synonym; a workspace value whose words all appear in the list value
 * ("Retail" in "Retail & E-commerce"), the longest such value when several do, none when two
 * equally long ones do (the list value is then ambiguous and stays unmapped, with both named).
 */
export function matchValue(raw: string, vocabulary: Vocabulary): ValueMatch {
  const key = compactKey(raw)
  if (!key) return { mapped: null, reason: 'no letters or digits to match' }
  const same = vocabulary.byKey.get(key)
  if (same !== undefined) return { mapped: same, reason: 'same value' }
  const country = findCountry(raw)
  const countryValue = country ? vocabulary.byCountry.get(country.code) : undefined
  if (countryValue !== undefined) return { mapped: countryValue, reason: `same country (${country!.code})` }
  const state = findUsState(raw)
  const stateValue = state ? vocabulary.byState.get(state.code) : undefined
  if (stateValue !== undefined) return { mapped: stateValue, reason: `same US state (${state!.code})` }
  const group = SYNONYM_GROUP.get(phraseKey(raw))
  const synonyms = group === undefined ? undefined : vocabulary.byGroup.get(group)
  // Several workspace spellings of one synonym ("SaaS", "Software as a Service" not merged yet):
  // the most common, which the vocabulary lists first.
  if (synonyms && synonyms.length > 0) return { mapped: synonyms[0]!, reason: `synonym of ${synonyms[0]}` }
  const rawWords = new Set(meaningful(raw))
  const rawCompact = [...rawWords].join('')
  const contained = vocabulary.values.filter((value) => {
    const valueWords = meaningful(value)
    if (valueWords.length === 0) return false
    if (valueWords.every((w) => rawWords.has(w))) return true
    // "Healthcare" in "Hospital & Health Care": compare without spaces, for names of 5+ letters only
    // (a short code such as "US" would be found inside unrelated words).
    const compact = valueWords.join('')
    return compact.length >= 5 && rawCompact.includes(compact)
  })
  if (contained.length > 0) {
    // "Real Estate" over "Estate" (one holds the other); "Retail Media" names two values: ask.
    const best = contained.filter((v) => !contained.some((w) => w !== v && compactKey(w).includes(compactKey(v))))
    if (best.length === 1) return { mapped: best[0]!, reason: `contains "${best[0]}"` }
    return { mapped: null, reason: `could be ${best.slice(0, 3).join(' or ')}; choose one` }
  }
  return { mapped: null, reason: 'no workspace value matches' }
}
