/**
 * A data-driven scorecard to start from, honest about how good it is:
 *   - fitted on the older deals and measured on the newest (validation-split.ts), and every
 *     figure says which set it comes from; with too few deals for that, it says so;
 *   - simple enough for a rep to score in two minutes: at most 7 attributes (fewer when more
 *     do not help on deals the fit did not see), at most 15 criteria, one criterion per group of
 *     values with the same evidence, human bands and points that never zig-zag
 *     (simple-criteria.ts);
 *   - points proportional to each group's weight of evidence (the log odds it adds), within the
 *     category budgets (the consultant's frame);
 *   - tiers cut from the score distribution (A about the top quarter of accounts) and checked
 *     against the field's standard (tier-validation.ts). Knockouts are never added: Discover
 *     proposes them from values that win far less, with their cost.
 * The unconstrained fit (every strong bin of up to 8 attributes, the previous method) is built
 * and measured on the same held-out deals, so the price of simplicity is known.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import {
  DEFAULT_CATEGORIES,
  defaultScorecard,
  type AttributeCap,
  type Condition,
  type Criterion,
  type Scorecard,
  type ScorecardCategory
} from '@shared/engine/scorecard/model'
import { compileScorecard, type CompiledScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { representativeDeals } from '@shared/engine/representative-deals'
import { discover, usable, type DiscoveredAttribute, type DiscoveredBin, type DiscoverOptions, type DiscoverResult } from './discover'
import { simpleCriteria, type SimpleCriterion } from './simple-criteria'
import { fitTiers, tierEvidence, validationVerdict, type TierEvidence, type ValidationVerdict, type VerdictWords } from './tier-validation'
import { validationSplit, type SplitWords, type ValidationSplit } from './validation-split'
import type { TargetTotals } from './woe-iv'

export interface SuggestOptions {
  name: string
  /**
   * Categories and their budgets (what a category's positive points may add up to); default
   * Firmographic 30, Technographic 25, Triggers 25, Buying process 20.
   */
  budgets?: readonly ScorecardCategory[]
  maxAttributes?: number
  maxCriteria?: number
  /** The weakest information value worth a criterion. */
  minIv?: number
  /** The target to fit against; default the outcome (won vs lost). */
  target?: Int8Array
  /** How the rate reads in criterion labels. */
  rateName?: string
  /**
   * How the verdict says the outcome and its rows; default won and lost deals. A churn study's are
   * retained and churned customers (shared/export/outcome-words.ts).
   */
  words?: VerdictWords & SplitWords
  /** Categories, bands, overruled leaks and date attributes, as Discover uses them. */
  discover?: Omit<DiscoverOptions, 'target'>
}

export interface CriterionEvidence {
  criterionId: string
  attribute: string
  bins: DiscoveredBin[]
}

export interface SuggestionValidation {
  kind: ValidationSplit['kind']
  /** Which deals the figures come from (or why there is no holdout). */
  description: string
  /** 'holdout': deals the fit never saw; 'in-sample': the same deals (no holdout was possible). */
  measuredOn: 'holdout' | 'in-sample'
  auc: number
  /** The unconstrained fit (every strong bin of up to 8 attributes) on the same deals. */
  unconstrainedAuc: number
  /** The AUC on the deals the points were fitted on, for comparison. */
  fittedAuc: number
  tiers: TierEvidence[]
  verdict: ValidationVerdict
}

export interface SuggestedScorecard {
  scorecard: Scorecard
  /** The attributes used, strongest first. */
  attributes: string[]
  evidence: CriterionEvidence[]
  validation: SuggestionValidation
  /** What the fit saw: Discover on the fitting deals. */
  fitted: DiscoverResult
}

export const DEFAULT_MAX_ATTRIBUTES = 7
export const DEFAULT_MAX_CRITERIA = 15
/** The previous, unconstrained method kept up to this many attributes. */
export const UNCONSTRAINED_MAX_ATTRIBUTES = 8
export const MIN_SUGGESTED_IV = 0.02
/** One more attribute must lift the AUC on unseen deals by at least this much to be kept. */
export const ATTRIBUTE_GAIN = 0.005
/**
 * Negative points mark what the ICP is not; a trait that only slightly lowers the odds
 * (WoE above -0.2, odds down by less than a fifth) is left at zero rather than penalised.
 */
export const NEGATIVE_WOE = 0.2

interface Candidate {
  attribute: DiscoveredAttribute
  criterion: SimpleCriterion
  points: number
}

const positivePoints = (candidates: readonly Candidate[]): number => candidates.reduce((sum, c) => sum + Math.max(c.points, 0), 0)

/** Points = round(WoE x factor), the factor shrunk until the category's positive points fit its budget after rounding. */
function fitPoints(candidates: Candidate[], factor: number, budget: number): void {
  let scale = factor
  for (let attempt = 0; attempt < 200; attempt++) {
    for (const candidate of candidates) candidate.points = Math.round(candidate.criterion.woe * scale)
    if (positivePoints(candidates) <= budget) return
    scale *= 0.98
  }
}

const percent = (rate: number): string => `${Math.round(rate * 100)}%`

function capsOf(criteria: readonly Criterion[], attributes: readonly DiscoveredAttribute[]): AttributeCap[] {
  // Criteria of one attribute exclude each other; a cap at the largest points lets the scale's 100
  // be reachable (uncapped, the scale adds up every positive criterion as if a deal could hold them all).
  const caps: AttributeCap[] = []
  for (const attribute of attributes) {
    if (attribute.kind === 'multi') continue
    const points = criteria.filter((criterion) => criterion.attribute === attribute.name).map((criterion) => Math.abs(criterion.points))
    if (points.length > 1) caps.push({ attribute: attribute.name, cap: Math.max(...points) })
  }
  return caps
}

function totalsOf(result: DiscoverResult, attribute: DiscoveredAttribute): TargetTotals {
  const unit = attribute.unit === 'account' && result.accounts ? result.accounts : result
  return { n: unit.n, positives: unit.positives, negatives: unit.n - unit.positives, baseRate: unit.baseRate }
}

/** The attributes a suggestion may use, strongest first. */
function eligible(result: DiscoverResult, minIv: number): DiscoveredAttribute[] {
  return result.attributes.filter((a) => a.iv >= minIv && a.significant && usable(a))
}

/**
 * Condition masks shared by every scorecard one suggestion compiles: the candidates for 1..7
 * attributes, the tiers' rescoring and the AUCs repeat the same criteria, and a mask is a pass
 * over every deal.
 */
type MaskPool = Pick<CompiledScorecard, 'rowCount' | 'maskCache'>

function compilePooled(scorecard: Scorecard, dataset: EngineDataset, pool: MaskPool): CompiledScorecard {
  const compiled = compileScorecard(scorecard, dataset, pool)
  for (const [key, mask] of compiled.maskCache) pool.maskCache.set(key, mask)
  return compiled
}

function scorecardAuc(scorecard: Scorecard, dataset: EngineDataset, target: Int8Array, pool: MaskPool): number {
  const compiled = compilePooled(scorecard, dataset, pool)
  const scored = scoreCompiled(compiled)
  return simulate(prepareOutcome(dataset, { target }), compiled, scored).ranking().auc
}

/** Criteria into points within the budgets: one points-per-unit-of-evidence, lowered per category only where its budget binds. */
function assemble(
  name: string,
  budgetsIn: readonly ScorecardCategory[],
  candidates: Candidate[],
  attributes: readonly DiscoveredAttribute[],
  label: (c: Candidate) => string
) {
  const budgets = budgetsIn.map((category) => ({ ...category }))
  const byCategory = new Map<string, Candidate[]>()
  for (const candidate of candidates) {
    const list = byCategory.get(candidate.attribute.category) ?? []
    list.push(candidate)
    byCategory.set(candidate.attribute.category, list)
  }
  const allWoe = candidates.map((c) => c.criterion.woe)
  const positiveWoe = allWoe.reduce((sum, woe) => sum + Math.max(woe, 0), 0)
  const factor = positiveWoe > 0 ? 100 / positiveWoe : 10 / Math.max(1e-9, ...allWoe.map(Math.abs))
  for (const [categoryName, list] of byCategory) {
    let category = budgets.find((budget) => budget.name === categoryName)
    const categoryWoe = list.reduce((sum, c) => sum + Math.max(c.criterion.woe, 0), 0)
    if (!category) {
      category = { name: categoryName, budget: Math.round(factor * categoryWoe) }
      budgets.push(category)
    }
    fitPoints(list, categoryWoe > 0 ? Math.min(factor, category.budget / categoryWoe) : factor, category.budget)
  }
  const criteria: Criterion[] = []
  const evidence: CriterionEvidence[] = []
  for (const category of budgets) {
    for (const candidate of byCategory.get(category.name) ?? []) {
      if (candidate.points === 0) continue
      const id = `s${criteria.length + 1}`
      criteria.push({ id, category: category.name, ...candidate.criterion.condition, points: candidate.points, label: label(candidate) })
      evidence.push({ criterionId: id, attribute: candidate.attribute.name, bins: candidate.criterion.bins })
    }
  }
  const scorecard: Scorecard = { ...defaultScorecard(name), categories: budgets, criteria }
  scorecard.attributeCaps = capsOf(criteria, attributes)
  const used = attributes.filter((attribute) => criteria.some((criterion) => criterion.attribute === attribute.name))
  return { scorecard, evidence, attributes: used.map((a) => a.name) }
}

/** The simple scorecard from the `k` strongest eligible attributes of `result`. */
function simpleScorecard(result: DiscoverResult, options: SuggestOptions, k: number) {
  const chosen = eligible(result, options.minIv ?? MIN_SUGGESTED_IV).slice(0, k)
  let candidates: Candidate[] = chosen.flatMap((attribute) =>
    simpleCriteria(attribute, totalsOf(result, attribute))
      .filter((criterion) => criterion.woe > 0 || criterion.woe <= -NEGATIVE_WOE)
      .map((criterion) => ({ attribute, criterion, points: 0 }))
  )
  const maxCriteria = options.maxCriteria ?? DEFAULT_MAX_CRITERIA
  if (candidates.length > maxCriteria) {
    // The criteria that carry the most evidence: effect size times the square root of its sample.
    const weight = (c: Candidate): number => Math.abs(c.criterion.woe) * Math.sqrt(c.criterion.n)
    const kept = new Set([...candidates].sort((a, b) => weight(b) - weight(a)).slice(0, maxCriteria))
    candidates = candidates.filter((c) => kept.has(c))
  }
  const rateName = options.rateName ?? 'win rate'
  const label = ({ attribute, criterion }: Candidate): string => {
    const totals = totalsOf(result, attribute)
    const unit = attribute.unit === 'account' ? 'accounts' : (options.words?.records ?? 'deals')
    return `${describeCondition(criterion.condition)} · ${rateName} ${percent(criterion.rate)} vs ${percent(totals.baseRate)} (${criterion.n.toLocaleString('en-US')} ${unit})`
  }
  return assemble(options.name, options.budgets ?? DEFAULT_CATEGORIES, candidates, chosen, label)
}

/** The previous method: every bin with evidence of up to 8 attributes, for comparison. */
function unconstrainedScorecard(result: DiscoverResult, options: SuggestOptions): Scorecard {
  const chosen = eligible(result, options.minIv ?? MIN_SUGGESTED_IV).slice(0, UNCONSTRAINED_MAX_ATTRIBUTES)
  const candidates: Candidate[] = chosen.flatMap((attribute) =>
    attribute.bins
      .filter((bin) => !bin.includesBaseRate && bin.n > 0)
      .filter((bin) => (bin.woe > 0 ? bin.condition.op !== 'is_missing' : bin.woe <= -NEGATIVE_WOE))
      .map((bin) => ({
        attribute,
        criterion: {
          attribute: attribute.name,
          condition: bin.condition as Condition,
          woe: bin.woe,
          n: bin.n,
          positives: bin.positives,
          rate: bin.rate,
          bins: [bin]
        },
        points: 0
      }))
  )
  return assemble(options.name, options.budgets ?? DEFAULT_CATEGORIES, candidates, chosen, (c) => describeCondition(c.criterion.condition))
    .scorecard
}

/**
 * How many attributes: the fewest whose scorecard ranks unseen deals within ATTRIBUTE_GAIN of
 * the best, judged inside the fitting deals (their newest part), so the held-out deals stay unseen.
 */
function attributeCount(dataset: EngineDataset, options: SuggestOptions, train: Int8Array, available: number, pool: MaskPool): number {
  const max = Math.min(options.maxAttributes ?? DEFAULT_MAX_ATTRIBUTES, available)
  if (max <= 1) return max
  const inner = validationSplit(dataset, train)
  if (inner.kind === 'none' || !inner.holdout) return max
  const innerFit = discover(dataset, { ...options.discover, target: inner.train, accountsPerDealBin: false })
  const aucs: number[] = []
  for (let k = 1; k <= max; k++) {
    const { scorecard } = simpleScorecard(innerFit, options, k)
    aucs.push(scorecard.criteria.length === 0 ? 0.5 : scorecardAuc(scorecard, dataset, inner.holdout, pool))
  }
  const best = Math.max(...aucs.filter(Number.isFinite))
  const enough = aucs.findIndex((auc) => auc >= best - ATTRIBUTE_GAIN)
  return enough < 0 ? max : enough + 1
}

/** Each account's score: the score of its most recent deal, as every export scores it. */
function accountScores(dataset: EngineDataset, scores: Uint8Array): number[] {
  const rows = representativeDeals(dataset)
  const out: number[] = []
  if (dataset.accountCount > 0) {
    for (const row of rows) if (row >= 0) out.push(scores[row]!)
  }
  // Deals without an account are each their own.
  for (let i = 0; i < dataset.rowCount; i++) if (dataset.accountIndex[i]! < 0) out.push(scores[i]!)
  return out
}

export function suggestScorecard(dataset: EngineDataset, options: SuggestOptions): SuggestedScorecard {
  const target = options.target ?? dataset.outcome
  const split = validationSplit(dataset, target, options.words)
  const pool: MaskPool = { rowCount: dataset.rowCount, maskCache: new Map() }
  const fitted = discover(dataset, { ...options.discover, target: split.train })
  const count =
    split.kind === 'none'
      ? Math.min(options.maxAttributes ?? DEFAULT_MAX_ATTRIBUTES, eligible(fitted, options.minIv ?? MIN_SUGGESTED_IV).length)
      : attributeCount(dataset, options, split.train, eligible(fitted, options.minIv ?? MIN_SUGGESTED_IV).length, pool)
  const built = simpleScorecard(fitted, options, count)
  const { scorecard } = built

  const compiled = compilePooled(scorecard, dataset, pool)
  const scored = scoreCompiled(compiled)
  if (scorecard.criteria.length > 0) scorecard.tiers = fitTiers(accountScores(dataset, scored.scores), scorecard.tiers)

  const measuredOn = split.holdout ? 'holdout' : 'in-sample'
  const measured = split.holdout ?? target
  const tiered = scoreCompiled(compilePooled(scorecard, dataset, pool))
  const tiers = tierEvidence(dataset, tiered, scorecard.tiers, measured)
  const records = options.words?.records ?? 'deals'
  const where = measuredOn === 'holdout' ? `on the held-out ${records}` : `on the ${records} it was fitted on (no holdout was possible)`
  const verdict =
    scorecard.criteria.length === 0
      ? {
          meets: null,
          sentence:
            'No attribute carries usable evidence on the fitting deals: the suggestion has no criteria, so there is nothing to validate.'
        }
      : validationVerdict(tiers, where, options.words)
  const auc = scorecard.criteria.length === 0 ? 0.5 : scorecardAuc(scorecard, dataset, measured, pool)
  const unconstrained = unconstrainedScorecard(fitted, options)
  return {
    scorecard,
    attributes: built.attributes,
    evidence: built.evidence,
    fitted,
    validation: {
      kind: split.kind,
      description: split.description,
      measuredOn,
      auc,
      unconstrainedAuc: unconstrained.criteria.length === 0 ? 0.5 : scorecardAuc(unconstrained, dataset, measured, pool),
      fittedAuc: scorecard.criteria.length === 0 ? 0.5 : scorecardAuc(scorecard, dataset, split.train, pool),
      tiers,
      verdict
    }
  }
}
