import { ONE_PAGER_BLOCK_LABELS } from '@shared/export/default-one-pager'
import type { OnePagerBlockId } from '@shared/domain/one-pager'
import { safeFileName } from '@shared/format'
import { AppError } from '../app-error'
import { writeOutputFile } from '../fs/write-output-file'
import type { BackendContext } from '../backend-context'
import type { Handlers } from '../dispatch'
import { findScorecard } from '../scorecards/scorecard-queries'
import { chromiumPrinter } from './chromium-printer'
import { buildOnePagerContent } from './one-pager-content'
import { writeOnePager } from './one-pager-queries'
import { pdfPageCount } from './pdf-pages'
import type { ReviewPrintContent } from '@shared/domain/print'
import { reviewScorecard } from '../simulate/quarterly-review'
import { crmMapping, saveCrmFields } from './crm-mapping'
import { crmPack } from './crm-pack'
import { dateAttributes } from './data-dictionary'
import { exportedScorecard, scoredCsvExport, sqlExport, workbookExport } from './scored-accounts-export'
import { engineDatasetFor } from '../engine/engine-dataset-cache'

/** Paths this session saved through the native dialog: the only ones app-open-file will open. */
const savedPaths = new WeakMap<BackendContext, Set<string>>()

const PAPER_NAMES = { letter: 'Letter', a4: 'A4' } as const

function desktopFiles(ctx: BackendContext) {
  if (!ctx.desktopFiles)
    throw new AppError(
      'NOT_SUPPORTED',
      'Saving through a dialog is only available in the desktop app; the browser downloads the file instead.'
    )
  return ctx.desktopFiles
}

export const exportHandlers: Pick<
  Handlers,
  | 'export-document-get'
  | 'export-document-save'
  | 'export-pdf'
  | 'export-save-as'
  | 'app-open-file'
  | 'export-workbook'
  | 'export-scored-csv'
  | 'export-sql'
  | 'export-crm-mapping-get'
  | 'export-crm-mapping-save'
  | 'export-crm-pack'
  | 'export-review-pdf'
> = {
  'export-document-get'({ scorecardId }, ctx) {
    const { db } = ctx.session.require()
    return buildOnePagerContent(db, scorecardId)
  },

  'export-document-save'({ scorecardId, document }, ctx) {
    const { db } = ctx.session.require()
    if (!findScorecard(db, scorecardId)) {
      throw new AppError('NOT_FOUND', `There is no scorecard ${scorecardId} in this workspace; it may have been deleted.`, {
        id: scorecardId
      })
    }
    const adjacent = document.adjacentScorecardId
    if (adjacent !== null && (adjacent === scorecardId || !findScorecard(db, adjacent))) {
      throw new AppError('BAD_INPUT', 'The adjacent ICP must be another scorecard of this workspace.', { adjacentScorecardId: adjacent })
    }
    db.transaction(() => writeOnePager(db, scorecardId, document, new Date().toISOString()))()
    return buildOnePagerContent(db, scorecardId)
  },

  async 'export-pdf'({ scorecardId, paper }, ctx) {
    const { db } = ctx.session.require()
    const content = buildOnePagerContent(db, scorecardId)
    const size = paper ?? content.document.paper
    const print = ctx.printPdf ?? chromiumPrinter()
    const result = await print(content, size)
    const pages = pdfPageCount(result.bytes)
    if (result.overflow.length > 0 || pages !== 1) {
      const names = result.overflow.map((id) => ONE_PAGER_BLOCK_LABELS[id as OnePagerBlockId] ?? id)
      const what =
        names.length > 0 ? `${names.join(', ')} ${names.length === 1 ? 'runs' : 'run'} past the bottom` : `it prints on ${pages} pages`
      throw new AppError(
        'BAD_INPUT',
        `The one-pager does not fit on one ${PAPER_NAMES[size]} page: ${what}. Hide a block or shorten its text in the Export section.`,
        { overflow: result.overflow, pages }
      )
    }
    const base = safeFileName(content.document.clientName.trim() || content.scorecard.name, 'ICP')
    return { fileName: `${base} - ICP one-pager.pdf`, bytes: result.bytes, pages }
  },

  async 'export-save-as'({ fileName, bytes }, ctx) {
    const files = desktopFiles(ctx)
    const path = await files.chooseSavePath(safeFileName(fileName, 'export'))
    if (!path) return null
    writeOutputFile(path, bytes)
    const paths = savedPaths.get(ctx) ?? new Set<string>()
    paths.add(path)
    savedPaths.set(ctx, paths)
    return { path }
  },

  async 'app-open-file'({ path, mode }, ctx) {
    const files = desktopFiles(ctx)
    // The renderer may only open what the user just saved, never an arbitrary path.
    if (!savedPaths.get(ctx)?.has(path))
      throw new AppError('PERMISSION_DENIED', 'Only a file exported in this session can be opened from here.')
    if (mode === 'open') await files.openPath(path)
    else files.showInFolder(path)
    return null
  },

  'export-workbook'({ scorecardId, outcome }, ctx) {
    return workbookExport(ctx.session.require().db, scorecardId, outcome ?? 'won')
  },

  'export-scored-csv'({ scorecardId }, ctx) {
    return scoredCsvExport(ctx.session.require().db, scorecardId)
  },

  'export-sql'({ scorecardId }, ctx) {
    return sqlExport(ctx.session.require().db, scorecardId)
  },

  'export-crm-mapping-get'({ scorecardId, crm }, ctx) {
    const { db } = ctx.session.require()
    return crmMapping(db, exportedScorecard(db, scorecardId), crm, engineDatasetFor(db), dateAttributes(db))
  },

  'export-crm-mapping-save'({ scorecardId, crm, fields }, ctx) {
    const { db } = ctx.session.require()
    const scorecard = exportedScorecard(db, scorecardId)
    saveCrmFields(db, crm, fields)
    return crmMapping(db, scorecard, crm, engineDatasetFor(db), dateAttributes(db))
  },

  'export-crm-pack'({ scorecardId, crm }, ctx) {
    return crmPack(ctx.session.require().db, scorecardId, crm)
  },

  async 'export-review-pdf'({ scorecardId, since, paper }, ctx) {
    const { db } = ctx.session.require()
    const review = reviewScorecard(db, scorecardId, since)
    // The client's name and colour as the one-pager has them, so the two pages read as a set.
    const { document } = buildOnePagerContent(db, scorecardId)
    const size = paper ?? document.paper
    const print = ctx.printPdf ?? chromiumPrinter()
    const content: ReviewPrintContent = {
      kind: 'review',
      review,
      clientName: document.clientName,
      brandColor: document.brandColor,
      document: { paper: size }
    }
    const result = await print(content, size)
    const pages = pdfPageCount(result.bytes)
    if (result.overflow.length > 0 || pages !== 1) {
      throw new AppError(
        'INTERNAL',
        `The review does not fit on one ${PAPER_NAMES[size]} page (it prints on ${pages} pages); please report this.`,
        { pages }
      )
    }
    const base = safeFileName(document.clientName.trim() || review.scorecard.name, 'ICP')
    return { fileName: `${base} - 90-day review ${review.review.through ?? review.since}.pdf`, bytes: result.bytes, pages }
  }
}
