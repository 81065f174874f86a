/**
 * Every attribute kind in bins Discover can show and score: a category by value (rare values
 * pooled), a boolean as yes / no, a list per item (each item present vs not: a deal can hold
 * several), a number by merged quantile bins (number-bins.ts). Missing values are always their
 * own bin: "we do not know the industry" is evidence too, and often a telling one.
 */

import { MISSING_CODE, type EngineColumn } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import { cellOf, missingBin, restOf, type BinCount, type BinnedAttribute } from './binned-attribute'
import { DEFAULT_QUANTILES, numberBins } from './number-bins'
import type { CellCount, TargetTotals } from './woe-iv'

export interface BinningOptions {
  /** Values held by fewer than this share of the counted deals are pooled into one "Other" bin. */
  rareShare?: number
  /** Quantile bins a number starts from before merging. */
  quantiles?: number
}

export const RARE_SHARE = 0.01

type Column<K extends EngineColumn['kind']> = Extract<EngineColumn, { kind: K }>

const partitionOf = (name: string, kind: EngineColumn['kind'], bins: BinCount[]): BinnedAttribute => {
  const cells = bins.map(cellOf)
  return { name, kind, bins, partitions: [cells], testPartitions: [cells] }
}

function categoryBins(
  name: string,
  column: Column<'category'>,
  target: Int8Array,
  totals: TargetTotals,
  rareShare: number
): BinnedAttribute {
  const { codes, values } = column
  const n = new Int32Array(values.length)
  const positives = new Int32Array(values.length)
  const missingCode = MISSING_CODE
  let missing = 0
  let missingPositives = 0
  for (let i = 0; i < codes.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    const code = codes[i]!
    if (code === missingCode) {
      missing++
      missingPositives += t
    } else {
      n[code]!++
      positives[code]! += t
    }
  }
  const floor = rareShare * totals.n
  const seen = values.map((_, code) => code).filter((code) => n[code]! > 0)
  const frequent = seen.filter((code) => n[code]! >= floor).sort((a, b) => n[b]! - n[a]!)
  const rare = seen.filter((code) => n[code]! < floor)
  const bins: BinCount[] = frequent.map((code) => ({
    label: values[code]!,
    n: n[code]!,
    positives: positives[code]!,
    condition: { attribute: name, op: 'in', values: [values[code]!] }
  }))
  if (rare.length === 1) {
    const code = rare[0]!
    bins.push({
      label: values[code]!,
      n: n[code]!,
      positives: positives[code]!,
      condition: { attribute: name, op: 'in', values: [values[code]!] }
    })
  } else if (rare.length > 1) {
    // Whichever list is shorter; not_in also gives values first seen in later deals a home.
    const condition: Condition =
      frequent.length > 0 && frequent.length < rare.length
        ? { attribute: name, op: 'not_in', values: frequent.map((code) => values[code]!) }
        : { attribute: name, op: 'in', values: rare.map((code) => values[code]!) }
    let pooled = 0
    let pooledPositives = 0
    for (const code of rare) {
      pooled += n[code]!
      pooledPositives += positives[code]!
    }
    bins.push({ label: `Other (${rare.length} rare values)`, n: pooled, positives: pooledPositives, condition })
  }
  // Each row's bin: its value's own bin, the pooled rare bin, or the missing bin (last).
  const cellOfCode = new Int32Array(values.length).fill(-1)
  frequent.forEach((code, cell) => (cellOfCode[code] = cell))
  for (const code of rare) cellOfCode[code] = frequent.length
  const missingCell = bins.length
  // Computed once: the test and the account counts both read it.
  let computed: Int32Array | null = null
  const testCells = (): Int32Array => {
    if (computed) return computed
    const cells = new Int32Array(codes.length)
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!
      cells[i] = target[i]! < 0 ? -1 : code === missingCode ? missingCell : cellOfCode[code]!
    }
    computed = cells
    return cells
  }
  // The bins are the test partition's cells (missing last when there is one).
  return { ...partitionOf(name, 'category', [...bins, ...missingBin(name, missing, missingPositives)]), testCells, rowBins: testCells }
}

function booleanBins(name: string, column: Column<'boolean'>, target: Int8Array): BinnedAttribute {
  const n = [0, 0, 0]
  const positives = [0, 0, 0]
  const { values } = column
  for (let i = 0; i < values.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    // -1 missing, 0 false, 1 true -> slots 0, 1, 2.
    const slot = values[i]! + 1
    n[slot]!++
    positives[slot]! += t
  }
  const bins: BinCount[] = []
  if (n[2]! > 0) bins.push({ label: 'Yes', n: n[2]!, positives: positives[2]!, condition: { attribute: name, op: 'is_true' } })
  if (n[1]! > 0) bins.push({ label: 'No', n: n[1]!, positives: positives[1]!, condition: { attribute: name, op: 'is_false' } })
  const testCells = (): Int32Array => {
    const cells = new Int32Array(values.length)
    for (let i = 0; i < values.length; i++) cells[i] = target[i]! < 0 ? -1 : values[i]! + 1
    return cells
  }
  // Bins are Yes, No, Missing in that order, each only when it has rows.
  const slots = [2, 1, 0].filter((slot) => n[slot]! > 0)
  const binOfSlot = new Int32Array(3).fill(-1)
  slots.forEach((slot, bin) => (binOfSlot[slot] = bin))
  const rowBins = (): Int32Array => {
    const cells = new Int32Array(values.length)
    for (let i = 0; i < values.length; i++) cells[i] = target[i]! < 0 ? -1 : binOfSlot[values[i]! + 1]!
    return cells
  }
  return { ...partitionOf(name, 'boolean', [...bins, ...missingBin(name, n[0]!, positives[0]!)]), testCells, rowBins }
}

function multiBins(name: string, column: Column<'multi'>, target: Int8Array, totals: TargetTotals): BinnedAttribute {
  const { items, bits, wordsPerRow, missing } = column
  const n = new Int32Array(wordsPerRow * 32)
  const positives = new Int32Array(wordsPerRow * 32)
  let missingN = 0
  let missingPositives = 0
  for (let i = 0, base = 0; i < missing.length; i++, base += wordsPerRow) {
    const t = target[i]!
    if (t < 0) continue
    if (missing[i]) {
      missingN++
      missingPositives += t
      continue
    }
    for (let w = 0; w < wordsPerRow; w++) {
      let word = bits[base + w]! | 0
      while (word !== 0) {
        const lowest = word & -word
        const item = (w << 5) + 31 - Math.clz32(lowest)
        n[item]!++
        positives[item]! += t
        word ^= lowest
      }
    }
  }
  const order = items
    .map((_, item) => item)
    .filter((item) => n[item]! > 0)
    .sort((a, b) => n[b]! - n[a]!)
  const bins: BinCount[] = order.map((item) => ({
    label: items[item]!,
    n: n[item]!,
    positives: positives[item]!,
    condition: { attribute: name, op: 'contains_any', values: [items[item]!] }
  }))
  bins.push(...missingBin(name, missingN, missingPositives))
  const total: CellCount = { n: totals.n, positives: totals.positives }
  const partitions = bins.map((bin) => [cellOf(bin), restOf(bin, total)])
  // Per item: 0 when the row holds it, 1 otherwise; the missing bin (last): 0 when the row is missing.
  const testCells = (partition: number): Int32Array => {
    const cells = new Int32Array(missing.length)
    const item = order[partition]
    if (item === undefined) {
      for (let i = 0; i < missing.length; i++) cells[i] = target[i]! < 0 ? -1 : missing[i] ? 0 : 1
      return cells
    }
    const word = item >> 5
    const bit = 1 << (item & 31)
    for (let i = 0; i < missing.length; i++) {
      cells[i] = target[i]! < 0 ? -1 : !missing[i] && (bits[i * wordsPerRow + word]! & bit) !== 0 ? 0 : 1
    }
    return cells
  }
  return { name, kind: 'multi', bins, partitions, testPartitions: partitions, testCells }
}

/** The bins of one attribute against `target` (1 positive, 0 negative, -1 not counted). */
export function attributeBins(
  name: string,
  column: EngineColumn,
  target: Int8Array,
  totals: TargetTotals,
  options: BinningOptions = {}
): BinnedAttribute {
  switch (column.kind) {
    case 'category':
      return categoryBins(name, column, target, totals, options.rareShare ?? RARE_SHARE)
    case 'boolean':
      return booleanBins(name, column, target)
    case 'multi':
      return multiBins(name, column, target, totals)
    case 'number':
      return numberBins(name, column, target, options.quantiles ?? DEFAULT_QUANTILES)
  }
}
