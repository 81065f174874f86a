/**
 * Checks a hand-made scorecard against the evidence: points whose sign the data contradicts,
 * criteria on attributes that carry no signal, strong attributes nobody used, and categories
 * whose share of the points is far from their share of the evidence. The proposal keeps the
 * consultant's criteria and frame (knockouts, tiers, caps, budgets) and only re-derives the
 * points from each criterion's weight of evidence, so accepting it changes numbers, not ideas.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import type { Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { conditionMask } from '@shared/engine/scoring/condition-mask'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import type { DiscoveredAttribute, DiscoverResult } from './discover'
import { binEvidence, targetTotals, type BinEvidence } from './woe-iv'

/** Below this |WoE| (odds moved by about a tenth) a criterion's sign is not worth arguing about. */
export const SIGN_WOE = 0.1
export const NO_SIGNAL_IV = 0.02
export const LEFT_OUT_IV = 0.1
/** A category's share of points may stray this far from its share of the evidence. */
export const BUDGET_GAP = 0.15

export interface CheckFinding {
  kind: 'wrong-sign' | 'no-signal' | 'left-out' | 'budget'
  criterionId: string | null
  attribute: string | null
  category: string | null
  message: string
}

export interface CheckedScorecard {
  findings: CheckFinding[]
  proposal: Scorecard
  aucNow: number
  aucProposed: number
}

const percent = (share: number): string => `${Math.round(share * 100)}%`

/** The evidence of the deals a criterion matches, against the target. */
function criterionEvidence(criterion: Criterion, dataset: EngineDataset, target: Int8Array): BinEvidence {
  const mask = conditionMask(dataset.attributes.get(criterion.attribute), criterion, dataset.rowCount)
  let n = 0
  let positives = 0
  for (let row = 0; row < dataset.rowCount; row++) {
    const t = target[row]!
    if (t < 0 || mask[row] === 0) continue
    n++
    positives += t
  }
  return binEvidence({ n, positives }, targetTotals(target))
}

function signFinding(criterion: Criterion, evidence: BinEvidence, baseRate: number): CheckFinding | null {
  if (evidence.n === 0 || evidence.includesBaseRate) return null
  const against = (criterion.points > 0 && evidence.woe < -SIGN_WOE) || (criterion.points < 0 && evidence.woe > SIGN_WOE)
  if (!against) return null
  const direction = criterion.points > 0 ? 'adds' : 'removes'
  const rate = evidence.rate < baseRate ? 'below' : 'above'
  return {
    kind: 'wrong-sign',
    criterionId: criterion.id,
    attribute: criterion.attribute,
    category: criterion.category,
    message: `${describeCondition(criterion)} ${direction} ${Math.abs(criterion.points)} points, but ${percent(evidence.rate)} of these deals hit the target, ${rate} the ${percent(baseRate)} average (n=${evidence.n}).`
  }
}

function signalFinding(criterion: Criterion, attribute: DiscoveredAttribute | undefined): CheckFinding | null {
  const base = { kind: 'no-signal' as const, criterionId: criterion.id, attribute: criterion.attribute, category: criterion.category }
  if (!attribute) return { ...base, message: `${criterion.attribute} is not an attribute of this data, so the criterion never matches.` }
  if (attribute.significant && attribute.iv >= NO_SIGNAL_IV) return null
  const why = attribute.significant
    ? `its information value is ${attribute.iv.toFixed(3)}`
    : 'it does not separate the target beyond chance'
  return { ...base, message: `${criterion.attribute} carries no signal in this data (${why}); its points reward noise.` }
}

/** Each category's share of the positive points and of the evidence (IV of the attributes its criteria use). */
function budgetFindings(scorecard: Scorecard, byName: ReadonlyMap<string, DiscoveredAttribute>): CheckFinding[] {
  const names = [...new Set([...scorecard.categories.map((c) => c.name), ...scorecard.criteria.map((c) => c.category)])]
  const points = names.map((name) =>
    scorecard.criteria.filter((c) => c.category === name).reduce((sum, c) => sum + Math.max(c.points, 0), 0)
  )
  const evidence = names.map((name) => {
    const used = new Set(scorecard.criteria.filter((c) => c.category === name).map((c) => c.attribute))
    return [...used].reduce((sum, attribute) => sum + (byName.get(attribute)?.iv ?? 0), 0)
  })
  const totalPoints = points.reduce((a, b) => a + b, 0)
  const totalEvidence = evidence.reduce((a, b) => a + b, 0)
  if (totalPoints <= 0 || totalEvidence <= 0) return []
  const findings: CheckFinding[] = []
  names.forEach((name, i) => {
    const pointShare = points[i]! / totalPoints
    const evidenceShare = evidence[i]! / totalEvidence
    if (Math.abs(pointShare - evidenceShare) <= BUDGET_GAP) return
    findings.push({
      kind: 'budget',
      criterionId: null,
      attribute: null,
      category: name,
      message: `${name} carries ${percent(pointShare)} of the positive points but ${percent(evidenceShare)} of the evidence.`
    })
  })
  return findings
}

const positiveSum = (points: readonly number[]): number => points.reduce((sum, p) => sum + Math.max(p, 0), 0)

/** Points = round(WoE x factor): per category, the factor that fills its budget without going over it after rounding. */
function proposedPoints(scorecard: Scorecard, woes: readonly number[]): number[] {
  const points = woes.map(() => 0)
  const allPositive = positiveSum(woes)
  const totalBudget = scorecard.categories.reduce((sum, c) => sum + c.budget, 0)
  // Categories without positive evidence keep their penalties on the scale the rest of the scorecard uses.
  const shared = allPositive > 0 ? (totalBudget > 0 ? totalBudget : 100) / allPositive : 10
  const categories = [...new Set(scorecard.criteria.map((c) => c.category))]
  for (const name of categories) {
    const indexes = scorecard.criteria.flatMap((c, i) => (c.category === name ? [i] : []))
    const categoryWoe = positiveSum(indexes.map((i) => woes[i]!))
    const budget = scorecard.categories.find((c) => c.name === name)?.budget
    let factor = categoryWoe > 0 && budget !== undefined ? budget / categoryWoe : shared
    for (let attempt = 0; attempt < 200; attempt++) {
      for (const i of indexes) points[i] = Math.round(woes[i]! * factor)
      if (budget === undefined || positiveSum(indexes.map((i) => points[i]!)) <= budget) break
      factor *= 0.98
    }
  }
  return points
}

function scorecardAuc(scorecard: Scorecard, dataset: EngineDataset, target: Int8Array | undefined): number {
  const compiled = compileScorecard(scorecard, dataset)
  return simulate(prepareOutcome(dataset, target ? { target } : {}), compiled, scoreCompiled(compiled)).ranking().auc
}

export function checkScorecard(scorecard: Scorecard, result: DiscoverResult, dataset: EngineDataset, target?: Int8Array): CheckedScorecard {
  const chosen = target ?? dataset.outcome
  const byName = new Map(result.attributes.map((attribute) => [attribute.name, attribute]))
  const findings: CheckFinding[] = []
  const woes: number[] = []
  for (const criterion of scorecard.criteria) {
    const evidence = criterionEvidence(criterion, dataset, chosen)
    woes.push(evidence.n === 0 ? 0 : evidence.woe)
    const sign = signFinding(criterion, evidence, result.baseRate)
    if (sign) findings.push(sign)
    const signal = signalFinding(criterion, byName.get(criterion.attribute))
    if (signal) findings.push(signal)
  }
  const used = new Set(scorecard.criteria.map((c) => c.attribute))
  for (const attribute of result.attributes) {
    if (used.has(attribute.name) || !attribute.significant || attribute.leakageSuspected || attribute.iv < LEFT_OUT_IV) continue
    findings.push({
      kind: 'left-out',
      criterionId: null,
      attribute: attribute.name,
      category: attribute.category,
      message: `${attribute.name} separates the target (${attribute.strength}, IV ${attribute.iv.toFixed(2)}) but no criterion uses it.`
    })
  }
  findings.push(...budgetFindings(scorecard, byName))
  const points = proposedPoints(scorecard, woes)
  const proposal: Scorecard = {
    ...scorecard,
    criteria: scorecard.criteria.map((criterion, i) => ({ ...criterion, points: points[i]! }))
  }
  return { findings, proposal, aucNow: scorecardAuc(scorecard, dataset, target), aucProposed: scorecardAuc(proposal, dataset, target) }
}
