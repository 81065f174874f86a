/**
 * Number attributes in bins: automatically (quantile bins, then made monotonic and merged where
 * the data allows, see merge-bins.ts) or in given human bands (EMPLOYEE_BANDS, REVENUE_BANDS).
 *
 * A bin's condition is `between` with inclusive ends, open (null) at the bottom and the top, and
 * selects exactly the bin's deals. Where every value is a whole number a bin ends one below the
 * next bin's start ("51-200"), so future accounts between two observed values score too; with
 * fractional values it ends at the largest value seen in it, which leaves gaps between bins for
 * values the data never had.
 */

import type { EngineColumn } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import type { Band } from '@shared/import/hygiene/bands'
import { cellOf, missingBin, type BinCount, type BinnedAttribute } from './binned-attribute'
import { mergeNumberBins } from './merge-bins'

type NumberColumn = Extract<EngineColumn, { kind: 'number' }>

export const DEFAULT_QUANTILES = 10
/**
 * Above this many values the quantile cut points come from a sample of this size: sorting a
 * million values would be most of Discover's time, and a cut a tenth of a percent off changes
 * nothing a consultant reads. Counts per bin stay exact.
 */
export const QUANTILE_SAMPLE = 65_536

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)))
}

/** "51-200", "≤ 50", "≥ 2001", from the bin's own condition so the label never disagrees with it. */
export function rangeLabel(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'Any value'
  if (min === null) return `≤ ${formatNumber(max!)}`
  if (max === null) return `≥ ${formatNumber(min)}`
  if (min === max) return formatNumber(min)
  const joiner = min < 0 || max < 0 ? ' to ' : '-'
  return `${formatNumber(min)}${joiner}${formatNumber(max)}`
}

const between = (attribute: string, min: number | null, max: number | null): Condition => ({ attribute, op: 'between', min, max })

/** The counted deals' present values, with what the binning needs to know about them. */
interface PresentValues {
  values: Float64Array
  integral: boolean
  missing: number
  missingPositives: number
}

function presentValues(column: NumberColumn, target: Int8Array): PresentValues {
  const source = column.values
  const values = new Float64Array(source.length)
  let count = 0
  let integral = true
  let missing = 0
  let missingPositives = 0
  for (let i = 0; i < source.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    const v = source[i]!
    if (v !== v) {
      missing++
      missingPositives += t
      continue
    }
    values[count++] = v
    if (integral && v !== Math.floor(v)) integral = false
  }
  return { values: values.subarray(0, count), integral, missing, missingPositives }
}

interface RangeCounts {
  n: Int32Array
  positives: Int32Array
  /** The largest value seen in each range. */
  max: Float64Array
}

/** Deals per range, where range j holds lows[j] <= v < lows[j + 1] (the first also everything below). */
function countRanges(column: NumberColumn, target: Int8Array, lows: Float64Array): RangeCounts {
  const k = lows.length
  const n = new Int32Array(k)
  const positives = new Int32Array(k)
  const max = new Float64Array(k).fill(-Infinity)
  const values = column.values
  if (k === 0) return { n, positives, max }
  for (let i = 0; i < values.length; i++) {
    const t = target[i]!
    const v = values[i]!
    if (t < 0 || v !== v) continue
    let lo = 0
    let hi = k - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lows[mid]! <= v) lo = mid
      else hi = mid - 1
    }
    n[lo]!++
    positives[lo]! += t
    if (v > max[lo]!) max[lo] = v
  }
  return { n, positives, max }
}

/** The values sorted, or a fixed pseudo-random sample of them sorted (the same bins on every run). */
function sortedSample(values: Float64Array): Float64Array {
  if (values.length <= QUANTILE_SAMPLE) return values.sort()
  const sample = new Float64Array(QUANTILE_SAMPLE)
  let state = 0x9e3779b9
  for (let k = 0; k < QUANTILE_SAMPLE; k++) {
    // xorshift32: cheap, seeded, good enough to pick indexes evenly.
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    sample[k] = values[(state >>> 0) % values.length]!
  }
  return sample.sort()
}

/** Lower bounds of up to `quantiles` bins of about equal size; ties never straddle two bins. */
function quantileLows(sorted: Float64Array, quantiles: number): Float64Array {
  const lows = [sorted[0]!]
  for (let q = 1; q < quantiles; q++) {
    const cut = sorted[Math.floor((q * sorted.length) / quantiles)]!
    if (cut > lows[lows.length - 1]!) lows.push(cut)
  }
  return Float64Array.from(lows)
}

function smallest(values: ArrayLike<number>): number {
  let low = Infinity
  for (let i = 0; i < values.length; i++) if (values[i]! < low) low = values[i]!
  return low
}

/** Automatic bins: `quantiles` quantile bins, monotonic where the data allows, alike neighbours merged. */
export function numberBins(name: string, column: NumberColumn, target: Int8Array, quantiles: number = DEFAULT_QUANTILES): BinnedAttribute {
  const present = presentValues(column, target)
  const missing = missingBin(name, present.missing, present.missingPositives)
  if (present.values.length === 0) {
    return { name, kind: 'number', bins: missing, partitions: [missing.map(cellOf)], testPartitions: [missing.map(cellOf)] }
  }
  const lows = quantileLows(sortedSample(present.values), Math.max(1, Math.floor(quantiles)))
  const counts = countRanges(column, target, lows)
  const fine = Array.from(counts.n, (n, j) => ({ n, positives: counts.positives[j]! }))
  const groups = mergeNumberBins(fine)
  const bins: BinCount[] = groups.map((group, g) => {
    const min = g === 0 ? null : lows[group.start]!
    let max: number | null = null
    if (g < groups.length - 1) {
      let seen = -Infinity
      for (let j = group.start; j <= group.end; j++) seen = Math.max(seen, counts.max[j]!)
      max = present.integral ? lows[group.end + 1]! - 1 : seen
    }
    // One bin for every value: "between" needs a bound, and the smallest value selects them all.
    const condition = groups.length === 1 ? between(name, smallest(column.values), null) : between(name, min, max)
    return { label: rangeLabel(min, max), n: group.n, positives: group.positives, condition }
  })
  const all = [...bins, ...missing]
  return {
    name,
    kind: 'number',
    bins: all,
    partitions: [all.map(cellOf)],
    testPartitions: [[...fine, ...missing.map(cellOf)]],
    testCells: () => rangeCells(column, target, lows),
    rowBins: () => {
      // Fine range -> its merged group; missing (range lows.length) -> the missing bin after the groups.
      const groupOf = new Int32Array(lows.length + 1).fill(bins.length)
      groups.forEach((group, g) => groupOf.fill(g, group.start, group.end + 1))
      return rangeCells(column, target, lows).map((cell) => (cell < 0 ? -1 : groupOf[cell]!))
    }
  }
}

/** Each row's range (as countRanges counts it), lows.length for a missing value, -1 when not counted. */
function rangeCells(column: NumberColumn, target: Int8Array, lows: Float64Array): Int32Array {
  const k = lows.length
  const cells = new Int32Array(column.values.length)
  for (let i = 0; i < cells.length; i++) {
    const v = column.values[i]!
    if (target[i]! < 0) cells[i] = -1
    else if (v !== v) cells[i] = k
    else {
      let lo = 0
      let hi = k - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (lows[mid]! <= v) lo = mid
        else hi = mid - 1
      }
      cells[i] = lo
    }
  }
  return cells
}

/**
 * The human bands view: deals per band (min inclusive, max exclusive; values below the first
 * band count in it, values above the last in the last, as in hygiene/bands.ts). Empty bands are
 * left out: they have no evidence to show.
 */
export function bandBins(name: string, column: NumberColumn, target: Int8Array, bands: readonly Band[]): BinnedAttribute {
  const present = presentValues(column, target)
  const missing = missingBin(name, present.missing, present.missingPositives)
  // Range j of countRanges starts at band j's min; the first range also takes values below it.
  const lows = Float64Array.from(bands, (band, j) => (j === 0 ? -Infinity : bands[j - 1]!.max))
  const counts = countRanges(column, target, lows)
  const bins: BinCount[] = []
  bands.forEach((band, j) => {
    const n = counts.n[j]!
    if (n === 0) return
    // The previous band's end, not this band's min: bands with a gap between them count the gap here, as bandFor does.
    const min = j === 0 ? null : lows[j]!
    const last = j === bands.length - 1
    const max = last ? null : present.integral && Number.isInteger(band.max) ? band.max - 1 : counts.max[j]!
    bins.push({ label: band.label, n, positives: counts.positives[j]!, condition: between(name, min, max) })
  })
  const all = [...bins, ...missing]
  // Band j -> its place among the non-empty bands shown; missing after them.
  const shown = new Int32Array(bands.length + 1).fill(-1)
  let next = 0
  bands.forEach((_, j) => (shown[j] = counts.n[j]! > 0 ? next++ : -1))
  shown[bands.length] = bins.length
  const rowBins = (): Int32Array => rangeCells(column, target, lows).map((cell) => (cell < 0 ? -1 : shown[cell]!))
  return {
    name,
    kind: 'number',
    bins: all,
    partitions: [all.map(cellOf)],
    testPartitions: [all.map(cellOf)],
    testCells: () => rangeCells(column, target, lows),
    rowBins
  }
}
