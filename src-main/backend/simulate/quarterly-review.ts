/**
 * The 90-day review of a scorecard's working copy, on the workspace's current data: the review
 * period starts the day after the period the scorecard was built on ends (or on a chosen date;
 * for a scorecard made before built periods were recorded, at the start of the latest quarter).
 */

import type { Database } from 'better-sqlite3'
import type { ReviewReport } from '@shared/domain/review'
import type { ScorecardVersion } from '@shared/domain/scorecards'
import { latestQuarterStart } from '@shared/engine/simulation/out-of-time'
import { quarterlyReview } from '@shared/engine/simulation/quarterly-review'
import { reviewWordsFor } from '@shared/engine/simulation/review-words'
import { parseSplitDate } from '@shared/engine/simulation/simulation-report'
import { conditionWords } from '@shared/export/readable-condition'
import { formatValue, valueWords } from '@shared/export/readable-values'
import { withoutIsolates } from '@shared/format'
import { AppError } from '../app-error'
import { attributeWordsOf } from '../dataset/attribute-words'
import { workspaceOutcomeWords } from '../dataset/dataset-summary'
import { readContent } from '../scorecards/scorecard-content'
import { builtPeriod, copyBuiltPeriod, recordReviewedPeriod } from '../scorecards/scorecard-periods'
import { findScorecard, insertVersion, listVersions } from '../scorecards/scorecard-queries'
import { copyContent } from '../scorecards/scorecard-content'
import { simulationFor } from './run-simulation'

const DAY_MS = 86_400_000

export function reviewScorecard(db: Database, scorecardId: number, since?: string): ReviewReport {
  const record = findScorecard(db, scorecardId)
  if (!record)
    throw new AppError('NOT_FOUND', `There is no scorecard ${scorecardId} in this workspace; it may have been deleted.`, {
      id: scorecardId
    })
  const scorecard = readContent(db, record.workingRevisionId, record.name)
  const simulation = simulationFor(db, scorecard, 'won')
  // A churn study is customers who renewed or left, with no deals to close.
  const reviewWords = reviewWordsFor(workspaceOutcomeWords(db))
  let cutMs: number
  let sinceSource: ReviewReport['sinceSource']
  const built = builtPeriod(db, record.workingRevisionId)
  if (since !== undefined) {
    const chosen = parseSplitDate(since)
    if (chosen === null) throw new AppError('BAD_INPUT', `"${since}" is not a date; use YYYY-MM-DD.`, { since })
    cutMs = chosen
    sinceSource = 'chosen'
  } else {
    const through = built ? parseSplitDate(built.through) : null
    if (through !== null) {
      cutMs = through + DAY_MS
      sinceSource = 'built'
    } else {
      cutMs = latestQuarterStart(simulation.view.dataset.closedAt)
      sinceSource = 'latest-quarter'
      if (Number.isNaN(cutMs)) {
        throw new AppError(
          'NOT_SUPPORTED',
          reviewWords.kind === 'retained'
            ? 'The customers have no dates, so there is no period to review: import an export with the date each customer renewed or left.'
            : 'The deals have no close dates, so there is no period to review: import an export with close dates.'
        )
      }
    }
  }
  const words = attributeWordsOf(db)
  return quarterlyReview(simulation, {
    scorecard: { id: record.id, name: record.name },
    cutMs,
    sinceSource,
    builtThrough: built?.through ?? null,
    attributeLabel: (attribute) => withoutIsolates(words(attribute).label),
    formatNumber: (attribute, value) => formatValue(value, words(attribute).kind),
    valueWords: (value) => withoutIsolates(valueWords(value)),
    criterionWords: (criterion) => withoutIsolates(conditionWords(criterion, words(criterion.attribute))),
    words: reviewWords
  })
}

/** Saves the working copy as a version that records the period it was built on and the one it was reviewed on. */
export function recordReview(db: Database, scorecardId: number, since: string | undefined, now: string): ScorecardVersion[] {
  const report = reviewScorecard(db, scorecardId, since)
  if (!report.review.from || !report.review.through) {
    const w = report.words
    const since = w.kind === 'retained' ? 'renewed or left' : 'closed'
    throw new AppError('BAD_INPUT', `No ${w.decidedOne} ${since} on or after ${report.since}: there is nothing to record a review of.`)
  }
  const record = findScorecard(db, scorecardId)!
  const decision = { keep: 'keep', 're-weight': 're-weight', rebuild: 'rebuild', 'too-early': 'too early to tell' }[report.verdict.decision]
  db.transaction(() => {
    const version = insertVersion(db, scorecardId, `90-day review of ${report.review.from} – ${report.review.through}: ${decision}`, now)
    copyContent(db, record.workingRevisionId, version)
    copyBuiltPeriod(db, record.workingRevisionId, version)
    recordReviewedPeriod(db, version, { from: report.review.from!, through: report.review.through! })
  })()
  return listVersions(db, scorecardId)
}
