import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'
import { countCodes } from '@shared/engine/dictionary-column'
import { missingTokenSet } from '@shared/import/values'
import { profileColumn } from '@shared/import/profile-column'
import { AppError } from '../app-error'
import { checkInputFile } from '../fs/read-input-file'
import type { BackendContext } from '../backend-context'
import { datasetSummary } from '../dataset/dataset-summary'
import type { Handlers } from '../dispatch'
import { readMissingTokens, readOutcomeMapping, readPlaceholderChoices } from '../store/dataset-queries'
import { labelFor, readLabels } from '../dataset/column-labels'
import { listRules } from '../dataset/hygiene-queries'
import { readRememberedShapes } from './import-shape-memory'
import { commitImport } from './commit-import'
import type { ReaderSource } from './import-source'
import { ReadCancelledError, runReadWorker } from './run-read-worker'
import { previewOf } from './staged-file'

/** A file on disk is left to the reading process to load (see ReaderSource); what cannot be read at all is refused here at once. */
export function readSource(source: { kind: 'path'; path: string } | { kind: 'upload'; fileName: string; bytes: Uint8Array }): {
  fileName: string
  source: ReaderSource
} {
  if (source.kind === 'upload') return { fileName: source.fileName, source: { bytes: source.bytes } }
  checkInputFile(source.path)
  return { fileName: basename(source.path), source: { path: source.path } }
}

export function emitProgress(ctx: BackendContext, stagingId: string, startedAt: number) {
  return (phase: 'reading' | 'profiling' | 'saving', done: number, total: number, rows: number): void => {
    const seconds = (Date.now() - startedAt) / 1000
    const measurable = seconds > 0.2 && done > 0
    // The time left extrapolates this phase's own progress (bytes of a CSV, rows of a sheet).
    const secondsLeft = measurable && total > done ? Math.round((seconds * (total - done)) / done) : null
    ctx.emit('import-progress', {
      stagingId,
      phase,
      done,
      total,
      rowsDone: rows,
      rowsPerSecond: measurable && rows > 0 ? Math.round(rows / seconds) : null,
      secondsLeft
    })
  }
}

export const importHandlers: Pick<Handlers, 'import-inspect' | 'import-set-column' | 'import-commit' | 'import-discard'> = {
  async 'import-inspect'(input, ctx) {
    const { db } = ctx.session.require()
    const stagingId = input.stagingId ?? randomBytes(12).toString('base64url')
    if (ctx.staging.isBusy(stagingId)) ctx.staging.discard(stagingId)
    const { fileName, source } = readSource(input.source)
    const progress = emitProgress(ctx, stagingId, Date.now())
    const job = runReadWorker(
      {
        ...source,
        fileName,
        sheet: input.sheet,
        headerRow: input.headerRow,
        tableKind: input.tableKind,
        missingTokens: readMissingTokens(db),
        placeholderChoices: [...readPlaceholderChoices(db)].flatMap(([column, tokens]) =>
          [...tokens].map(([token, missing]) => [column, token, missing] as const)
        ),
        knownOutcomes: [...readOutcomeMapping(db)],
        rememberedShapes: readRememberedShapes(db),
        rules: listRules(db).map((r) => r.rule)
      },
      progress
    )
    ctx.staging.track(stagingId, job)
    try {
      const staged = await job.result
      // The consultant's labels for these headers, where set before (next quarter's file).
      const labels = readLabels(db)
      for (const profile of staged.profiles) profile.label = labelFor(labels, profile.name)
      ctx.staging.keep(stagingId, staged)
      return previewOf(stagingId, staged)
    } catch (error) {
      if (error instanceof ReadCancelledError) {
        throw new AppError('CANCELLED', `Reading ${fileName} was cancelled; nothing was imported.`)
      }
      throw error
    } finally {
      ctx.staging.untrack(stagingId)
    }
  },

  'import-set-column'(input, ctx) {
    ctx.session.require()
    const staged = ctx.staging.get(input.stagingId)
    const previous = staged.profiles[input.index]
    if (!previous) throw new AppError('BAD_INPUT', `${staged.fileName} has no column ${input.index + 1}.`)
    const profile = {
      ...profileColumn({
        name: previous.name,
        index: previous.index,
        column: staged.columns[input.index]!,
        // Counted again rather than kept: sent from the reading process with the rest, a
        // million-row file's counts were 12 MB to copy through the channel on every import.
        counts: countCodes(staged.columns[input.index]!),
        missingTokens: missingTokenSet(staged.columnMissing[input.index] ?? ['']),
        placeholders: previous.placeholders,
        type: input.type,
        ...(input.dateOrder !== undefined ? { dateOrder: input.dateOrder } : {})
      }),
      role: previous.role,
      roleReason: previous.roleReason,
      category: previous.category,
      level: previous.level,
      levelReason: previous.levelReason
    }
    staged.profiles[input.index] = profile
    return profile
  },

  'import-commit'(input, ctx) {
    const { db } = ctx.session.require()
    const staged = ctx.staging.get(input.stagingId)
    const progress = emitProgress(ctx, input.stagingId, Date.now())
    progress('saving', 0, staged.rowCount, staged.rowCount)
    commitImport(db, staged, input)
    progress('saving', staged.rowCount, staged.rowCount, staged.rowCount)
    ctx.staging.discard(input.stagingId)
    return datasetSummary(db)
  },

  'import-discard'(input, ctx) {
    ctx.staging.discard(input.stagingId)
    return null
  }
}
