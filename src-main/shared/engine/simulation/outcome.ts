/**
 * The outcome a simulation measures against, prepared once per dataset and outcome definition
 * and reused for every rescore: which deals are positive (won, by default), negative (lost) or
 * excluded (open, counted but not scored against), and the order of sales cycles for medians.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { orderByValue } from '@shared/engine/stats/sort-order'

/**
 * Whose sales cycle the cycle figures describe: the positive deals' (time to win; the default,
 * as CRM "sales cycle length" reports), or every decided deal's (time to win or lose).
 */
export type CycleDeals = 'positive' | 'decided'

export interface OutcomeView {
  dataset: EngineDataset
  /** Per deal: 1 positive (won), 0 negative (lost), -1 excluded (open or unmapped). */
  target: Int8Array
  /** Per deal: 1 when the deal takes part (an out-of-time period); null when every deal does. */
  include: Uint8Array | null
  cycleOf: CycleDeals
  /** Deals whose cycle counts (see cycleOf) that have one, shortest cycle first. */
  cycleOrder: Int32Array
}

export interface OutcomeOptions {
  /** Another outcome than won vs lost, e.g. best customers vs the rest or retained vs churned. */
  target?: Int8Array
  cycleOf?: CycleDeals
  include?: Uint8Array | null
}

function cycleRows(target: Int8Array, include: Uint8Array | null, cycleOf: CycleDeals): Int32Array {
  const rows = new Int32Array(target.length)
  let count = 0
  const lowest = cycleOf === 'positive' ? 1 : 0
  for (let i = 0; i < target.length; i++) {
    if (target[i]! >= lowest && (include === null || include[i] === 1)) rows[count++] = i
  }
  return rows.subarray(0, count)
}

export function prepareOutcome(dataset: EngineDataset, options: OutcomeOptions = {}): OutcomeView {
  const target = options.target ?? dataset.outcome
  if (target.length !== dataset.rowCount) throw new RangeError(`The outcome has ${target.length} deals, the dataset ${dataset.rowCount}`)
  const include = options.include ?? null
  const cycleOf = options.cycleOf ?? 'positive'
  const cycleOrder = orderByValue(dataset.cycleDays, cycleRows(target, include, cycleOf))
  return { dataset, target, include, cycleOf, cycleOrder }
}

/** The same outcome on a subset of deals; keeps the cycle order instead of sorting again. */
export function restrictOutcome(view: OutcomeView, include: Uint8Array): OutcomeView {
  const kept = new Int32Array(view.cycleOrder.length)
  let count = 0
  for (const row of view.cycleOrder) if (include[row] === 1) kept[count++] = row
  const combined = view.include ? include.map((value, i) => value & view.include![i]!) : include
  return { ...view, include: combined, cycleOrder: kept.slice(0, count) }
}
