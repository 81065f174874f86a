/**
 * Scores seen through an outcome: the histograms every figure is read from, and (on first
 * use) the bucket of each deal in cycle order, so that every median afterwards is a sequential
 * walk with no random reads into the million-deal arrays.
 */

import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { buildHistograms, type ScoreHistograms } from './histograms'
import type { OutcomeView } from './outcome'
import type { RawClassCounts } from './raw-class-counts'

export interface ScoredOutcome {
  view: OutcomeView
  scored: ScoredRows
  histograms: ScoreHistograms
  /** Per entry of view.cycleOrder: its deal's bucket (0 knocked out, else score + 1). */
  cycleBuckets(): Uint8Array
}

export function scoreOutcome(view: OutcomeView, scored: ScoredRows, rawCounts?: RawClassCounts): ScoredOutcome {
  if (view.dataset.rowCount !== scored.raw.length) throw new RangeError('The scores and the outcome are for different deals')
  let buckets: Uint8Array | null = null
  return {
    view,
    scored,
    histograms: buildHistograms(view, scored, rawCounts),
    cycleBuckets: () => {
      if (buckets) return buckets
      const order = view.cycleOrder
      const { raw, disqualified, bucketTable } = scored
      const min = scored.scale.min
      buckets = new Uint8Array(order.length)
      for (let j = 0; j < order.length; j++) {
        const row = order[j]!
        buckets[j] = bucketTable[raw[row]! - min]! & ~disqualified[row]!
      }
      return buckets
    }
  }
}
