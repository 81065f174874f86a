import { randomBytes } from 'node:crypto'
import type { ProspectListSummary } from '@shared/domain/prospects'
import { callListPage } from '@shared/prospects/call-list'
import { detectSource } from '@shared/prospects/detect-source'
import { prospectMarket } from '@shared/prospects/prospect-market'
import { AppError } from '../app-error'
import type { Handlers } from '../dispatch'
import { emitProgress, readSource } from '../import/import-handlers'
import { ReadCancelledError, runReadWorker } from '../import/run-read-worker'
import { readMissingTokens } from '../store/dataset-queries'
import { callListCsv, callListKeyed, callListXlsx } from './prospect-exports'
import { defaultThreshold, listSummary, loadedList, mappingFor, prospectRun } from './prospect-scoring'
import { readProspectList, removeProspectList, saveProspectList, writeChoices } from './prospect-store'
import { exportedScorecard } from '../export/scored-accounts-export'

type ProspectMethods =
  | 'prospects-import'
  | 'prospects-summary'
  | 'prospects-remove'
  | 'prospects-mapping-get'
  | 'prospects-mapping-save'
  | 'prospects-score'
  | 'prospects-export'

export const prospectsHandlers: Pick<Handlers, ProspectMethods> = {
  async 'prospects-import'(input, ctx): Promise<ProspectListSummary> {
    const { db } = ctx.session.require()
    const stagingId = input.stagingId ?? randomBytes(12).toString('base64url')
    const { fileName, source: readFrom } = readSource(input.source)
    // Read by the import's own reader (formats, encodings, header rows, bad-input errors naming the
    // file, sheet, row and column), in its child process; nothing is saved until it has all been read.
    const job = runReadWorker(
      { ...readFrom, fileName, sheet: input.sheet, tableKind: 'accounts', missingTokens: readMissingTokens(db), knownOutcomes: [] },
      emitProgress(ctx, stagingId, Date.now())
    )
    ctx.staging.track(stagingId, job)
    try {
      const staged = await job.result
      if (staged.rowCount === 0) throw new AppError('BAD_INPUT', `${fileName} has a header but no prospects; nothing was imported.`)
      const detected = detectSource(staged.profiles.map((p) => p.name))
      const source = input.tool ?? detected.source
      const reason =
        input.tool && input.tool !== detected.source ? `chosen by you (the columns read as: ${detected.reason})` : detected.reason
      saveProspectList(db, staged, source, reason)
      return listSummary(loadedList(db))
    } catch (error) {
      if (error instanceof ReadCancelledError) throw new AppError('CANCELLED', `Reading ${fileName} was cancelled; nothing was imported.`)
      throw error
    } finally {
      ctx.staging.untrack(stagingId)
    }
  },

  'prospects-summary'(_input, ctx) {
    const { db } = ctx.session.require()
    return readProspectList(db) ? listSummary(loadedList(db)) : null
  },

  'prospects-remove'(_input, ctx) {
    removeProspectList(ctx.session.require().db)
    return null
  },

  'prospects-mapping-get'(input, ctx) {
    const { db } = ctx.session.require()
    const list = loadedList(db)
    return { source: list.record.source, attributes: mappingFor(db, exportedScorecard(db, input.scorecardId), list) }
  },

  'prospects-mapping-save'(input, ctx) {
    const { db } = ctx.session.require()
    const list = loadedList(db)
    const scorecard = exportedScorecard(db, input.scorecardId)
    const named = new Set([...scorecard.criteria, ...scorecard.knockouts].map((c) => c.attribute))
    for (const choice of input.attributes) {
      if (!named.has(choice.attribute)) {
        throw new AppError(
          'BAD_INPUT',
          `"${choice.attribute}" is not an attribute of the scorecard "${scorecard.name}"; nothing was saved.`
        )
      }
      if (choice.column !== null && !list.columns.some((c) => c.name === choice.column)) {
        throw new AppError(
          'BAD_INPUT',
          `${list.record.fileName} has no column "${choice.column}" (for ${choice.attribute}); nothing was saved.`
        )
      }
    }
    writeChoices(db, list.record.source, input.attributes)
    return { source: list.record.source, attributes: mappingFor(db, scorecard, list) }
  },

  'prospects-score'(input, ctx) {
    const { db } = ctx.session.require()
    const run = prospectRun(db, input.scorecardId)
    const threshold = input.threshold ?? defaultThreshold(run.scorecard)
    const market = prospectMarket({
      scoring: run.scoring,
      mapping: run.mapping,
      source: run.list.record.source,
      fileName: run.list.record.fileName,
      importedAt: run.list.record.importedAt,
      threshold,
      criterionWords: run.words.criteria,
      knockoutWords: run.words.knockouts
    })
    const offset = input.offset ?? 0
    const limit = input.limit ?? 100
    const pageRows = Array.from(run.scoring.order.subarray(offset, Math.min(offset + limit, run.scoring.rowCount)))
    return { market, rows: callListPage(run.scoring, offset, limit, run.wordsForRows(pageRows)), offset, total: run.scoring.rowCount }
  },

  'prospects-export'(input, ctx) {
    const { db } = ctx.session.require()
    const run = prospectRun(db, input.scorecardId)
    if (input.format === 'csv') return callListCsv(run)
    if (input.format === 'xlsx') {
      if (run.scoring.rowCount > 1_048_575) {
        throw new AppError(
          'BAD_INPUT',
          `The list has ${run.scoring.rowCount.toLocaleString('en-US')} prospects; a sheet holds at most 1,048,575 rows. Export it as CSV.`
        )
      }
      return callListXlsx(run)
    }
    return callListKeyed(run, input.crm ?? 'generic')
  }
}
