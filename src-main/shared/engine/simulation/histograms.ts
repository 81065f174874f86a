/**
 * Per-score sums, built in one pass of counting over the deals (plus one over the deals with
 * money or cycle figures); every threshold, band and ranking figure is then read from ~100
 * buckets. Buckets are in rank order: bucket 0 holds knocked-out (Disqualified) deals, which
 * rank below every score, and bucket s + 1 holds score s.
 */

import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { HAS_AMOUNT, HAS_CYCLE, NEGATIVE, POSITIVE, type OutcomeView } from './outcome'
import type { RawClassCounts } from './raw-class-counts'

export const BUCKETS = 102
export const DISQUALIFIED_BUCKET = 0

export interface ScoreHistograms {
  /** Decided deals (positive or negative). */
  deals: Float64Array
  wins: Float64Array
  /** Sum and count of positive deals' amounts (deals without an amount left out). */
  wonAmount: Float64Array
  wonAmountCount: Float64Array
  /** Sum and count of sales cycles of the deals whose cycle counts (OutcomeView.cycleOf). */
  cycleSum: Float64Array
  cycleCount: Float64Array
  /** Deals taking part but excluded from the outcome (open). */
  excluded: number
}

/** `rawCounts`, when given, must hold `scored`'s deals against `view` (the what-if session keeps it current). */
export function buildHistograms(view: OutcomeView, scored: ScoredRows, rawCounts?: RawClassCounts): ScoreHistograms {
  const { raw, disqualified, bucketTable } = scored
  const min = scored.scale.min
  const counts = rawCounts ? rawCounts.bucketCounts() : countDeals(view, scored)
  const h: ScoreHistograms = {
    deals: new Float64Array(BUCKETS),
    wins: new Float64Array(BUCKETS),
    wonAmount: new Float64Array(BUCKETS),
    wonAmountCount: new Float64Array(BUCKETS),
    cycleSum: new Float64Array(BUCKETS),
    cycleCount: new Float64Array(BUCKETS),
    excluded: view.excluded
  }
  for (let b = 0; b < BUCKETS; b++) {
    h.wins[b] = counts[b * 3 + POSITIVE]!
    h.deals[b] = counts[b * 3 + NEGATIVE]! + counts[b * 3 + POSITIVE]!
  }
  const { valueRows, valueAmount, valueCycle, valueFlags } = view
  const { wonAmount, cycleSum } = h
  // flagCounts[bucket * 4 + flags] counts amounts and cycles together: one integer increment per deal.
  const flagCounts = new Int32Array(BUCKETS * 4)
  for (let j = 0; j < valueRows.length; j++) {
    const row = valueRows[j]!
    const b = bucketTable[raw[row]! - min]! & ~disqualified[row]!
    flagCounts[b * 4 + valueFlags[j]!]!++
    wonAmount[b]! += valueAmount[j]!
    cycleSum[b]! += valueCycle[j]!
  }
  for (let b = 0; b < BUCKETS; b++) {
    const both = flagCounts[b * 4 + (HAS_AMOUNT | HAS_CYCLE)]!
    h.wonAmountCount[b] = flagCounts[b * 4 + HAS_AMOUNT]! + both
    h.cycleCount[b] = flagCounts[b * 4 + HAS_CYCLE]! + both
  }
  return h
}

/** counts[bucket * 3 + class], one pass over the deals. */
function countDeals(view: OutcomeView, scored: ScoredRows): Int32Array {
  const { rowClass } = view
  const { raw, disqualified, bucketTable } = scored
  const min = scored.scale.min
  // `& ~disqualified` sends knocked-out deals to bucket 0 without a branch.
  const counts = new Int32Array(BUCKETS * 3)
  for (let i = 0; i < raw.length; i++) {
    const b = bucketTable[raw[i]! - min]! & ~disqualified[i]!
    counts[b * 3 + rowClass[i]!]!++
  }
  return counts
}

/** Buckets from..to-1, added top down like the sweep, so both give bit-identical sums. */
export function sum(counts: Float64Array, from = 0, to = counts.length): number {
  let total = 0
  for (let b = to - 1; b >= from; b--) total += counts[b]!
  return total
}
