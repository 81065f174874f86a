/**
 * What a scorecard's numbers become in a CRM rule. Dates are whole days in a CRM but epoch
 * milliseconds in the engine, so a bound inside a day is moved to the day that keeps the same
 * accounts in (x > 12:00 on 3 May means on or after 4 May for a date field). Tier thresholds are
 * given in points, because a CRM sums points and cannot rescale them to 0-100 on its own.
 */

import type { Tier } from '@shared/engine/scorecard/model'
import { scaleScore, type ScoreScale } from '@shared/engine/scoring/scale'

const DAY_MS = 86_400_000

export interface Day {
  year: number
  month: number
  day: number
  iso: string
}

export function dayOf(ms: number): Day {
  const date = new Date(ms)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), iso: date.toISOString().slice(0, 10) }
}

/** The first whole day at or after `ms`, and the last whole day at or before it. */
export const dayAtOrAfter = (ms: number): Day => dayOf(Math.ceil(ms / DAY_MS) * DAY_MS)
export const dayAtOrBefore = (ms: number): Day => dayOf(Math.floor(ms / DAY_MS) * DAY_MS)

/** A date bound as "on or after"/"on or before" whole days; x < v is x on or before the day before v's next midnight. */
export function dateBounds(op: 'between' | 'lt' | 'gt', min: number | null, max: number | null): { from: Day | null; to: Day | null } {
  if (op === 'between') return { from: min === null ? null : dayAtOrAfter(min), to: max === null ? null : dayAtOrBefore(max) }
  // x > v: days after v's day; x < v: days before v's ceiling.
  if (op === 'gt') return { from: dayOf(Math.floor(min! / DAY_MS) * DAY_MS + DAY_MS), to: null }
  return { from: null, to: dayOf(Math.ceil(max! / DAY_MS) * DAY_MS - DAY_MS) }
}

export interface TierThreshold {
  tier: string
  /** The fewest points that reach the tier; null for the lowest tier (it takes everything below). */
  minPoints: number | null
  /** False when no account can reach the tier (its minimum score is above the best possible). */
  reachable: boolean
}

/** Each tier's threshold in raw points: the smallest whole number of points whose 0-100 score reaches it. */
export function tierThresholds(tiers: readonly Tier[], scale: ScoreScale): TierThreshold[] {
  return tiers.map((tier, i) => {
    if (i === tiers.length - 1) return { tier: tier.name, minPoints: null, reachable: true }
    for (let raw = scale.min; raw <= scale.max; raw++) {
      if (scaleScore(raw, scale) >= tier.min) return { tier: tier.name, minPoints: raw, reachable: true }
    }
    return { tier: tier.name, minPoints: scale.max + 1, reachable: false }
  })
}
