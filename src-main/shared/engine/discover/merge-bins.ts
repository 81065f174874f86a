/**
 * Turns fine quantile bins of a number into the bins a consultant reads: monotonic where the
 * data allows (a rate that rises with company size is easier to believe and to score than one
 * that zig-zags by chance), then adjacent bins merged while the data cannot tell their rates
 * apart. A real sweet spot (rates up then down) survives, because forcing it monotonic fits
 * the data significantly worse.
 */

import { chiSquarePValue } from './chi-square'
import { SIGNIFICANCE_LEVEL, twoProportionPValue } from './significance'
import type { CellCount } from './woe-iv'

/** A run of adjacent fine bins, first and last index inclusive. */
export interface BinGroup extends CellCount {
  start: number
  end: number
}

const join = (a: BinGroup, b: BinGroup): BinGroup => ({ start: a.start, end: b.end, n: a.n + b.n, positives: a.positives + b.positives })

const singletons = (cells: readonly CellCount[]): BinGroup[] =>
  cells.map((cell, i) => ({ start: i, end: i, n: cell.n, positives: cell.positives }))

/** Pool-adjacent-violators: the weighted least-squares monotone fit of the rates, as runs of pooled bins. */
export function poolAdjacentViolators(cells: readonly CellCount[], direction: 1 | -1): BinGroup[] {
  const stack: BinGroup[] = []
  for (const group of singletons(cells)) {
    stack.push(group)
    while (stack.length > 1) {
      const top = stack[stack.length - 1]!
      const below = stack[stack.length - 2]!
      // rate(below) vs rate(top) by cross-multiplying: exact for counts.
      const gap = below.positives * top.n - top.positives * below.n
      if (direction * gap <= 0) break
      stack.splice(stack.length - 2, 2, join(below, top))
    }
  }
  return stack
}

const xLogRatio = (count: number, observed: number, fitted: number): number => (count === 0 ? 0 : count * Math.log(observed / fitted))

/** Likelihood-ratio deviance of fitting the groups' pooled rates instead of each cell's own. */
function deviance(cells: readonly CellCount[], groups: readonly BinGroup[]): number {
  let sum = 0
  for (const group of groups) {
    const fitted = group.positives / group.n
    for (let i = group.start; i <= group.end; i++) {
      const { n, positives } = cells[i]!
      const rate = positives / n
      sum += xLogRatio(positives, rate, fitted) + xLogRatio(n - positives, 1 - rate, 1 - fitted)
    }
  }
  return 2 * sum
}

/**
 * The monotone pooling (rising or falling, whichever fits better) when it does not fit
 * significantly worse than the free rates, else the cells as they are. The deviance is compared
 * to a chi-square with one degree of freedom per pooled-away bin: an approximation (the exact
 * law for order-restricted fits is a mixture), on the cautious side.
 */
export function monotoneWhereAllowed(cells: readonly CellCount[], level: number = SIGNIFICANCE_LEVEL): BinGroup[] {
  let best: BinGroup[] | null = null
  let bestDeviance = Infinity
  for (const direction of [1, -1] as const) {
    const groups = poolAdjacentViolators(cells, direction)
    const d = deviance(cells, groups)
    if (d < bestDeviance) {
      best = groups
      bestDeviance = d
    }
  }
  if (!best || best.length === cells.length) return singletons(cells)
  const df = cells.length - best.length
  return chiSquarePValue(bestDeviance, df) > level ? best : singletons(cells)
}

/** Merges the most alike adjacent pair, again and again, while some pair's rates do not differ at `level`. */
export function mergeAlikeNeighbours(groups: readonly BinGroup[], level: number = SIGNIFICANCE_LEVEL): BinGroup[] {
  const merged = [...groups]
  while (merged.length > 1) {
    let bestIndex = -1
    let bestP = level
    for (let i = 0; i + 1 < merged.length; i++) {
      const p = twoProportionPValue(merged[i]!, merged[i + 1]!)
      if (p > bestP) {
        bestP = p
        bestIndex = i
      }
    }
    if (bestIndex < 0) break
    merged.splice(bestIndex, 2, join(merged[bestIndex]!, merged[bestIndex + 1]!))
  }
  return merged
}

/** Fine bins (in value order, none empty) to reported bins. */
export function mergeNumberBins(cells: readonly CellCount[], level: number = SIGNIFICANCE_LEVEL): BinGroup[] {
  if (cells.length === 0) return []
  return mergeAlikeNeighbours(monotoneWhereAllowed(cells, level), level)
}
