/**
 * Capacity planning: "our SDRs can work 300 accounts a quarter: which threshold?" An account
 * passes when its most recent deal passes, the rule every screen and export scores an account
 * by (see representative-deals); an account whose most recent deal is knocked out never passes.
 * Every deal of the view counts, open ones included: capacity is about the accounts to work,
 * not the outcome. Deals without an account are left out, since they cannot be worked as one.
 */

import { representativeDeals } from '@shared/engine/representative-deals'
import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { BUCKETS } from './histograms'
import type { OutcomeView } from './outcome'
import type { ScoredOutcome } from './scored-outcome'
import { thresholdMetrics, type ThresholdMetrics } from './threshold'

export interface CapacityResult {
  /** The number of accounts that can be worked. */
  capacity: number
  /** The lowest threshold whose passing accounts fit the capacity; null when not even 100 does. */
  threshold: number | null
  /** 0 when no threshold fits. */
  accountsPassing: number
  /** Accounts passing one point lower (what the next threshold would overfill to); null at 0. */
  accountsOneLower: number | null
  /** What the threshold keeps of the historical deals. */
  metrics: ThresholdMetrics | null
}

/** Per score bucket (0 = knocked out, else score + 1): how many accounts have their most recent deal there. */
export function accountHistogram(view: OutcomeView, scored: ScoredRows): Float64Array {
  const rows = representativeDeals(view.dataset, view.include)
  const { raw, disqualified, bucketTable } = scored
  const min = scored.scale.min
  const counts = new Float64Array(BUCKETS)
  for (let account = 0; account < rows.length; account++) {
    const row = rows[account]!
    if (row >= 0) counts[bucketTable[raw[row]! - min]! & ~disqualified[row]!]!++
  }
  return counts
}

export function capacityThreshold(outcome: ScoredOutcome, capacity: number): CapacityResult {
  if (!Number.isFinite(capacity) || capacity < 0) throw new RangeError(`Capacity is a number of accounts, 0 or more (got ${capacity})`)
  const accounts = accountHistogram(outcome.view, outcome.scored)
  // passing[T] = accounts whose most recent deal's bucket is T + 1 or more.
  const passing = new Float64Array(102)
  for (let threshold = 100; threshold >= 0; threshold--) passing[threshold] = passing[threshold + 1]! + accounts[threshold + 1]!
  let threshold: number | null = null
  for (let t = 100; t >= 0 && passing[t]! <= capacity; t--) threshold = t
  if (threshold === null) return { capacity, threshold, accountsPassing: 0, accountsOneLower: passing[100]!, metrics: null }
  return {
    capacity,
    threshold,
    accountsPassing: passing[threshold]!,
    accountsOneLower: threshold === 0 ? null : passing[threshold - 1]!,
    metrics: thresholdMetrics(outcome, threshold)
  }
}
