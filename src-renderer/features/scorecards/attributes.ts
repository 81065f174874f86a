/**
 * The palette's attributes: the workspace's attribute columns with their kind, their most
 * frequent values and histogram (to pre-fill conditions), and Discover's strength when known.
 */

import type { DiscoverReport } from '@shared/domain/discover'
import type { ColumnProfile, ColumnType, ValueCount } from '@shared/domain/dataset'
import type { DatasetSummary } from '@shared/domain/import'
import type { Condition } from '@shared/engine/scorecard/model'
import type { AttributeKind } from '@shared/engine/scorecard/operators'

export interface PaletteAttribute {
  name: string
  category: string
  kind: AttributeKind
  type: ColumnType
  topValues: ValueCount[]
  histogram: ColumnProfile['histogram']
  iv: number | null
  strength: 'none' | 'weak' | 'medium' | 'strong' | null
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
        strength: discovered ? (discovered.leakageSuspected ? 'none' : discovered.strength) : null
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
