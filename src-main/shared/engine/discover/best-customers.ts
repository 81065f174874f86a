/**
 * Best customers: the top X% of won accounts by a weighted composite of success metrics. Each
 * metric becomes a percentile rank among won accounts (so LTV in dollars and NPS in points
 * weigh alike), flipped where lower is better; the composite is the weighted mean of the ranks
 * an account has, so a missing NPS does not sink an otherwise great customer.
 */

import type { BestCustomerDefinition, BestCustomerMetric } from '@shared/domain/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'

export interface BestCustomers {
  /** Won accounts with at least one of the metrics (the ones ranked). */
  wonAccounts: number
  /** Per account index: composite in (0, 1], NaN when the account is not ranked. */
  composite: Float64Array
  /** Per metric of the definition the data has: per account index, its value (NaN when missing). */
  values: Map<BestCustomerMetric, Float64Array>
  /** The cohort's account indexes, best first. */
  cohort: number[]
  /** Per account index: 1 when in the cohort. */
  inCohort: Uint8Array
  /** Metrics of the definition the data has no column for (ignored). */
  missingMetrics: BestCustomerMetric[]
}

/** Mid-rank percentiles in (0, 1) of the given values (ties share their average rank). */
export function percentileRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!)
  const ranks = new Array<number>(values.length)
  for (let start = 0; start < order.length;) {
    let end = start
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++
    // Ranks start..end (0-based) share their mean; the mid-rank keeps the scale symmetric.
    const percentile = ((start + end) / 2 + 0.5) / order.length
    for (let k = start; k <= end; k++) ranks[order[k]!] = percentile
    start = end + 1
  }
  return ranks
}

/** Per account index: the first known value over its deals (an account fact copied onto each deal). */
function accountValues(dataset: EngineDataset, perDeal: Float64Array): Float64Array {
  const out = new Float64Array(dataset.accountCount).fill(NaN)
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = dataset.accountIndex[row]!
    if (account >= 0 && account < out.length && Number.isNaN(out[account]!)) out[account] = perDeal[row]!
  }
  return out
}

function wonAccountFlags(dataset: EngineDataset): Uint8Array {
  const won = new Uint8Array(dataset.accountCount)
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = dataset.accountIndex[row]!
    if (account >= 0 && account < won.length && dataset.outcome[row] === 1) won[account] = 1
  }
  return won
}

export function bestCustomers(dataset: EngineDataset, definition: BestCustomerDefinition): BestCustomers {
  const accounts = dataset.accountCount
  const won = wonAccountFlags(dataset)
  const values = new Map<BestCustomerMetric, Float64Array>()
  const missingMetrics: BestCustomerMetric[] = []
  const weighted = new Float64Array(accounts)
  const weights = new Float64Array(accounts)
  const counted = new Uint8Array(accounts)
  for (const { metric, direction, weight } of definition.metrics) {
    const perDeal = dataset.metrics?.get(metric)
    if (!perDeal) {
      if (!missingMetrics.includes(metric)) missingMetrics.push(metric)
      continue
    }
    const byAccount = accountValues(dataset, perDeal)
    values.set(metric, byAccount)
    const ranked: number[] = []
    for (let a = 0; a < accounts; a++) if (won[a] === 1 && !Number.isNaN(byAccount[a]!)) ranked.push(a)
    const ranks = percentileRanks(ranked.map((a) => byAccount[a]!))
    ranked.forEach((a, i) => {
      const rank = direction === 'lower' ? 1 - ranks[i]! : ranks[i]!
      // A zero weight still counts the account as ranked; the tiny weight only matters when all weights are zero.
      const w = weight > 0 ? weight : 1e-9
      weighted[a] = weighted[a]! + w * rank
      weights[a] = weights[a]! + w
      counted[a] = 1
    })
  }
  const composite = new Float64Array(accounts).fill(NaN)
  const members: number[] = []
  for (let a = 0; a < accounts; a++) {
    if (counted[a] === 0) continue
    composite[a] = weighted[a]! / weights[a]!
    members.push(a)
  }
  members.sort((x, y) => composite[y]! - composite[x]! || x - y)
  const size = members.length === 0 ? 0 : Math.max(1, Math.round((members.length * definition.topPercent) / 100))
  const cohort = members.slice(0, size)
  const inCohort = new Uint8Array(accounts)
  for (const a of cohort) inCohort[a] = 1
  return { wonAccounts: members.length, composite, values, cohort, inCohort, missingMetrics }
}

/** Best vs the rest, per deal: decided deals of cohort accounts are positive, every other decided deal negative. */
export function bestTarget(dataset: EngineDataset, best: BestCustomers): Int8Array {
  const target = new Int8Array(dataset.rowCount).fill(-1)
  for (let row = 0; row < dataset.rowCount; row++) {
    const outcome = dataset.outcome[row]!
    if (outcome < 0) continue
    const account = dataset.accountIndex[row]!
    // A best customer is won business: its won deals are the positives; a deal it lost says
    // nothing about what makes the best accounts (it counts with the rest).
    target[row] = outcome === 1 && account >= 0 && best.inCohort[account] === 1 ? 1 : 0
  }
  return target
}

/** Per account index: the first deal row of each account (where its id and name are read). */
export function firstRowOfAccounts(dataset: EngineDataset): Int32Array {
  const first = new Int32Array(dataset.accountCount).fill(-1)
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = dataset.accountIndex[row]!
    if (account >= 0 && account < first.length && first[account] === -1) first[account] = row
  }
  return first
}
