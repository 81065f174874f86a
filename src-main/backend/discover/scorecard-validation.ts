import type { Database } from 'better-sqlite3'
import type { ScorecardValidation } from '@shared/domain/discover'
import type { OutcomeWords } from '@shared/domain/one-pager'
import { WON_WORDS } from '@shared/export/outcome-words'
import {
  heldOutPart,
  tierEvidence,
  validationSplit,
  validationVerdict,
  type SuggestionValidation,
  type ValidationSplit
} from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { AppError } from '../app-error'
import { workspaceOutcomeWords } from '../dataset/dataset-summary'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { readContent } from '../scorecards/scorecard-content'
import { findScorecard } from '../scorecards/scorecard-queries'
import { targetFor } from '../simulate/run-simulation'
import { readBestDefinition } from './best-definition-queries'
import type { DiscoverTarget } from './discover-report'

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null)

/** The engine's validation as the contract carries it (no NaN or Infinity crosses a boundary). */
export function validationOf(v: SuggestionValidation): ScorecardValidation {
  return {
    kind: v.kind,
    description: v.description,
    measuredOn: v.measuredOn,
    auc: finite(v.auc),
    unconstrainedAuc: finite(v.unconstrainedAuc),
    fittedAuc: finite(v.fittedAuc),
    tiers: v.tiers,
    verdict: v.verdict
  }
}

const count = (n: number): string => n.toLocaleString('en-US')
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/**
 * A saved scorecard (hand-made or suggested) held to the same standard on the newest deals: the
 * ones a consultant would check it against next quarter. Its points were not fitted on them by
 * the app, though the consultant may have looked at them: the sentence says which deals.
 */
export function scorecardValidation(db: Database, scorecardId: number, target: DiscoverTarget): ScorecardValidation {
  const record = findScorecard(db, scorecardId)
  if (!record)
    throw new AppError('NOT_FOUND', `There is no scorecard ${scorecardId} in this workspace; it may have been deleted.`, {
      id: scorecardId
    })
  const scorecard = readContent(db, record.workingRevisionId, record.name)
  const dataset = engineDatasetFor(db)
  const vector = targetFor(dataset, target, target === 'best' ? readBestDefinition(db) : null) ?? dataset.outcome
  // Won vs lost in a churn study is said as retained vs churned customers, as its one-pager says it.
  const words = target === 'won' ? workspaceOutcomeWords(db) : WON_WORDS
  return validateOnNewest(dataset, scorecard, vector, validationSplit(dataset, vector), words)
}

/** The validation of any scorecard on a split already made (the one-pager shares its split with the findings). */
export function validateOnNewest(
  dataset: EngineDataset,
  scorecard: Scorecard,
  vector: Int8Array,
  split: ValidationSplit,
  /** How the deliverable says the outcome and its rows (retained and churned customers for a churn study). */
  words: OutcomeWords = WON_WORDS
): ScorecardValidation {
  const measured = split.holdout ?? vector
  const holdout = split.holdoutCounts
  const description =
    split.kind === 'time' && holdout && split.cutoff !== null
      ? `Measured on the newest ${count(holdout.deals)} ${words.records} ${words.datedBy} on or after ${day(split.cutoff)} (${count(holdout.accounts)} accounts).`
      : split.kind === 'random' && holdout
        ? `Measured on ${count(holdout.accounts)} accounts${holdout.deals === holdout.accounts ? '' : ` (${count(holdout.deals)} ${words.records})`} held out at random: too few ${words.dates} to take the newest.`
        : `${split.description.split(':')[0]}: measured on all ${count(split.trainCounts.deals)} ${words.decided}.`
  const compiled = compileScorecard(scorecard, dataset)
  const scored = scoreCompiled(compiled)
  const tiers = tierEvidence(dataset, scored, scorecard.tiers, measured)
  const where = split.holdout ? `on ${heldOutPart(split.kind, words.records)}` : `on all the ${words.records}`
  const verdict =
    scorecard.criteria.length === 0
      ? { meets: null, sentence: 'The scorecard has no criteria yet: there is nothing to validate.' }
      : validationVerdict(tiers, where, words)
  const auc =
    scorecard.criteria.length === 0 ? NaN : simulate(prepareOutcome(dataset, { target: measured }), compiled, scored).ranking().auc
  return {
    kind: split.kind,
    description,
    measuredOn: split.holdout ? 'holdout' : 'in-sample',
    auc: finite(auc),
    unconstrainedAuc: null,
    fittedAuc: null,
    tiers,
    verdict
  }
}
