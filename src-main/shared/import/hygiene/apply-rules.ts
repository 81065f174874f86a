/**
 * Re-applies the workspace's hygiene rules to a column of a new import. Rules work on
 * distinct values (a column's dictionary), so each is evaluated once per spelling, not per row.
 *
 * Order: merges first (so a merged spelling can then be normalised), then US-state and
 * country normalisation, then bands. A value a rule does not recognise is left as it is.
 */
import type { HygieneRule } from '@shared/domain/data-views'
import { bandFor, bandsForRule } from './bands'
import { countryCode, countryName } from './countries'
import { usStateCode, usStateName } from './us-states'
import { headerKey } from '../header-key'

export type { HygieneRule } from '@shared/domain/data-views'

/**
 * Reads a value as a number for bands: the caller decides how, e.g. "51-200" as its midpoint
 * or "$12.5M" as 12,500,000; null when the value is not a number.
 */
export type ToNumber = (raw: string) => number | null

/** Headers match ignoring case and spacing, so "Industry " in next quarter's export still matches. */
/** Merges match spellings ignoring case and spacing: a rule made from "saas" also catches "SAAS ". */
const mergeKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase()
/** A band label written with commas or spaces ("1,001 - 5,000") is that band. */
const labelKey = (value: string): string => value.replace(/[\s,]/g, '').toLowerCase()

type Step = (value: string) => string

function mergeStep(rule: Extract<HygieneRule, { kind: 'merge' }>): Step {
  const targets = new Set([...rule.from, rule.to].map(mergeKey))
  return (value) => (targets.has(mergeKey(value)) ? rule.to : value)
}

function bandsStep(rule: Extract<HygieneRule, { kind: 'bands' }>, toNumber: ToNumber): Step {
  const bands = bandsForRule(rule)
  const labels = new Map(bands.map((b) => [labelKey(b.label), b.label] as const))
  return (value) => {
    if (value.trim() === '') return value
    const label = labels.get(labelKey(value))
    if (label !== undefined) return label
    const n = toNumber(value)
    return n !== null && Number.isFinite(n) ? bandFor(n, bands) : value
  }
}

function normaliseStep(rule: Extract<HygieneRule, { kind: 'us-state' | 'country' }>): Step {
  const lookup =
    rule.kind === 'us-state' ? (rule.to === 'code' ? usStateCode : usStateName) : rule.to === 'code' ? countryCode : countryName
  return (value) => lookup(value) ?? value
}

/** One function that cleans any raw value of `column`; remember its answers per distinct value. */
export function hygieneCleaner(column: string, rules: readonly HygieneRule[], toNumber: ToNumber): (raw: string) => string {
  const mine = rules.filter((r) => headerKey(r.column) === headerKey(column))
  const steps: Step[] = [
    ...mine.flatMap((r) => (r.kind === 'merge' ? [mergeStep(r)] : [])),
    ...mine.flatMap((r) => (r.kind === 'us-state' || r.kind === 'country' ? [normaliseStep(r)] : [])),
    ...mine.flatMap((r) => (r.kind === 'bands' ? [bandsStep(r, toNumber)] : []))
  ]
  const cache = new Map<string, string>()
  return (raw) => {
    let cleaned = cache.get(raw)
    if (cleaned === undefined) {
      cleaned = steps.reduce((value, step) => step(value), raw)
      cache.set(raw, cleaned)
    }
    return cleaned
  }
}

/** The cleaned value of each input value, in the same order. */
export function applyHygieneRules(column: string, values: readonly string[], rules: readonly HygieneRule[], toNumber: ToNumber): string[] {
  const clean = hygieneCleaner(column, rules, toNumber)
  return values.map(clean)
}
