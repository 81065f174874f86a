/**
 * Whether one value could meet two conditions on the same attribute. Bins of one number
 * ("under 10", "11-50") or disjoint value lists ("is Retail", "is Banking") never both hold for
 * one account, so their points never add up; anything this cannot rule out counts as possible.
 */

import type { Condition } from './model'

function interval(c: Condition): [number, number] | null {
  if (c.op === 'between') return [c.min ?? -Infinity, c.max ?? Infinity]
  // lt/gt are strict: nudge by the smallest step so touching bounds do not count as overlapping.
  if (c.op === 'lt') return [-Infinity, c.value === undefined ? Infinity : c.value - Number.EPSILON * Math.max(1, Math.abs(c.value))]
  if (c.op === 'gt') return [c.value === undefined ? -Infinity : c.value + Number.EPSILON * Math.max(1, Math.abs(c.value)), Infinity]
  return null
}

export function canBothMatch(a: Condition, b: Condition): boolean {
  if (a.attribute !== b.attribute) return true
  // A missing value meets only is_missing; a present one never does.
  if ((a.op === 'is_missing') !== (b.op === 'is_missing')) return false
  if (a.op === 'is_missing') return true
  if ((a.op === 'is_true' && b.op === 'is_false') || (a.op === 'is_false' && b.op === 'is_true')) return false
  const ia = interval(a)
  const ib = interval(b)
  if (ia && ib) return ia[0] <= ib[1] && ib[0] <= ia[1]
  if (a.op === 'in' && b.op === 'in') return (a.values ?? []).some((v) => (b.values ?? []).includes(v))
  if (a.op === 'in' && b.op === 'not_in') return (a.values ?? []).some((v) => !(b.values ?? []).includes(v))
  if (a.op === 'not_in' && b.op === 'in') return canBothMatch(b, a)
  return true
}

/**
 * The fewest points the criteria could give one account together: the most negative set of
 * negative criteria that pairwise could all hold (searched exhaustively up to 16 of them, else
 * every negative counts). Never less negative than the truth, so a warning built on it is safe.
 */
export function worstTogether(criteria: ReadonlyArray<Condition & { points: number }>): number {
  const negatives = criteria.filter((c) => c.points < 0)
  if (negatives.length > 16) return negatives.reduce((sum, c) => sum + c.points, 0)
  let worst = 0
  for (let set = 1; set < 1 << negatives.length; set++) {
    let total = 0
    let possible = true
    for (let i = 0; i < negatives.length && possible; i++) {
      if (!(set & (1 << i))) continue
      for (let j = 0; j < i; j++) if (set & (1 << j) && !canBothMatch(negatives[i]!, negatives[j]!)) possible = false
      total += negatives[i]!.points
    }
    if (possible && total < worst) worst = total
  }
  return worst
}
