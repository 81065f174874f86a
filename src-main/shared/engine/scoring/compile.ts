/**
 * A scorecard compiled against a dataset: one 0/1 mask per criterion and per knockout,
 * evaluated once. Everything after (scores, points changes, simulation) is arithmetic on masks.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition, Criterion, Knockout, Scorecard } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { conditionFits, conditionMask } from './condition-mask'
import { buildPattern, planPacks, type CriterionPack } from './packs'
import { scoreScale, type ScoreScale } from './scale'
import { tierLookup } from './tiers'

export interface CompiledCriterion {
  criterion: Criterion
  mask: Uint8Array
  /** Deals that meet the condition. */
  matches: number
  /** Index into `capGroups`, or -1 when the attribute has no cap. */
  capGroup: number
  /** The pack holding the criterion and its bit there. */
  pack: number
  bit: number
}

export interface CapGroup {
  attribute: string
  cap: number
  /** Indexes into `criteria`. */
  criteria: number[]
}

export interface CompiledKnockout {
  knockout: Knockout
  mask: Uint8Array
  matches: number
}

export interface CompiledScorecard {
  /** The scorecard as scored now (a points change replaces it with an updated copy). */
  scorecard: Scorecard
  rowCount: number
  criteria: CompiledCriterion[]
  knockouts: CompiledKnockout[]
  capGroups: CapGroup[]
  packs: CriterionPack[]
  scale: ScoreScale
  /** Per deal: the first knockout that hits it, or -1. */
  knockedOutBy: Int16Array
  /** Per deal: -1 when knocked out, else 0 (a bit mask: tier | disqualified is -1 or the tier). */
  disqualified: Int8Array
  /** Tier index per score 0-100. */
  tierOfScore: Int8Array
  /** Conditions that could not be evaluated (matched nothing), in words. */
  problems: string[]
  /** Masks by condition, so recompiling after an edit only evaluates what changed. */
  maskCache: Map<string, Uint8Array>
}

export function conditionKey(condition: Condition): string {
  const { attribute, op, values, min, max, value } = condition
  return JSON.stringify([attribute, op, values ?? null, min ?? null, max ?? null, value ?? null])
}

function countOnes(mask: Uint8Array): number {
  let count = 0
  for (let i = 0; i < mask.length; i++) count += mask[i]!
  return count
}

/**
 * Compiles `scorecard` against `dataset`. Pass the previous compilation of the same dataset to
 * reuse the masks of unchanged conditions (an edit then costs one mask, not twenty). Prospect
 * scoring passes every mask this way, judged from the list's own values.
 */
export function compileScorecard(
  scorecard: Scorecard,
  dataset: Pick<EngineDataset, 'rowCount' | 'attributes'>,
  previous?: Pick<CompiledScorecard, 'rowCount' | 'maskCache'>
): CompiledScorecard {
  const rowCount = dataset.rowCount
  const reusable = previous && previous.rowCount === rowCount ? previous.maskCache : undefined
  const maskCache = new Map<string, Uint8Array>()
  const problems: string[] = []
  const maskOf = (condition: Condition): Uint8Array => {
    const key = conditionKey(condition)
    let mask = maskCache.get(key) ?? reusable?.get(key)
    if (!mask) {
      const column = dataset.attributes.get(condition.attribute)
      if (!conditionFits(column, condition)) {
        const why = column ? `does not apply to a ${column.kind} attribute` : 'names an attribute this workspace lacks'
        problems.push(`"${describeCondition(condition)}" ${why}; it matches no deal`)
      }
      mask = conditionMask(column, condition, rowCount)
    }
    maskCache.set(key, mask)
    return mask
  }
  const caps = scorecard.attributeCaps ?? []
  const capGroups: CapGroup[] = []
  const criteria = scorecard.criteria.map((criterion, index): CompiledCriterion => {
    const mask = maskOf(criterion)
    let capGroup = -1
    const cap = caps.find((candidate) => candidate.attribute === criterion.attribute)
    if (cap) {
      capGroup = capGroups.findIndex((group) => group.attribute === cap.attribute)
      if (capGroup < 0) capGroup = capGroups.push({ attribute: cap.attribute, cap: cap.cap, criteria: [] }) - 1
      capGroups[capGroup]!.criteria.push(index)
    }
    return { criterion, mask, matches: countOnes(mask), capGroup, pack: -1, bit: -1 }
  })
  const packs = planPacks(criteria, capGroups).map((plan, p): CriterionPack => {
    plan.members.forEach((index, bit) => Object.assign(criteria[index]!, { pack: p, bit }))
    const masks = plan.members.map((index) => criteria[index]!.mask)
    return { ...plan, pattern: buildPattern(masks, rowCount) }
  })
  const knockouts = scorecard.knockouts.map((knockout): CompiledKnockout => {
    const mask = maskOf(knockout)
    return { knockout, mask, matches: countOnes(mask) }
  })
  const knockedOutBy = new Int16Array(rowCount).fill(-1)
  // Walk knockouts last to first so the first one that hits is the one recorded.
  for (let k = knockouts.length - 1; k >= 0; k--) {
    const { mask } = knockouts[k]!
    for (let i = 0; i < rowCount; i++) if (mask[i]) knockedOutBy[i] = k
  }
  const disqualified = new Int8Array(rowCount)
  for (let i = 0; i < rowCount; i++) disqualified[i] = knockedOutBy[i]! >= 0 ? -1 : 0
  return {
    scorecard,
    rowCount,
    criteria,
    knockouts,
    capGroups,
    packs,
    scale: scoreScale(scorecard.criteria, caps),
    knockedOutBy,
    disqualified,
    tierOfScore: tierLookup(scorecard.tiers),
    problems,
    maskCache
  }
}
