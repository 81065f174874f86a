import { safeFileName } from '@shared/format'
import { toCsv } from '@shared/export/spreadsheet-text'
import type { Handlers } from '../dispatch'
import { workingScorecard } from '../scorecards/working-scorecard'
import { workspaceOutcomeWords } from '../dataset/dataset-summary'
import { simulationFor } from '../simulate/run-simulation'
import { scoredDealsTable } from '../simulate/scored-deals'
import { sheetjs } from '../sheetjs'

/** Every deal with its score, tier and points per criterion, as a CSV or XLSX file (the CLI's `score export`). */
export const scoreExportHandler: Pick<Handlers, 'score-export'> = {
  'score-export'(input, ctx) {
    const { db } = ctx.session.require()
    const scorecard = workingScorecard(db, input.scorecardId)
    const words = workspaceOutcomeWords(db)
    const table = scoredDealsTable(scorecard, simulationFor(db, scorecard, 'won'), words)
    const base = `${safeFileName(scorecard.name, 'scorecard')} - scored ${words.records}`
    if (input.format === 'csv') {
      return { fileName: `${base}.csv`, bytes: new TextEncoder().encode(`\ufeff${toCsv(table.headers, table.rows)}`) }
    }
    // Cells written as strings are never formulas in XLSX, so they need no apostrophe there.
    const sheet = sheetjs().utils.aoa_to_sheet([table.headers, ...table.rows])
    const book = sheetjs().utils.book_new()
    sheetjs().utils.book_append_sheet(book, sheet, `Scored ${words.records}`)
    const bytes = sheetjs().write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
    return { fileName: `${base}.xlsx`, bytes: new Uint8Array(bytes) }
  }
}
