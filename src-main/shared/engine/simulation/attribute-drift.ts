/**
 * How far each attribute's values moved between two sets of deals (the period a scorecard was
 * built on and the quarter under review): the population stability index over the attribute's
 * values. Categories and booleans bin by value, numbers by the earlier period's deciles, lists
 * (a tech stack) by the share of each item among all items mentioned; a missing value is a bin of
 * its own, so a column that stopped being filled in shows as drift.
 */

import { MISSING_CODE, type EngineColumn } from '@shared/engine/engine-dataset'
import type { DriftReading } from '@shared/domain/review'
import { populationStability } from '@shared/engine/stats/psi'

/** The usual reading: under 0.1 stable, 0.1-0.25 some drift, 0.25 and over a real shift. */
export function driftReading(psi: number): DriftReading {
  return psi >= 0.25 ? 'shifted' : psi >= 0.1 ? 'some drift' : 'stable'
}

export interface DriftBin {
  /** The value, the number range ("51 to 200") or "missing". */
  label: string
  before: number
  after: number
}

export interface AttributeDrift {
  attribute: string
  psi: number
  reading: DriftReading
  /** Every bin with its share in each period (shares of deals; of items mentioned for lists). */
  bins: DriftBin[]
}

const MISSING = 'missing'

interface Counts {
  labels: string[]
  before: number[]
  after: number[]
}

function countCategory(column: Extract<EngineColumn, { kind: 'category' }>, before: Uint8Array, after: Uint8Array): Counts {
  const n = column.values.length
  const b = new Array<number>(n + 1).fill(0)
  const a = new Array<number>(n + 1).fill(0)
  for (let row = 0; row < column.codes.length; row++) {
    if (!before[row] && !after[row]) continue
    const code = column.codes[row]!
    const bin = code === MISSING_CODE ? n : code
    if (before[row]) b[bin]!++
    else a[bin]!++
  }
  return { labels: [...column.values, MISSING], before: b, after: a }
}

function countBoolean(column: Extract<EngineColumn, { kind: 'boolean' }>, before: Uint8Array, after: Uint8Array): Counts {
  const b = [0, 0, 0]
  const a = [0, 0, 0]
  for (let row = 0; row < column.values.length; row++) {
    const v = column.values[row]!
    const bin = v === 1 ? 0 : v === 0 ? 1 : 2
    if (before[row]) b[bin]!++
    else if (after[row]) a[bin]!++
  }
  return { labels: ['yes', 'no', MISSING], before: b, after: a }
}

/** The earlier period's deciles (distinct cut points), so each of its bins holds about a tenth. */
function decileCuts(values: Float64Array, before: Uint8Array): number[] {
  const sample: number[] = []
  for (let row = 0; row < values.length; row++) if (before[row] && !Number.isNaN(values[row]!)) sample.push(values[row]!)
  sample.sort((x, y) => x - y)
  const cuts: number[] = []
  for (let q = 1; q < 10; q++) {
    const cut = sample[Math.floor((q * sample.length) / 10)]
    if (cut !== undefined && cut !== cuts[cuts.length - 1]) cuts.push(cut)
  }
  return cuts
}

/** Bin i holds values below cuts[i] and at or above cuts[i - 1]. */
function binOf(value: number, cuts: readonly number[]): number {
  let lo = 0
  let hi = cuts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (value < cuts[mid]!) hi = mid
    else lo = mid + 1
  }
  return lo
}

function countNumber(
  column: Extract<EngineColumn, { kind: 'number' }>,
  before: Uint8Array,
  after: Uint8Array,
  format: (value: number) => string
): Counts {
  const cuts = decileCuts(column.values, before)
  const bins = cuts.length + 1
  const b = new Array<number>(bins + 1).fill(0)
  const a = new Array<number>(bins + 1).fill(0)
  for (let row = 0; row < column.values.length; row++) {
    if (!before[row] && !after[row]) continue
    const v = column.values[row]!
    const bin = Number.isNaN(v) ? bins : binOf(v, cuts)
    if (before[row]) b[bin]!++
    else a[bin]!++
  }
  const labels = Array.from({ length: bins }, (_, i) =>
    i === 0
      ? cuts.length === 0
        ? 'any value'
        : `under ${format(cuts[0]!)}`
      : i === bins - 1
        ? `${format(cuts[i - 1]!)} and over`
        : `${format(cuts[i - 1]!)} to under ${format(cuts[i]!)}`
  )
  return { labels: [...labels, MISSING], before: b, after: a }
}

function countMulti(column: Extract<EngineColumn, { kind: 'multi' }>, before: Uint8Array, after: Uint8Array): Counts {
  const n = column.items.length
  const b = new Array<number>(n + 1).fill(0)
  const a = new Array<number>(n + 1).fill(0)
  for (let row = 0; row < column.missing.length; row++) {
    const counts = before[row] ? b : after[row] ? a : null
    if (!counts) continue
    if (column.missing[row]) {
      counts[n]!++
      continue
    }
    const base = row * column.wordsPerRow
    for (let i = 0; i < n; i++) if ((column.bits[base + (i >>> 5)]! >>> (i & 31)) & 1) counts[i]!++
  }
  return { labels: [...column.items, MISSING], before: b, after: a }
}

/**
 * The drift of one attribute between the deals marked in `before` and those in `after` (a deal
 * in neither is ignored). `format` writes a number cut for the bins' labels.
 */
export function attributeDrift(
  attribute: string,
  column: EngineColumn,
  before: Uint8Array,
  after: Uint8Array,
  format: (value: number) => string = String
): AttributeDrift {
  const counts =
    column.kind === 'category'
      ? countCategory(column, before, after)
      : column.kind === 'boolean'
        ? countBoolean(column, before, after)
        : column.kind === 'number'
          ? countNumber(column, before, after, format)
          : countMulti(column, before, after)
  // Bins empty in both periods carry no information and would only lengthen the table.
  const keep = counts.labels.map((_, i) => counts.before[i]! + counts.after[i]! > 0)
  const before_ = counts.before.filter((_, i) => keep[i])
  const after_ = counts.after.filter((_, i) => keep[i])
  const stability = populationStability(before_, after_)
  const totalBefore = before_.reduce((x, y) => x + y, 0)
  const totalAfter = after_.reduce((x, y) => x + y, 0)
  const labels = counts.labels.filter((_, i) => keep[i])
  return {
    attribute,
    psi: stability.total,
    reading: driftReading(stability.total),
    bins: labels.map((label, i) => ({
      label,
      before: totalBefore ? before_[i]! / totalBefore : 0,
      after: totalAfter ? after_[i]! / totalAfter : 0
    }))
  }
}
