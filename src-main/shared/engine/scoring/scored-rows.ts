/**
 * The result of scoring: raw points per deal, kept current on every change, and the 0-100
 * scores and tiers derived from them. A points change moves the scale, and so every deal's
 * score, but only the matched deals' raw points: so scores and tiers are derived when first
 * read after a change, and the simulation reads raw points through the scale's table instead.
 * That keeps a what-if on a million deals to one pass over one criterion's deals.
 */

import { scaleTable, type ScoreScale } from './scale'

export class ScoredRows {
  /** Per deal: points after caps. */
  readonly raw: Int32Array
  /** Per deal: the first knockout that hits it, or -1. */
  readonly knockedOutBy: Int16Array
  /** Per deal: -1 when knocked out, else 0 (tier | disqualified is then -1 or the tier). */
  readonly disqualified: Int8Array
  /** Per capped attribute with more than eight criteria (by capGroups index): its points before the cap. */
  readonly capSums: Array<Int32Array | null> = []
  scale: ScoreScale = { min: 0, max: -1 }
  /** scoreTable[raw - scale.min] = the deal's 0-100 score. */
  scoreTable: Uint8Array = new Uint8Array(1)
  /** bucketTable[raw - scale.min] = score + 1: the simulation's bucket (0 is kept for knocked-out deals). */
  bucketTable: Uint8Array = new Uint8Array(1)
  private tierOfScore: Int8Array = new Int8Array(101)
  private scoresCache: Uint8Array
  private tiersCache: Int8Array
  private scoresFresh = false
  private tiersFresh = false

  constructor(rowCount: number, knockedOutBy: Int16Array, disqualified: Int8Array) {
    this.raw = new Int32Array(rowCount)
    this.knockedOutBy = knockedOutBy
    this.disqualified = disqualified
    this.scoresCache = new Uint8Array(rowCount)
    this.tiersCache = new Int8Array(rowCount)
  }

  /** Call after raw points, the scale or the tiers changed (the initial scale matches none). */
  changed(scale: ScoreScale, tierOfScore: Int8Array): void {
    if (scale.min !== this.scale.min || scale.max !== this.scale.max) {
      this.scale = scale
      this.scoreTable = scaleTable(scale)
      this.bucketTable = this.scoreTable.map((score) => score + 1)
    }
    this.tierOfScore = tierOfScore
    this.scoresFresh = false
    this.tiersFresh = false
  }

  /** Per deal: 0-100 (derived on first read after a change; the same array every time). */
  get scores(): Uint8Array {
    if (!this.scoresFresh) {
      const { raw, scoreTable } = this
      const scores = this.scoresCache
      const min = this.scale.min
      for (let i = 0; i < raw.length; i++) scores[i] = scoreTable[raw[i]! - min]!
      this.scoresFresh = true
    }
    return this.scoresCache
  }

  /** Per deal: tier index, -1 when knocked out (Disqualified). */
  get tiers(): Int8Array {
    if (!this.tiersFresh) {
      const scores = this.scores
      const { disqualified, tierOfScore } = this
      const tiers = this.tiersCache
      for (let i = 0; i < scores.length; i++) tiers[i] = tierOfScore[scores[i]!]! | disqualified[i]!
      this.tiersFresh = true
    }
    return this.tiersCache
  }

  scoreOf(row: number): number {
    return this.scoreTable[this.raw[row]! - this.scale.min]!
  }

  /** 0 for a knocked-out deal, else its score + 1 (the simulation's rank order). */
  bucketOf(row: number): number {
    return this.disqualified[row] ? 0 : this.bucketTable[this.raw[row]! - this.scale.min]!
  }
}
