/**
 * Per-score sums, built in one pass over the deals; every threshold, band and ranking figure
 * is then read from ~100 buckets. Buckets are in rank order: bucket 0 holds knocked-out
 * (Disqualified) deals, which rank below every score, and bucket s + 1 holds score s.
 */

import type { ScoredRows } from '@shared/engine/scoring/score'
import type { OutcomeView } from './outcome'

export const BUCKETS = 102
export const DISQUALIFIED_BUCKET = 0

/** The bucket of a deal: Disqualified (0) or its score + 1. */
export const bucketOf = (scored: ScoredRows, row: number): number =>
  scored.knockedOutBy[row]! >= 0 ? DISQUALIFIED_BUCKET : scored.scores[row]! + 1

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

export function buildHistograms(view: OutcomeView, scored: ScoredRows): ScoreHistograms {
  const h: ScoreHistograms = {
    deals: new Float64Array(BUCKETS),
    wins: new Float64Array(BUCKETS),
    wonAmount: new Float64Array(BUCKETS),
    wonAmountCount: new Float64Array(BUCKETS),
    cycleSum: new Float64Array(BUCKETS),
    cycleCount: new Float64Array(BUCKETS),
    excluded: 0
  }
  const { target, include } = view
  const { amount, cycleDays } = view.dataset
  const { scores, knockedOutBy } = scored
  const cycleFloor = view.cycleOf === 'positive' ? 1 : 0
  const { deals, wins, wonAmount, wonAmountCount, cycleSum, cycleCount } = h
  let excluded = 0
  for (let i = 0; i < target.length; i++) {
    if (include !== null && include[i] === 0) continue
    const t = target[i]!
    if (t < 0) {
      excluded++
      continue
    }
    const b = knockedOutBy[i]! >= 0 ? 0 : scores[i]! + 1
    deals[b]!++
    if (t === 1) {
      wins[b]!++
      const a = amount[i]!
      if (!Number.isNaN(a)) {
        wonAmount[b]! += a
        wonAmountCount[b]!++
      }
    }
    if (t >= cycleFloor) {
      const c = cycleDays[i]!
      if (!Number.isNaN(c)) {
        cycleSum[b]! += c
        cycleCount[b]!++
      }
    }
  }
  h.excluded = excluded
  return h
}

/** Buckets from..to-1, added top down like the sweep, so both give bit-identical sums. */
export function sum(counts: Float64Array, from = 0, to = counts.length): number {
  let total = 0
  for (let b = to - 1; b >= from; b--) total += counts[b]!
  return total
}
