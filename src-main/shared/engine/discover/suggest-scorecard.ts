/**
 * A data-driven scorecard to start from: the strongest attributes that separate the target
 * beyond chance (and do not leak it), each bin with real evidence (its interval excludes the
 * base rate) turned into a criterion whose points are proportional to its weight of evidence,
 * the log odds it adds. Proportional points keep the ranking close to the evidence; the
 * category budgets (the consultant's frame) cap how much each category may carry.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import {
  DEFAULT_CATEGORIES,
  defaultScorecard,
  type AttributeCap,
  type Criterion,
  type Scorecard,
  type ScorecardCategory
} from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import type { DiscoveredAttribute, DiscoveredBin, DiscoverResult } from './discover'

export interface SuggestOptions {
  name: string
  /**
   * Categories and their budgets (what a category's positive points may add up to); default
   * Firmographic 30, Technographic 25, Triggers 25, Buying process 20.
   */
  budgets?: readonly ScorecardCategory[]
  maxAttributes?: number
  /** The weakest information value worth a criterion. */
  minIv?: number
  /** The target the result was discovered against (for the AUC); default the outcome. */
  target?: Int8Array
  /** How the rate reads in criterion labels. */
  rateName?: string
}

export interface CriterionEvidence {
  criterionId: string
  attribute: string
  bin: DiscoveredBin
}

export interface SuggestedScorecard {
  scorecard: Scorecard
  /** Of the suggested scorecard's scores against the target, on the same deals. */
  auc: number
  /** The attributes used, strongest first. */
  attributes: string[]
  evidence: CriterionEvidence[]
}

export const DEFAULT_MAX_ATTRIBUTES = 8
export const MIN_SUGGESTED_IV = 0.02
/**
 * Negative points mark what the ICP is not; a trait that only slightly lowers the odds
 * (WoE above -0.2, odds down by less than a fifth) is left at zero rather than penalised.
 */
export const NEGATIVE_WOE = 0.2

interface Candidate {
  attribute: DiscoveredAttribute
  bin: DiscoveredBin
  points: number
}

function candidateBins(attribute: DiscoveredAttribute): Candidate[] {
  return attribute.bins
    .filter((bin) => !bin.includesBaseRate && bin.n > 0)
    .filter((bin) => (bin.woe > 0 ? bin.condition.op !== 'is_missing' : bin.woe <= -NEGATIVE_WOE))
    .map((bin) => ({ attribute, bin, points: 0 }))
}

const positivePoints = (candidates: readonly Candidate[]): number => candidates.reduce((sum, c) => sum + Math.max(c.points, 0), 0)

/** Points = round(WoE x factor), the factor shrunk until the category's positive points fit its budget after rounding. */
function fitPoints(candidates: Candidate[], factor: number, budget: number): void {
  let scale = factor
  for (let attempt = 0; attempt < 200; attempt++) {
    for (const candidate of candidates) candidate.points = Math.round(candidate.bin.woe * scale)
    if (positivePoints(candidates) <= budget) return
    scale *= 0.98
  }
}

const percent = (rate: number): string => `${Math.round(rate * 100)}%`

function capsOf(criteria: readonly Criterion[], attributes: readonly DiscoveredAttribute[]): AttributeCap[] {
  // Bins of one attribute exclude each other; a cap at the largest points lets the scale's 100
  // be reachable (uncapped, the scale adds up every positive bin as if a deal could hold them all).
  const caps: AttributeCap[] = []
  for (const attribute of attributes) {
    if (attribute.kind === 'multi') continue
    const points = criteria.filter((criterion) => criterion.attribute === attribute.name).map((criterion) => Math.abs(criterion.points))
    if (points.length > 1) caps.push({ attribute: attribute.name, cap: Math.max(...points) })
  }
  return caps
}

function scorecardAuc(scorecard: Scorecard, dataset: EngineDataset, target: Int8Array | undefined): number {
  const compiled = compileScorecard(scorecard, dataset)
  const scored = scoreCompiled(compiled)
  const view = prepareOutcome(dataset, target ? { target } : {})
  return simulate(view, compiled, scored).ranking().auc
}

export function suggestScorecard(result: DiscoverResult, dataset: EngineDataset, options: SuggestOptions): SuggestedScorecard {
  const budgets = (options.budgets ?? DEFAULT_CATEGORIES).map((category) => ({ ...category }))
  const chosen = result.attributes
    .filter((attribute) => attribute.iv >= (options.minIv ?? MIN_SUGGESTED_IV) && attribute.significant && !attribute.leakageSuspected)
    .slice(0, options.maxAttributes ?? DEFAULT_MAX_ATTRIBUTES)
  const byCategory = new Map<string, Candidate[]>()
  for (const attribute of chosen) {
    const list = byCategory.get(attribute.category) ?? []
    list.push(...candidateBins(attribute))
    byCategory.set(attribute.category, list)
  }
  const allWoe = [...byCategory.values()].flat().map((candidate) => candidate.bin.woe)
  const positiveWoe = allWoe.reduce((sum, woe) => sum + Math.max(woe, 0), 0)
  // One points-per-unit-of-evidence for the whole scorecard (fits 0-100), lowered per category only where its budget binds.
  const factor = positiveWoe > 0 ? 100 / positiveWoe : 10 / Math.max(1e-9, ...allWoe.map(Math.abs))
  for (const [name, candidates] of byCategory) {
    let category = budgets.find((budget) => budget.name === name)
    if (!category) {
      category = { name, budget: Math.round(factor * candidates.reduce((sum, c) => sum + Math.max(c.bin.woe, 0), 0)) }
      budgets.push(category)
    }
    const categoryWoe = candidates.reduce((sum, c) => sum + Math.max(c.bin.woe, 0), 0)
    fitPoints(candidates, categoryWoe > 0 ? Math.min(factor, category.budget / categoryWoe) : factor, category.budget)
  }
  const rateName = options.rateName ?? 'win rate'
  const criteria: Criterion[] = []
  const evidence: CriterionEvidence[] = []
  for (const category of budgets) {
    for (const { attribute, bin, points } of byCategory.get(category.name) ?? []) {
      if (points === 0) continue
      const id = `s${criteria.length + 1}`
      const label = `${describeCondition(bin.condition)} · ${rateName} ${percent(bin.rate)} vs ${percent(result.baseRate)} (n=${bin.n})`
      criteria.push({ id, category: category.name, ...bin.condition, points, label })
      evidence.push({ criterionId: id, attribute: attribute.name, bin })
    }
  }
  const scorecard: Scorecard = { ...defaultScorecard(options.name), categories: budgets, criteria }
  scorecard.attributeCaps = capsOf(criteria, chosen)
  const used = chosen.filter((attribute) => criteria.some((criterion) => criterion.attribute === attribute.name))
  return { scorecard, auc: scorecardAuc(scorecard, dataset, options.target), attributes: used.map((a) => a.name), evidence }
}
