/**
 * Won and lost deals per raw points value, kept current across points changes. A points step
 * moves only the deals that meet the criterion, and the scale maps raw points to scores, so the
 * score histograms' counts are these counts folded through the scale's table: the what-if
 * session moves one criterion's deals between counts and folds ~100s of values instead of
 * counting every deal again. Whole numbers, so the fold is exactly the count it replaces.
 */

import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { BUCKETS } from './histograms'
import { NEGATIVE, POSITIVE, type OutcomeView } from './outcome'

/** Entries per raw value: one per row class (NOT_COUNTED, NEGATIVE, POSITIVE). */
const CLASSES = 3

/**
 * The widest scale kept as counts (12 bytes per raw value: 12 MB here). Real scorecards span a
 * few hundred points; past this the session counts every deal instead, as a full rescore does.
 */
const MAX_RANGE = 1 << 20

export class RawClassCounts {
  /** Whether a scale is narrow enough to keep counts for. */
  static fits(scale: { min: number; max: number }): boolean {
    return scale.max - scale.min <= MAX_RANGE
  }

  /** counts[(raw - low) * 3 + class] for the deals no knockout hits. */
  private counts: Int32Array
  private low: number
  /** Knocked-out deals by class: they sit in the Disqualified bucket whatever their points. */
  readonly knockedOut = new Int32Array(CLASSES)

  constructor(
    private readonly view: OutcomeView,
    private readonly scored: ScoredRows
  ) {
    const { raw, disqualified } = scored
    const { rowClass } = view
    this.low = scored.scale.min
    this.counts = new Int32Array((Math.max(scored.scale.max - scored.scale.min, 0) + 1) * CLASSES)
    for (let i = 0; i < raw.length; i++) {
      if (disqualified[i]) this.knockedOut[rowClass[i]!]!++
      else this.counts[(raw[i]! - this.low) * CLASSES + rowClass[i]!]!++
    }
  }

  /** Takes `rows` out at their current raw points (before they move). */
  remove(rows: Int32Array): void {
    this.move(rows, -1)
  }

  /** Puts `rows` back at their current raw points (after they moved and the scale was updated). */
  add(rows: Int32Array): void {
    this.fit(this.scored.scale.min, this.scored.scale.max)
    this.move(rows, 1)
  }

  /**
   * Per bucket (0 knocked out, s + 1 score s), as buildHistograms counts them: counts[b * 3 + class].
   * Only the scale's range is read: no deal's raw points lie outside it.
   */
  bucketCounts(): Int32Array {
    const { scale, bucketTable } = this.scored
    const buckets = new Int32Array(BUCKETS * CLASSES)
    for (let c = 0; c < CLASSES; c++) buckets[c] = this.knockedOut[c]!
    const from = scale.min - this.low
    for (let offset = 0; offset <= scale.max - scale.min; offset++) {
      const at = (from + offset) * CLASSES
      const b = bucketTable[offset]! * CLASSES
      buckets[b + NEGATIVE] = buckets[b + NEGATIVE]! + this.counts[at + NEGATIVE]!
      buckets[b + POSITIVE] = buckets[b + POSITIVE]! + this.counts[at + POSITIVE]!
    }
    return buckets
  }

  private move(rows: Int32Array, by: number): void {
    const { raw, disqualified } = this.scored
    const { rowClass } = this.view
    const { counts, low } = this
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!
      if (disqualified[i]) continue
      const at = (raw[i]! - low) * CLASSES + rowClass[i]!
      counts[at] = counts[at]! + by
    }
  }

  /**
   * Widens the counts to cover min..max (a points change can move the scale past them). The
   * session drops the counts before a scale wider than `fits` allows, so this stays bounded.
   */
  private fit(min: number, max: number): void {
    const high = this.low + this.counts.length / CLASSES - 1
    if (min >= this.low && max <= high) return
    const low = Math.min(min, this.low)
    const wider = new Int32Array((Math.max(max, high) - low + 1) * CLASSES)
    wider.set(this.counts, (this.low - low) * CLASSES)
    this.counts = wider
    this.low = low
  }
}
