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
  const partial = claims.map(({ id, condition, expected }) => {
    const mask = conditionMask(dataset.attributes.get(condition.attribute), condition, dataset.rowCount)
    const byAccount = accounts !== null && dataset.levels?.get(condition.attribute) === 'account'
    if (byAccount) anyAccountUnit = true
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
    return { id, condition, expected, unit: (byAccount ? 'accounts' : 'deals') as FindingUnit, all, pValue, holdout }
  })
  const corrected = benjaminiHochberg(partial.map((p) => p.pValue))
  const tested = partial.length

  const findings = partial.map((p, index): CriterionFinding => {
    const { all, holdout, expected, unit } = p
    const rate = rateOf(all.matchingPositive, all.matching)
    const othersRate = rateOf(all.othersPositive, all.others)
    const overallRate = rateOf(all.matchingPositive + all.othersPositive, all.matching + all.others)
    const [low, high] = wilsonInterval(all.matchingPositive, all.matching)
    const qValue = corrected.adjusted[index]!
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
  })
  // With no criterion to go by, accounts are the unit wherever deals have accounts.
  return { unit: anyAccountUnit || (claims.length === 0 && accounts !== null) ? 'accounts' : 'deals', split, findings }
}
