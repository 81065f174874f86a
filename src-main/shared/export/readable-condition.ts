/**
 * A criterion's condition as a client reads it, in two shapes: what qualifies, printed beside
 * the attribute's label in a definition ("51–200", "is SaaS, FinTech", "under $1M"), and a
 * phrase that follows "accounts" in a sentence ("with 51–200 employees", "whose industry is
 * SaaS or FinTech"). Values are written by what the column measures (readable-values), never
 * from the attribute's name: "Annual revenue" gets dollars because its column holds money.
 */

import type { Condition } from '@shared/engine/scorecard/model'
import { formatRange, formatValue, PLAIN, valueWords, type ValueKind } from './readable-values'

/** How one attribute reads: its client-facing label and what its numbers measure. */
export interface AttributeWords {
  label: string
  kind: ValueKind
}

export const rawWords = (attribute: string): AttributeWords => ({ label: attribute, kind: PLAIN })

const HEADCOUNT = /employee|headcount|staff|\bfte/i
const TECH = /tech|stack|tool|software|crm|platform/i

/** "SaaS, FinTech and Retail": every value named (a core value is never hidden behind "+3 more"). */
export function joinWords(values: readonly string[], word: 'or' | 'and'): string {
  if (values.length <= 1) return values[0] ?? ''
  return `${values.slice(0, -1).join(', ')} ${word} ${values[values.length - 1]}`
}

function rangeWords(condition: Condition, kind: ValueKind): string {
  const min = condition.min ?? null
  const max = condition.max ?? null
  if (kind.date && min !== null && max !== null) return `${formatValue(min, kind)} to ${formatValue(max, kind)}`
  return formatRange(min, max, kind)
}

/** What qualifies, printed after the attribute's label. */
export function qualifiesWords(condition: Condition, kind: ValueKind): string {
  const values = (condition.values ?? []).map(valueWords)
  switch (condition.op) {
    case 'in':
      return `is ${values.join(', ')}`
    case 'not_in':
      return `is not ${values.join(', ')}`
    case 'contains_any':
      return `includes any of ${values.join(', ')}`
    case 'contains_all':
      return `includes all of ${values.join(', ')}`
    case 'between':
      return condition.min == null && condition.max == null ? 'has a value' : rangeWords(condition, kind)
    case 'gt':
      return `${kind.date ? 'after' : 'over'} ${formatValue(condition.value ?? 0, kind)}`
    case 'lt':
      return `${kind.date ? 'before' : 'under'} ${formatValue(condition.value ?? 0, kind)}`
    case 'is_true':
      return 'yes'
    case 'is_false':
      return 'no'
    case 'is_missing':
      return 'not on record'
  }
}

/** The condition in one line with its label ("Employees 51–200", "Industry is SaaS"). */
export function conditionWords(condition: Condition, words: AttributeWords): string {
  const rest = qualifiesWords(condition, words.kind)
  if (condition.op === 'is_true' || condition.op === 'is_false') return `${words.label}: ${rest}`
  return `${words.label} ${rest}`
}

/**
 * A yes/no attribute read as a clause: "Hiring SDRs" -> "that are hiring SDRs", "Recently
 * Raised" -> "that recently raised", "Uses Competitor" -> "that use competitor".
 */
function flagPhrase(label: string, yes: boolean): string {
  const [first = '', ...rest] = label.trim().split(/\s+/)
  const word = first.toLowerCase()
  // "Recently Raised" -> "raised", but "SDRs" and "CRM" keep their capitals.
  const tail = rest.map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ')
  const clause = (head: string) => [head, tail].filter(Boolean).join(' ')
  if (/^(is|are)$/.test(word)) return yes ? `that are ${tail}` : `that are not ${tail}`
  if (/^(uses|has|runs|sells|buys|needs)$/.test(word)) {
    const verb = word === 'has' ? 'have' : word.slice(0, -1)
    return yes ? `that ${clause(verb)}` : `that do not ${clause(verb)}`
  }
  if (/ing$/.test(word)) return yes ? `that are ${clause(word)}` : `that are not ${clause(word)}`
  if (/ly$/.test(word)) return yes ? `that ${clause(word)}` : `that have not ${clause(word)}`
  return yes ? `flagged "${label}"` : `not flagged "${label}"`
}

const isHeadcount = ({ label, kind }: AttributeWords): boolean => HEADCOUNT.test(label) && !kind.date && kind.unit !== 'money'

/**
 * Ranges of one attribute after "accounts": "with 51–200 employees", "with pdays of 6–8", and
 * without "of" before a word: "with annual revenue under $1M", "with age up to 27 or 55+".
 */
function rangesPhrase(ranges: readonly string[], words: AttributeWords): string {
  const range = joinWords(ranges, 'or')
  if (isHeadcount(words)) return `with ${range} employees`
  if (words.kind.date) return `whose ${inSentence(words.label)} is ${range}`
  return `with ${inSentence(words.label)} ${/^[a-z]/.test(range) ? '' : 'of '}${range}`
}

/** Several bands of one attribute as one phrase (each band named; see phraseOf for one). */
export function phraseOfBands(conditions: readonly Condition[], words: AttributeWords): string {
  const ordered = [...conditions].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity))
  return rangesPhrase(
    ordered.map((c) => rangeWords(c, words.kind)),
    words
  )
}

/** "Annual Revenue" -> "annual revenue" inside a sentence, but "HQ country", "ARR" and "SaaS" keep their capitals. */
function inSentence(label: string): string {
  return label
    .split(' ')
    .map((word) => (/^[A-Z][a-z]+$/.test(word) ? word.toLowerCase() : word))
    .join(' ')
}

/** A phrase that follows "accounts" ("with 51–200 employees", "that run Salesforce"). */
export function phraseOf(condition: Condition, words: AttributeWords = rawWords(condition.attribute)): string {
  const { label, kind } = words
  const name = inSentence(label)
  const values = (condition.values ?? []).map(valueWords)
  const headcount = isHeadcount(words)
  switch (condition.op) {
    case 'in':
      return `whose ${name} is ${joinWords(values, 'or')}`
    case 'not_in':
      return `whose ${name} is not ${joinWords(values, 'or')}`
    case 'contains_any':
      return TECH.test(label) ? `that run ${joinWords(values, 'or')}` : `whose ${name} includes ${joinWords(values, 'or')}`
    case 'contains_all':
      return TECH.test(label) ? `that run ${joinWords(values, 'and')}` : `whose ${name} includes ${joinWords(values, 'and')}`
    case 'between':
      if (condition.min == null && condition.max == null) return `with a known ${name}`
      return rangesPhrase([rangeWords(condition, kind)], words)
    case 'gt':
      if (headcount) return `with more than ${formatValue(condition.value ?? 0, kind)} employees`
      return kind.date
        ? `whose ${name} is after ${formatValue(condition.value ?? 0, kind)}`
        : `with ${name} over ${formatValue(condition.value ?? 0, kind)}`
    case 'lt':
      if (headcount) return `with fewer than ${formatValue(condition.value ?? 0, kind)} employees`
      return kind.date
        ? `whose ${name} is before ${formatValue(condition.value ?? 0, kind)}`
        : `with ${name} under ${formatValue(condition.value ?? 0, kind)}`
    case 'is_true':
      return flagPhrase(label, true)
    case 'is_false':
      return flagPhrase(label, false)
    case 'is_missing':
      return `with no ${name} on record`
  }
}
