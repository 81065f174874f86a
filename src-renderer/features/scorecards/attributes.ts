/**
 * The palette's attributes: the workspace's attribute columns with their kind, their most
 * frequent values and histogram (to pre-fill conditions), and Discover's strength when known.
 */

import type { DiscoverReport, DiscoverValue } from '@shared/domain/discover'
import type { ColumnProfile, ColumnType, ValueCount } from '@shared/domain/dataset'
import type { DatasetSummary } from '@shared/domain/import'
import type { Condition } from '@shared/engine/scorecard/model'
import type { AttributeKind } from '@shared/engine/scorecard/operators'
import { formatScaleValue } from '../data/data-format'

export interface PaletteAttribute {
  name: string
  category: string
  kind: AttributeKind
  type: ColumnType
  topValues: ValueCount[]
  histogram: ColumnProfile['histogram']
  iv: number | null
  strength: 'none' | 'weak' | 'medium' | 'strong' | null
  /** Discover's values or bins (with standard bands for employees/revenue), each with its condition; null before Discover ran. */
  evidence: DiscoverValue[] | null
}

const KIND_BY_TYPE: Partial<Record<ColumnType, AttributeKind>> = {
  number: 'number',
  range: 'number',
  date: 'number',
  boolean: 'boolean',
  category: 'category',
  multi: 'multi'
}

export const TYPE_LABELS: Record<ColumnType, string> = {
  number: 'Number',
  range: 'Range',
  date: 'Date',
  boolean: 'Yes/No',
  category: 'Category',
  multi: 'List',
  text: 'Text',
  id: 'Id'
}

export function paletteAttributes(summary: DatasetSummary | null, report: DiscoverReport | null): PaletteAttribute[] {
  if (!summary) return []
  const byName = new Map<string, PaletteAttribute>()
  const ivs = new Map((report?.attributes ?? []).map((a) => [a.name, a]))
  for (const table of summary.tables) {
    for (const column of table.columns) {
      const kind = KIND_BY_TYPE[column.type]
      // Text and ids cannot be scored, and a column seen in both tables is one attribute.
      if (column.role !== 'attribute' || !kind || byName.has(column.name)) continue
      const discovered = ivs.get(column.name)
      byName.set(column.name, {
        name: column.name,
        category: column.category ?? 'Other',
        kind,
        type: column.type,
        topValues: column.topValues,
        histogram: column.histogram,
        iv: discovered?.iv ?? null,
        strength: discovered ? (discovered.leakageSuspected ? 'none' : discovered.strength) : null,
        evidence: discovered ? [...discovered.values, ...(discovered.bands ?? [])] : null
      })
    }
  }
  return [...byName.values()]
}

function round(value: number): number {
  const magnitude = Math.abs(value)
  const step = magnitude >= 1000 ? 100 : magnitude >= 100 ? 10 : 1
  return Math.round(value / step) * step
}

/** A sensible first condition for an attribute dropped into a category; the user refines it on the card. */
export function defaultCondition(attribute: PaletteAttribute): Condition {
  const top = attribute.topValues[0]?.value
  switch (attribute.kind) {
    case 'category':
      return top ? { attribute: attribute.name, op: 'in', values: [top] } : { attribute: attribute.name, op: 'is_missing' }
    case 'multi':
      return top ? { attribute: attribute.name, op: 'contains_any', values: [top] } : { attribute: attribute.name, op: 'is_missing' }
    case 'boolean':
      return { attribute: attribute.name, op: 'is_true' }
    case 'number': {
      const bins = attribute.histogram ?? []
      if (bins.length === 0) return { attribute: attribute.name, op: 'between', min: 0, max: null }
      // The middle half of the bins: a range most people recognise as "typical" for the data.
      // The bins holding the middle half of the accounts (by count, not by width: the data is usually skewed).
      const total = bins.reduce((sum, bin) => sum + bin.count, 0)
      let seen = 0
      let from: number | null = null
      let to: number | null = null
      for (const bin of bins) {
        seen += bin.count
        if (from === null && seen >= total / 4) from = bin.from
        if (to === null && seen >= (total * 3) / 4) to = bin.to
      }
      return { attribute: attribute.name, op: 'between', min: round(from ?? bins[0]?.from ?? 0), max: to === null ? null : round(to) }
    }
  }
}

/** "Far less often" than the average: at most half its rate (as Discover's anti-ICP). */
const FAR_LESS = 0.5
const MIN_EVIDENCE = 30

/**
 * A knockout dropped from the palette disqualifies what the evidence says wins far less often:
 * Discover's value or bin with the lowest lift, when it is at most half the average on enough
 * accounts or deals and its interval stays below. Without such evidence, the least-winning value
 * or bin with enough data is the start (its cost shows on the card): never a range cut from the
 * data's extremes, which can turn away most accounts.
 */
export function defaultKnockoutCondition(attribute: PaletteAttribute): Condition {
  const candidates = (attribute.evidence ?? []).filter((v) => v.condition.op !== 'is_missing' && v.n >= MIN_EVIDENCE && v.lift !== null)
  const sorted = [...candidates].sort((a, b) => (a.lift ?? 1) - (b.lift ?? 1))
  const strong = sorted.find((v) => (v.lift ?? 1) <= FAR_LESS && v.ci[1] !== null && v.rate !== null && v.ci[1] < v.rate / (v.lift ?? 1))
  const chosen = strong ?? sorted[0]
  return chosen ? chosen.condition : defaultCondition(attribute)
}

/** What "Add to a category…" adds: its name for the dialog and the criterion's condition. */
export interface PaletteChoice {
  name: string
  condition: Condition
  /** What the choice disqualifies when added to the knockouts, if not `condition`: an attribute's own knockout default, as a drop there gives. */
  knockoutCondition?: Condition
}

/** One value (or band of numbers) offered under an attribute in the palette, ready to drop as a criterion. */
export interface PaletteValue {
  label: string
  /** Rows holding it in the imported data, or Discover's decided deals; null when not known (yes/no). */
  count: number | null
  unit: 'rows' | 'deals'
  condition: Condition
}

const MAX_VALUES = 8
const MAX_BANDS = 6

/**
 * The values a user can drag straight into a category: the most frequent categories or list
 * items, yes and no, or for numbers the histogram merged into bands of about equal counts
 * (a bin's range becomes the criterion's range).
 */
export function paletteValues(attribute: PaletteAttribute): PaletteValue[] {
  const name = attribute.name
  // Discover's bins are the ones the evidence was measured on (quantiles, merged where they do not differ).
  if (attribute.evidence && attribute.evidence.length > 0) {
    const seen = new Set<string>()
    return attribute.evidence
      .filter((v) => !seen.has(v.label) && seen.add(v.label) && v.condition.op !== 'is_missing')
      .slice(0, MAX_VALUES + MAX_BANDS)
      .map((v) => ({ label: v.label, count: v.n, unit: 'deals' as const, condition: v.condition }))
  }
  switch (attribute.kind) {
    case 'category':
    case 'multi': {
      const op = attribute.kind === 'category' ? 'in' : 'contains_any'
      return attribute.topValues
        .filter((v) => v.value !== '')
        .slice(0, MAX_VALUES)
        .map((v) => ({ label: v.value, count: v.count, unit: 'rows' as const, condition: { attribute: name, op, values: [v.value] } }))
    }
    case 'boolean':
      return [
        { label: 'Yes', count: null, unit: 'rows', condition: { attribute: name, op: 'is_true' } },
        { label: 'No', count: null, unit: 'rows', condition: { attribute: name, op: 'is_false' } }
      ]
    case 'number': {
      const bins = attribute.histogram ?? []
      const total = bins.reduce((sum, bin) => sum + bin.count, 0)
      if (total === 0) return []
      const bands: PaletteValue[] = []
      let from: number | null = null
      let count = 0
      bins.forEach((bin, i) => {
        from ??= bin.from
        count += bin.count
        const last = i === bins.length - 1
        if ((count >= total / MAX_BANDS && bands.length < MAX_BANDS - 1) || last) {
          if (count > 0 || last) {
            const [min, max] = attribute.type === 'date' ? [from, bin.to] : [round(from), round(bin.to)]
            const label = `${formatScaleValue(min, attribute.type)} – ${formatScaleValue(max, attribute.type)}`
            bands.push({ label, count, unit: 'rows', condition: { attribute: name, op: 'between', min, max } })
          }
          from = null
          count = 0
        }
      })
      return bands
    }
  }
}
