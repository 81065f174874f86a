/**
 * Capacity planning: "our SDRs can work 300 accounts a quarter: which threshold?" An account
 * passes when any of its deals passes (its best deal's score, knockouts ranking lowest). Every
 * deal of the view counts, open ones included: capacity is about the accounts to work, not the
 * outcome. Deals without an account are left out, since they cannot be worked as one.
 */

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

/** Per score bucket: how many accounts have their best deal there. */
export function accountHistogram(view: OutcomeView, scored: ScoredRows): Float64Array {
  const { accountIndex, accountCount } = view.dataset
  const best = new Int8Array(accountCount).fill(-1)
  const { include } = view
  const { raw, disqualified, bucketTable } = scored
  const min = scored.scale.min
  for (let i = 0; i < accountIndex.length; i++) {
    if (include !== null && include[i] === 0) continue
    const account = accountIndex[i]!
    if (account < 0) continue
    const b = bucketTable[raw[i]! - min]! & ~disqualified[i]!
    if (b > best[account]!) best[account] = b
  }
  const counts = new Float64Array(BUCKETS)
  for (let a = 0; a < accountCount; a++) if (best[a]! >= 0) counts[best[a]!]!++
  return counts
}

export function capacityThreshold(outcome: ScoredOutcome, capacity: number): CapacityResult {
  if (!Number.isFinite(capacity) || capacity < 0) throw new RangeError(`Capacity is a number of accounts, 0 or more (got ${capacity})`)
  const accounts = accountHistogram(outcome.view, outcome.scored)
  // passing[T] = accounts whose best bucket is T + 1 or more.
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
