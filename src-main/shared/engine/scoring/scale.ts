/**
 * From raw points to the 0-100 score people read (docs/scorecard-format.md, "Score scale").
 *
 * Per attribute, the best a deal can do is the sum of that attribute's positive points and the
 * worst the sum of its negative points, each clipped to the attribute's cap. Summed over
 * attributes that gives the scale's `max` and `min`; a deal's score is
 * round(100 * (raw - min) / (max - min)), halves rounded up, clamped to 0-100.
 *
 * The bounds assume every criterion can hit at once. Criteria on one attribute may exclude each
 * other (Industry in Retail vs Industry in Banking), so a real deal may never reach 100 or 0;
 * we accept that: the exact bounds would need a search over value combinations, and these are
 * easy to explain ("100 = every positive criterion met, 0 = every negative one").
 */

import type { AttributeCap } from '@shared/engine/scorecard/model'

export interface ScoreScale {
  /** Raw points that map to 0. */
  min: number
  /** Raw points that map to 100. */
  max: number
}

export function scoreScale(criteria: ReadonlyArray<{ attribute: string; points: number }>, caps: readonly AttributeCap[] = []): ScoreScale {
  const byAttribute = new Map<string, { positive: number; negative: number }>()
  for (const { attribute, points } of criteria) {
    const sums = byAttribute.get(attribute) ?? { positive: 0, negative: 0 }
    if (points > 0) sums.positive += points
    else sums.negative += points
    byAttribute.set(attribute, sums)
  }
  const capOf = new Map(caps.map(({ attribute, cap }) => [attribute, cap]))
  let min = 0
  let max = 0
  for (const [attribute, { positive, negative }] of byAttribute) {
    const cap = capOf.get(attribute) ?? Infinity
    max += Math.min(positive, cap)
    min += Math.max(negative, -cap)
  }
  return { min, max }
}

/**
 * The 0-100 score of `raw` points. In whole-number arithmetic, so that e.g. 12.5 rounds to 13
 * on every platform. A scale with no range (no criteria, or all at 0 points) scores everyone 0.
 */
export function scaleScore(raw: number, scale: ScoreScale): number {
  const range = scale.max - scale.min
  if (range <= 0) return 0
  const offset = Math.min(Math.max(raw - scale.min, 0), range)
  return Math.floor((200 * offset + range) / (2 * range))
}

/**
 * The widest raw range scoring supports (16.7 million points between the best and the worst
 * deal); validation keeps real scorecards far below it (points within +-10,000).
 */
export const MAX_RAW_RANGE = 1 << 24

/** table[raw - scale.min] = the score of raw, for every raw the scale can reach. */
export function scaleTable(scale: ScoreScale): Uint8Array {
  const range = Math.max(scale.max - scale.min, 0)
  if (range > MAX_RAW_RANGE) throw new RangeError(`The scorecard's points span ${range}; at most ${MAX_RAW_RANGE} is supported`)
  const table = new Uint8Array(range + 1)
  for (let offset = 0; offset <= range; offset++) table[offset] = scaleScore(scale.min + offset, scale)
  return table
}
