/**
 * What the data says about each criterion of a scorecard, one by one: do the accounts (or deals)
 * that meet it win more often than the rest, beyond chance once every criterion tested is
 * accounted for (Benjamini-Hochberg), and does the difference point the same way on the deals a
 * fit never saw (the newest ones)? Only a criterion that passes both is a finding a deliverable
 * may state; the others are hypotheses, and the page says what data would settle them.
 *
 * Account facts count accounts (won when any of its deals is, lost when all are: account-units.ts); deal facts count
 * deals, tested with the account-clustered score test so one account's forty deals are not forty
 * independent pieces of evidence.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { conditionMask } from '@shared/engine/scoring/condition-mask'
import { wilsonInterval } from '@shared/engine/stats/wilson'
import { accountUnits, type AccountUnits } from './account-units'
import { clusteredIndependence, clusterOrder } from './clustered-test'
import { benjaminiHochberg, SIGNIFICANCE_LEVEL, twoProportionPValue } from './significance'
import { heldOutPart, validationSplit, type SplitWords, type ValidationSplit } from './validation-split'

/** Fewer matching units than this on the newest deals: the direction there tells nothing. */
export const MIN_HOLDOUT_MATCHING = 10
/** The smallest difference in win rate a follow-up test is sized for (ten points). */
export const SMALLEST_DIFFERENCE = 0.1

export type FindingUnit = 'accounts' | 'deals'
export type FindingDirection = 'higher' | 'lower'

export interface RateComparison {
  /** Units that meet the criterion, and how many of them are positive (won). */
  matching: number
  matchingPositive: number
  /** The rest (including those with no value on record: they earn no points either). */
  others: number
  othersPositive: number
}

export interface CriterionFinding {
  /** The criterion's id, or `knockout:<index>` for a knockout. */
  id: string
  condition: Condition
  /** What the scorecard claims: criteria with positive points and... */
  expected: FindingDirection
  unit: FindingUnit
  all: RateComparison
  /** Win rate of the matching units, its 95% interval, and the rest's. */
  rate: number | null
  interval: [number, number]
  othersRate: number | null
  overallRate: number | null
  pValue: number
  /** Benjamini-Hochberg adjusted over every criterion and knockout tested. */
  qValue: number
  /** The same comparison on the held-out deals (null: no holdout was possible). */
  holdout: RateComparison | null
  /** Which deals were held out, in words ("the newest deals", "the held-out accounts"). */
  heldOut: string
  /** The difference on all data points the way the scorecard claims. */
  agrees: boolean
  /** ...and on the newest deals too, with enough matching units there to tell. */
  holdsOnHoldout: boolean
  /** Agrees, significant after correction, and holds on the holdout: a statement may say it. */
  supported: boolean
  /** Why not, in plain words (null when supported). */
  reason: string | null
  /** Units per group a test would need to see a difference of this size (the observed one, at least ten points). */
  unitsToSettle: number | null
}

export interface ScorecardFindings {
  unit: FindingUnit
  split: ValidationSplit
  findings: CriterionFinding[]
  /**
   * Criteria on one attribute that score alike, taken together (bands of pdays up to 5, 6–8 and
   * 9+ at +6, +7 and +6 are one trait: "pdays on record"), each tested as one claim. Only groups
   * whose every criterion is supported; not counted among `findings`.
   */
  together: TogetherFinding[]
}

/** Several criteria of one attribute as one claim (see togetherCondition). */
export interface TogetherFinding extends CriterionFinding {
  /** The ids of the criteria it stands for. */
  members: string[]
  /** How to name it: `condition` alone when the criteria make one list or one range, else each band. */
  conditions: Condition[]
}

const rateOf = (positive: number, n: number): number | null => (n === 0 ? null : positive / n)

/** Per-group sample size for a two-proportion test at 5% (two-sided) with 80% power. */
export function unitsPerGroup(p1: number, p0: number): number {
  const zAlpha = 1.959964
  const zBeta = 0.841621
  const gap = Math.abs(p1 - p0)
  if (gap === 0) return Infinity
  return Math.ceil(((zAlpha + zBeta) ** 2 * (p1 * (1 - p1) + p0 * (1 - p0))) / (gap * gap))
}

/** Units per group to tell the observed difference (or ten points, when it is smaller) from chance. */
function unitsToSettle(rate: number, others: number): number {
  const gap = rate - others
  const goal =
    Math.abs(gap) >= SMALLEST_DIFFERENCE ? rate : Math.min(0.99, Math.max(0.01, others + (gap >= 0 ? 1 : -1) * SMALLEST_DIFFERENCE))
  return unitsPerGroup(goal, others)
}

function compare(mask: Uint8Array, target: Int8Array, units: AccountUnits | null): RateComparison {
  const counts: RateComparison = { matching: 0, matchingPositive: 0, others: 0, othersPositive: 0 }
  const add = (matches: boolean, positive: boolean) => {
    if (matches) {
      counts.matching++
      if (positive) counts.matchingPositive++
    } else {
      counts.others++
      if (positive) counts.othersPositive++
    }
  }
  if (units) {
    for (let a = 0; a < units.count; a++) if (units.target[a]! >= 0) add(mask[units.row[a]!] === 1, units.target[a] === 1)
  } else {
    for (let i = 0; i < target.length; i++) if (target[i]! >= 0) add(mask[i] === 1, target[i] === 1)
  }
  return counts
}

const pointsTheWay = (c: RateComparison, expected: FindingDirection): boolean => {
  const a = rateOf(c.matchingPositive, c.matching)
  const b = rateOf(c.othersPositive, c.others)
  if (a === null || b === null) return false
  return expected === 'higher' ? a > b : a < b
}

/**
 * Each criterion with points (and each knockout) tested against the decided deals of `target`
 * (default: won vs lost). `words` name the rows in the split and `heldOut`: a churn study's are
 * customers (default: deals).
 */
export function criterionFindings(
  dataset: EngineDataset,
  scorecard: Scorecard,
  target: Int8Array = dataset.outcome,
  words?: SplitWords
): ScorecardFindings {
  const split = validationSplit(dataset, target, words)
  const accounts = accountUnits(dataset, target)
  const heldOut = heldOutPart(split.kind, words?.records)
  const holdoutAccounts = split.holdout ? accountUnits(dataset, split.holdout) : null
  let order: Int32Array | null = null
  const claims: Array<{ id: string; condition: Condition; expected: FindingDirection }> = [
    ...scorecard.criteria
      .filter((c) => c.points !== 0)
      .map((c) => ({ id: c.id, condition: c as Condition, expected: (c.points > 0 ? 'higher' : 'lower') as FindingDirection })),
    ...scorecard.knockouts.map((k, i) => ({ id: `knockout:${i}`, condition: k as Condition, expected: 'lower' as FindingDirection }))
  ]
  let anyAccountUnit = false
  const test = (attribute: string, mask: Uint8Array) => {
    const byAccount = accounts !== null && dataset.levels?.get(attribute) === 'account'
    const all = compare(mask, target, byAccount ? accounts : null)
    let pValue: number
    if (byAccount || !accounts?.clustered) {
      pValue = twoProportionPValue({ n: all.matching, positives: all.matchingPositive }, { n: all.others, positives: all.othersPositive })
    } else {
      const cells = new Int32Array(dataset.rowCount)
      for (let i = 0; i < cells.length; i++) cells[i] = mask[i]!
      order ??= clusterOrder(target, dataset.accountIndex, dataset.accountCount)
      pValue = clusteredIndependence(cells, target, dataset.accountIndex, dataset.accountCount, order).pValue
    }
    const holdout = split.holdout ? compare(mask, split.holdout, byAccount ? holdoutAccounts : null) : null
    return { unit: (byAccount ? 'accounts' : 'deals') as FindingUnit, all, pValue, holdout }
  }
  const maskOf = (condition: Condition): Uint8Array =>
    conditionMask(dataset.attributes.get(condition.attribute), condition, dataset.rowCount)
  const partial = claims.map(({ id, condition, expected }) => {
    const tested = test(condition.attribute, maskOf(condition))
    if (tested.unit === 'accounts') anyAccountUnit = true
    return { id, condition, expected, ...tested }
  })
  const corrected = benjaminiHochberg(partial.map((p) => p.pValue))
  const tested = partial.length

  const judge = (p: (typeof partial)[number], qValue: number): CriterionFinding => {
    const { all, holdout, expected, unit } = p
    const rate = rateOf(all.matchingPositive, all.matching)
    const othersRate = rateOf(all.othersPositive, all.others)
    const overallRate = rateOf(all.matchingPositive + all.othersPositive, all.matching + all.others)
    const [low, high] = wilsonInterval(all.matchingPositive, all.matching)
    const agrees = pointsTheWay(all, expected)
    const enoughHoldout = holdout !== null && holdout.matching >= MIN_HOLDOUT_MATCHING && holdout.others >= MIN_HOLDOUT_MATCHING
    const holdsOnHoldout = enoughHoldout && pointsTheWay(holdout, expected)
    const significant = qValue <= SIGNIFICANCE_LEVEL
    const way = expected === 'higher' ? 'more' : 'less'
    const reason =
      all.matching === 0
        ? `No ${unit} with a decided deal meet it.`
        : !agrees
          ? `The data points the other way: the ${unit} that meet it win ${expected === 'higher' ? 'no more' : 'no less'} often than the rest.`
          : !significant
            ? `The difference could be chance once ${tested} criteria are tested together.`
            : holdout === null
              ? 'Too few deals to hold some back and check it on them.'
              : !enoughHoldout
                ? `Too few ${unit} meet it among ${heldOut} to check it there (${holdout.matching}).`
                : !holdsOnHoldout
                  ? `It does not hold on ${heldOut}: there the ${unit} that meet it do not win ${way} often.`
                  : null
    const settle = rate !== null && othersRate !== null ? unitsToSettle(rate, othersRate) : null
    return {
      id: p.id,
      condition: p.condition,
      expected,
      unit,
      all,
      rate,
      interval: [low, high],
      othersRate,
      overallRate,
      pValue: p.pValue,
      qValue,
      holdout,
      heldOut,
      agrees,
      holdsOnHoldout,
      supported: reason === null,
      reason,
      unitsToSettle: settle !== null && Number.isFinite(settle) ? settle : null
    }
  }
  const findings = partial.map((p, index) => judge(p, corrected.adjusted[index]!))
  const together = alikeGroups(scorecard, findings).flatMap((group): TogetherFinding[] => {
    const first = group[0]!
    const conditions = group.map((f) => f.condition)
    const mask = new Uint8Array(dataset.rowCount)
    for (const condition of conditions) {
      const one = maskOf(condition)
      for (let i = 0; i < mask.length; i++) mask[i] = mask[i]! | one[i]!
    }
    const joined = togetherCondition(conditions, mask, maskOf)
    const condition = joined ?? first.condition
    // One more claim tested: its p-value is held to the level, counted as one test among the
    // scorecard's claims and itself (Bonferroni, stricter than the claims' own correction).
    const tested = test(condition.attribute, mask)
    const strict = Math.min(1, tested.pValue * (partial.length + 1))
    const finding = judge({ id: `together:${group.map((f) => f.id).join('+')}`, condition, expected: first.expected, ...tested }, strict)
    if (!finding.supported) return []
    return [{ ...finding, members: group.map((f) => f.id), conditions: joined === null ? conditions : [joined] }]
  })
  // With no criterion to go by, accounts are the unit wherever deals have accounts.
  return { unit: anyAccountUnit || (claims.length === 0 && accounts !== null) ? 'accounts' : 'deals', split, findings, together }
}

/** Points as close as this (or a quarter of the larger) count as alike. */
const ALIKE_POINTS = 1
const TOGETHER_OPS: ReadonlySet<Condition['op']> = new Set(['between', 'in'])

/**
 * Supported criteria of one attribute that point the same way with points alike (within a point,
 * or a quarter of the larger), of an op that can be joined: bands, or lists of values.
 */
function alikeGroups(scorecard: Scorecard, findings: readonly CriterionFinding[]): CriterionFinding[][] {
  const points = new Map(scorecard.criteria.map((c) => [c.id, c.points]))
  const byAttribute = new Map<string, CriterionFinding[]>()
  for (const finding of findings) {
    const p = points.get(finding.id)
    if (p === undefined || !finding.supported || !TOGETHER_OPS.has(finding.condition.op)) continue
    const key = `${finding.condition.attribute}\u0000${finding.condition.op}\u0000${finding.expected}`
    byAttribute.set(key, [...(byAttribute.get(key) ?? []), finding])
  }
  const groups: CriterionFinding[][] = []
  for (const group of byAttribute.values()) {
    if (group.length < 2) continue
    const sizes = group.map((f) => Math.abs(points.get(f.id)!))
    const largest = Math.max(...sizes)
    if (largest - Math.min(...sizes) <= Math.max(ALIKE_POINTS, largest / 4)) groups.push(group)
  }
  return groups
}

/**
 * One condition for several: lists of values joined into one list; bands that together are one
 * range, by the data (51–200 and 201–500 employees: 51–500; up to 5, 6–8 and 9+: every known
 * value, "has a value"), that range; null for bands that are not one range.
 */
function togetherCondition(
  conditions: readonly Condition[],
  mask: Uint8Array,
  maskOf: (condition: Condition) => Uint8Array
): Condition | null {
  const first = conditions[0]!
  if (first.op === 'in') return { attribute: first.attribute, op: 'in', values: [...new Set(conditions.flatMap((c) => c.values ?? []))] }
  const low = Math.min(...conditions.map((c) => c.min ?? -Infinity))
  const high = Math.max(...conditions.map((c) => c.max ?? Infinity))
  const span: Condition = {
    attribute: first.attribute,
    op: 'between',
    min: low === -Infinity ? null : low,
    max: high === Infinity ? null : high
  }
  const spanned = maskOf(span)
  for (let i = 0; i < mask.length; i++) if (mask[i] !== spanned[i]) return null
  return span
}
