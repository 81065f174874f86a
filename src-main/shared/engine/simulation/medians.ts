/**
 * Exact median sales cycles for groups of score buckets (above / below a threshold, or bands),
 * without sorting per question: the outcome's deals are already in cycle order, so one walk
 * that counts deals per group finds each group's middle one or two values.
 */

import { BUCKETS } from './histograms'
import type { ScoredOutcome } from './scored-outcome'

/**
 * `groupOfBucket[b]` names the group of bucket b (-1: none); `counts[g]` is how many cycle
 * deals group g holds (from the histograms). Returns each group's median, NaN when empty.
 */
export function groupMedianCycles(outcome: ScoredOutcome, groupOfBucket: Int16Array, counts: readonly number[]): number[] {
  const groups = counts.length
  const medians = new Array<number>(groups).fill(NaN)
  const seen = new Float64Array(groups)
  const low = new Float64Array(groups)
  let pending = 0
  for (const count of counts) if (count > 0) pending++
  const buckets = outcome.cycleBuckets()
  const cycles = outcome.view.cycleSorted
  for (let j = 0; j < buckets.length && pending > 0; j++) {
    const g = groupOfBucket[buckets[j]!]!
    if (g < 0) continue
    const count = counts[g]!
    const position = seen[g]!++
    // The middle one (odd count) or the two middle ones (even count), 0-based.
    if (position === (count - 1) >> 1) low[g] = cycles[j]!
    if (position === count >> 1) {
      medians[g] = (low[g]! + cycles[j]!) / 2
      pending--
    }
  }
  return medians
}

/** Median cycle of deals at or above threshold T (not knocked out) and of the rest. */
export function medianCyclesAt(outcome: ScoredOutcome, threshold: number): { above: number; below: number } {
  const { cycleCount } = outcome.histograms
  const groupOfBucket = new Int16Array(BUCKETS)
  let above = 0
  let below = 0
  for (let b = 0; b < BUCKETS; b++) {
    const isAbove = b >= threshold + 1
    groupOfBucket[b] = isAbove ? 0 : 1
    if (isAbove) above += cycleCount[b]!
    else below += cycleCount[b]!
  }
  const [medianAbove, medianBelow] = groupMedianCycles(outcome, groupOfBucket, [above, below])
  return { above: medianAbove!, below: medianBelow! }
}
