import * as XLSX from 'xlsx'
import type { Database } from 'better-sqlite3'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { safeFileName } from '@shared/format'
import { AppError } from '../app-error'
import { recordReview, reviewScorecard } from './quarterly-review'
import type { Handlers } from '../dispatch'
import { readContent } from '../scorecards/scorecard-content'
import { findScorecard } from '../scorecards/scorecard-queries'
import { bandAccounts } from './band-accounts'
import { compareRefs } from './compare-scorecards'
import { runSimulation, simulationFor } from './run-simulation'
import { scoredDealsTable } from './scored-deals'
import { masksFor, simulationPackFor } from './simulation-pack-for'
import { criterionEvidence, explainRecords } from './scorecard-insight'
import { toCsv } from '@shared/export/spreadsheet-text'

function workingScorecard(db: Database, id: number): Scorecard {
  const record = findScorecard(db, id)
  if (!record) throw new AppError('NOT_FOUND', `There is no scorecard ${id} in this workspace; it may have been deleted.`, { id })
  return readContent(db, record.workingRevisionId, record.name)
}

export const simulateHandlers: Pick<
  Handlers,
  | 'simulate-run'
  | 'simulate-pack'
  | 'simulate-masks'
  | 'simulate-compare'
  | 'simulate-band-accounts'
  | 'simulate-review'
  | 'simulate-review-record'
  | 'score-export'
  | 'scorecard-evidence'
  | 'scorecard-explain'
> = {
  'simulate-review'({ scorecardId, since }, ctx) {
    return reviewScorecard(ctx.session.require().db, scorecardId, since)
  },

  'simulate-review-record'({ scorecardId, since }, ctx) {
    return recordReview(ctx.session.require().db, scorecardId, since, new Date().toISOString())
  },

  'scorecard-evidence'({ id }, ctx) {
    const { db } = ctx.session.require()
    return criterionEvidence(db, workingScorecard(db, id))
  },

  'scorecard-explain'({ id, query, limit }, ctx) {
    const { db } = ctx.session.require()
    return explainRecords(db, workingScorecard(db, id), query, limit)
  },

  'simulate-pack'({ scorecard, outcome }, ctx) {
    const { db } = ctx.session.require()
    return simulationPackFor(db, scorecard, outcome ?? 'won')
  },

  'simulate-masks'({ dataVersion, conditions }, ctx) {
    const { db } = ctx.session.require()
    return masksFor(db, dataVersion, conditions)
  },

  'simulate-run'(input, ctx) {
    const { db } = ctx.session.require()
    return runSimulation(db, workingScorecard(db, input.scorecardId), {
      threshold: input.threshold,
      capacity: input.capacity,
      outcome: input.outcome ?? 'won',
      splitDate: input.splitDate
    })
  },

  'simulate-compare'({ outcome, ...input }, ctx) {
    const { db } = ctx.session.require()
    return compareRefs(db, { ...input, outcome: outcome ?? 'won' })
  },

  'simulate-band-accounts'({ scorecardId, outcome, ...band }, ctx) {
    const { db } = ctx.session.require()
    return bandAccounts(db, workingScorecard(db, scorecardId), { ...band, outcome: outcome ?? 'won' })
  },

  'score-export'(input, ctx) {
    const { db } = ctx.session.require()
    const scorecard = workingScorecard(db, input.scorecardId)
    const table = scoredDealsTable(scorecard, simulationFor(db, scorecard, 'won'))
    const base = `${safeFileName(scorecard.name, 'scorecard')} - scored deals`
    if (input.format === 'csv') {
      return { fileName: `${base}.csv`, bytes: new TextEncoder().encode(`\ufeff${toCsv(table.headers, table.rows)}`) }
    }
    // Cells written as strings are never formulas in XLSX, so they need no apostrophe there.
    const sheet = XLSX.utils.aoa_to_sheet([table.headers, ...table.rows])
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'Scored deals')
    const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
    return { fileName: `${base}.xlsx`, bytes: new Uint8Array(bytes) }
  }
}
