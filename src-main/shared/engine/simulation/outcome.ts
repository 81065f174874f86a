/**
 * The outcome a simulation measures against, prepared once per dataset and outcome definition
 * and reused for every rescore: which deals are positive (won, by default), negative (lost) or
 * excluded (open, counted but not scored against), the money and cycle figures per deal, and
 * the order of sales cycles for medians. All per-deal decisions are made here, once, so that
 * building histograms after a rescore is a pass of plain counting.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { orderByValue } from '@shared/engine/stats/sort-order'

/**
 * Whose sales cycle the cycle figures describe: the positive deals' (time to win; the default,
 * as CRM "sales cycle length" reports), or every decided deal's (time to win or lose).
 */
export type CycleDeals = 'positive' | 'decided'

export const NOT_COUNTED = 0
export const NEGATIVE = 1
export const POSITIVE = 2
export const HAS_AMOUNT = 1
export const HAS_CYCLE = 2

export interface OutcomeView {
  dataset: EngineDataset
  /** Per deal: 1 positive (won), 0 negative (lost), -1 excluded (open or unmapped). */
  target: Int8Array
  /** Per deal: 1 when the deal takes part (an out-of-time period); null when every deal does. */
  include: Uint8Array | null
  cycleOf: CycleDeals
  /** Per deal: NOT_COUNTED (excluded or not taking part), NEGATIVE or POSITIVE. */
  rowClass: Uint8Array
  /** Deals taking part but excluded from the outcome (open). */
  excluded: number
  /** Deals with a figure to add up: a positive deal's amount and/or a counted cycle. */
  valueRows: Int32Array
  /** Aligned with valueRows: the positive deal's amount (else 0), the cycle (else 0), HAS_* flags. */
  valueAmount: Float64Array
  valueCycle: Float64Array
  valueFlags: Uint8Array
  /** Deals whose cycle counts (see cycleOf) that have one, shortest cycle first. */
  cycleOrder: Int32Array
  /** Their cycles, in that order. */
  cycleSorted: Float64Array
}

export interface OutcomeOptions {
  /** Another outcome than won vs lost, e.g. best customers vs the rest or retained vs churned. */
  target?: Int8Array
  cycleOf?: CycleDeals
  include?: Uint8Array | null
}

function classify(dataset: EngineDataset, target: Int8Array, include: Uint8Array | null, cycleOf: CycleDeals) {
  const n = target.length
  const rowClass = new Uint8Array(n)
  const cycleFloor = cycleOf === 'positive' ? 1 : 0
  const rows = new Int32Array(n)
  const amounts = new Float64Array(n)
  const cycles = new Float64Array(n)
  const flags = new Uint8Array(n)
  let excluded = 0
  let count = 0
  for (let i = 0; i < n; i++) {
    if (include !== null && include[i] !== 1) continue
    const t = target[i]!
    if (t < 0) {
      excluded++
      continue
    }
    rowClass[i] = t === 1 ? POSITIVE : NEGATIVE
    const amount = dataset.amount[i]!
    const cycle = dataset.cycleDays[i]!
    const flag = (t === 1 && !Number.isNaN(amount) ? HAS_AMOUNT : 0) | (t >= cycleFloor && !Number.isNaN(cycle) ? HAS_CYCLE : 0)
    if (flag === 0) continue
    rows[count] = i
    amounts[count] = flag & HAS_AMOUNT ? amount : 0
    cycles[count] = flag & HAS_CYCLE ? cycle : 0
    flags[count++] = flag
  }
  return {
    rowClass,
    excluded,
    valueRows: rows.slice(0, count),
    valueAmount: amounts.slice(0, count),
    valueCycle: cycles.slice(0, count),
    valueFlags: flags.slice(0, count)
  }
}

function cyclesOf(dataset: EngineDataset, rows: Int32Array): Float64Array {
  const cycles = new Float64Array(rows.length)
  for (let j = 0; j < rows.length; j++) cycles[j] = dataset.cycleDays[rows[j]!]!
  return cycles
}

export function prepareOutcome(dataset: EngineDataset, options: OutcomeOptions = {}): OutcomeView {
  const target = options.target ?? dataset.outcome
  if (target.length !== dataset.rowCount) throw new RangeError(`The outcome has ${target.length} deals, the dataset ${dataset.rowCount}`)
  const include = options.include ?? null
  const cycleOf = options.cycleOf ?? 'positive'
  const classes = classify(dataset, target, include, cycleOf)
  const { valueRows, valueFlags } = classes
  const cycleRows = new Int32Array(valueRows.length)
  let count = 0
  for (let j = 0; j < valueRows.length; j++) if (valueFlags[j]! & HAS_CYCLE) cycleRows[count++] = valueRows[j]!
  const cycleOrder = orderByValue(dataset.cycleDays, cycleRows.subarray(0, count))
  return { dataset, target, include, cycleOf, ...classes, cycleOrder, cycleSorted: cyclesOf(dataset, cycleOrder) }
}

/** The same outcome on a subset of deals; keeps the cycle order instead of sorting again. */
export function restrictOutcome(view: OutcomeView, include: Uint8Array): OutcomeView {
  const combined = view.include ? include.map((value, i) => value & view.include![i]!) : include
  const classes = classify(view.dataset, view.target, combined, view.cycleOf)
  const kept = new Int32Array(view.cycleOrder.length)
  let count = 0
  for (const row of view.cycleOrder) if (combined[row] === 1) kept[count++] = row
  const cycleOrder = kept.slice(0, count)
  return { ...view, include: combined, ...classes, cycleOrder, cycleSorted: cyclesOf(view.dataset, cycleOrder) }
}
