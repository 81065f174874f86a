/**
 * Criteria a rep can score in two minutes: one criterion per group of values with the same
 * evidence, not one per value, and for numbers a few ranges whose points rise (or fall, or rise
 * then fall around a sweet spot) with the number, never zig-zag. Groups the data cannot tell
 * from the average get no criterion at all.
 */

import type { Condition } from '@shared/engine/scorecard/model'
import type { DiscoveredAttribute, DiscoveredBin } from './discover'
import { poolAdjacentViolators, type BinGroup } from './merge-bins'
import { binEvidence, TOO_SMALL, weightOfEvidence, type CellCount, type TargetTotals } from './woe-iv'

/** A group whose odds move by less than a fifth either way is left at zero points. */
export const MIN_GROUP_WOE = 0.2
/** Two positive groups of one attribute only when their evidence differs this much (WoE). */
const SPLIT_GAP = 0.3
/** A sweet spot must fit at least this much better than the best monotone shape to be kept. */
const SHAPE_GAIN = 0.5

export interface SimpleCriterion {
  attribute: string
  condition: Condition
  /** Pooled over the group's bins. */
  woe: number
  n: number
  positives: number
  rate: number
  /** The group's bins, for the evidence shown beside the criterion. */
  bins: DiscoveredBin[]
}

const pooled = (bins: readonly CellCount[]): CellCount =>
  bins.reduce((sum, b) => ({ n: sum.n + b.n, positives: sum.positives + b.positives }), { n: 0, positives: 0 })

/** A group becomes a criterion when its pooled interval excludes the average and its WoE is large enough. */
function criterionOf(
  attribute: DiscoveredAttribute,
  bins: DiscoveredBin[],
  condition: Condition,
  totals: TargetTotals
): SimpleCriterion | null {
  const cell = pooled(bins)
  // Fewer than Discover reads (TOO_SMALL): 16 won of 17 accounts told from the average, became
  // the sample scorecard's largest criterion (+20), and did not hold up on its own.
  if (cell.n < TOO_SMALL) return null
  const evidence = binEvidence(cell, totals)
  if (evidence.includesBaseRate || Math.abs(evidence.woe) < MIN_GROUP_WOE) return null
  return { attribute: attribute.name, condition, woe: evidence.woe, n: cell.n, positives: cell.positives, rate: evidence.rate, bins }
}

/** Listed values of bins with an `in` condition; bins of another shape (a pooled not_in) cannot join a list. */
const listed = (bins: readonly DiscoveredBin[]): string[] | null => {
  const values: string[] = []
  for (const bin of bins) {
    if (bin.condition.op !== 'in' || !bin.condition.values) return null
    values.push(...bin.condition.values)
  }
  return values
}

/** Values ordered by evidence, split where the WoE jumps most (at most two groups per sign). */
function splitByGap(bins: DiscoveredBin[]): DiscoveredBin[][] {
  if (bins.length < 3) return [bins]
  const sorted = [...bins].sort((a, b) => b.woe - a.woe)
  let gapAt = -1
  let gap = SPLIT_GAP
  for (let i = 1; i < sorted.length; i++) {
    const step = sorted[i - 1]!.woe - sorted[i]!.woe
    if (step > gap) {
      gap = step
      gapAt = i
    }
  }
  return gapAt < 0 ? [sorted] : [sorted.slice(0, gapAt), sorted.slice(gapAt)]
}

function categoryCriteria(attribute: DiscoveredAttribute, totals: TargetTotals): SimpleCriterion[] {
  const values = attribute.bins.filter((bin) => bin.condition.op === 'in' && bin.n > 0 && !bin.includesBaseRate)
  const out: SimpleCriterion[] = []
  const positive = values.filter((bin) => bin.woe >= MIN_GROUP_WOE)
  const negative = values.filter((bin) => bin.woe <= -MIN_GROUP_WOE)
  for (const group of [...splitByGap(positive), negative]) {
    const list = listed(group)
    if (!list || list.length === 0) continue
    const found = criterionOf(attribute, group, { attribute: attribute.name, op: 'in', values: list }, totals)
    if (found) out.push(found)
  }
  return out
}

function listCriteria(attribute: DiscoveredAttribute): SimpleCriterion[] {
  const items = attribute.bins.filter((bin) => bin.condition.op === 'contains_any' && bin.n > 0 && !bin.includesBaseRate)
  const out: SimpleCriterion[] = []
  // A deal holding two positive items is one deal: the strongest item stands for the group, pooled
  // counts would double-count. Items of clearly different strength are separate groups, so a weak
  // tool that rides along with a strong one does not dilute it.
  const positive = splitByGap(items.filter((bin) => bin.woe >= MIN_GROUP_WOE))
  for (const group of [...positive, items.filter((bin) => bin.woe <= -MIN_GROUP_WOE)]) {
    if (group.length === 0) continue
    const strongest = group.reduce((best, bin) =>
      Math.abs(bin.woe) * Math.sqrt(bin.n) > Math.abs(best.woe) * Math.sqrt(best.n) ? bin : best
    )
    const values = group.flatMap((bin) => bin.condition.values ?? [])
    out.push({
      attribute: attribute.name,
      condition: { attribute: attribute.name, op: 'contains_any', values },
      woe: strongest.woe,
      n: strongest.n,
      positives: strongest.positives,
      rate: strongest.rate,
      bins: group
    })
  }
  return out
}

function booleanCriteria(attribute: DiscoveredAttribute, totals: TargetTotals): SimpleCriterion[] {
  // One criterion per flag: the side that carries evidence (the other side is the baseline).
  const sides = attribute.bins.filter((bin) => (bin.condition.op === 'is_true' || bin.condition.op === 'is_false') && !bin.includesBaseRate)
  const best = sides.sort((a, b) => Math.abs(b.woe) * Math.sqrt(b.n) - Math.abs(a.woe) * Math.sqrt(a.n))[0]
  const found = best ? criterionOf(attribute, [best], best.condition, totals) : null
  return found ? [found] : []
}

/** Squared error of a fit (groups' pooled WoE) against each bin's WoE, weighted by deals. */
function fitError(bins: readonly DiscoveredBin[], groups: readonly BinGroup[], totals: TargetTotals): number {
  let error = 0
  for (const group of groups) {
    const woe = weightOfEvidence(group, totals)
    for (let i = group.start; i <= group.end; i++) error += bins[i]!.n * (bins[i]!.woe - woe) ** 2
  }
  return error
}

/** Rising then falling (or the reverse) around the best turning point: a sweet spot such as 51-500 employees. */
function unimodal(bins: readonly DiscoveredBin[], totals: TargetTotals): { groups: BinGroup[]; error: number } | null {
  let best: { groups: BinGroup[]; error: number } | null = null
  for (let turn = 1; turn < bins.length - 1; turn++) {
    for (const direction of [1, -1] as const) {
      const left = poolAdjacentViolators(bins.slice(0, turn + 1), direction)
      const right = poolAdjacentViolators(bins.slice(turn + 1), direction === 1 ? -1 : 1).map((g) => ({
        ...g,
        start: g.start + turn + 1,
        end: g.end + turn + 1
      }))
      const groups = [...left, ...right]
      const error = fitError(bins, groups, totals)
      if (!best || error < best.error) best = { groups, error }
    }
  }
  return best
}

/** The ordered bins' shape: monotone (rising or falling), or a sweet spot when it fits far better. */
export function orderedGroups(bins: readonly DiscoveredBin[], totals: TargetTotals): BinGroup[] {
  const rising = poolAdjacentViolators(bins, 1)
  const falling = poolAdjacentViolators(bins, -1)
  const risingError = fitError(bins, rising, totals)
  const fallingError = fitError(bins, falling, totals)
  const monotone = risingError <= fallingError ? { groups: rising, error: risingError } : { groups: falling, error: fallingError }
  const spot = unimodal(bins, totals)
  return spot && spot.error < SHAPE_GAIN * monotone.error ? spot.groups : monotone.groups
}

function numberCriteria(attribute: DiscoveredAttribute, totals: TargetTotals): SimpleCriterion[] {
  // Human bands when the attribute has them (employees, revenue), else its own bins.
  const source = attribute.bandView && attribute.bandView.bins.length >= 3 ? attribute.bandView.bins : attribute.bins
  const ranges = source.filter((bin) => bin.condition.op === 'between' && bin.n > 0)
  if (ranges.length === 0) return []
  const groups = orderedGroups(ranges, totals)
  // Neighbouring groups the fit gave nearly the same evidence read as one range.
  const merged: BinGroup[] = []
  for (const group of groups) {
    const last = merged[merged.length - 1]
    if (last && Math.abs(weightOfEvidence(last, totals) - weightOfEvidence(group, totals)) < MIN_GROUP_WOE / 2) {
      merged[merged.length - 1] = { start: last.start, end: group.end, n: last.n + group.n, positives: last.positives + group.positives }
    } else merged.push(group)
  }
  const out: SimpleCriterion[] = []
  for (const group of merged) {
    const first = ranges[group.start]!.condition
    const last = ranges[group.end]!.condition
    const condition: Condition = { attribute: attribute.name, op: 'between', min: first.min ?? null, max: last.max ?? null }
    const found = criterionOf(attribute, ranges.slice(group.start, group.end + 1), condition, totals)
    if (found) out.push(found)
  }
  return out
}

/** The simple criteria of one attribute, against the totals of the unit it was counted in. */
export function simpleCriteria(attribute: DiscoveredAttribute, totals: TargetTotals): SimpleCriterion[] {
  switch (attribute.kind) {
    case 'category':
      return categoryCriteria(attribute, totals)
    case 'multi':
      return listCriteria(attribute)
    case 'boolean':
      return booleanCriteria(attribute, totals)
    case 'number':
      return numberCriteria(attribute, totals)
  }
}
