import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { APP_NAME } from '@shared/app-info'
import type { OnePagerContent } from '@shared/domain/one-pager'
import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { ScoredAccountsTable } from '@shared/export/scored-accounts'
import { scorecardLayout } from '@shared/export/workbook-formulas'
import { writeAccountsSheet } from './workbook-accounts-sheet'
import { writeBandsSheet } from './workbook-bands-sheet'
import { writeDictionarySheet, type DataDictionary } from './workbook-dictionary-sheet'
import { writeIcpSheet } from './workbook-icp-sheet'
import { writeScorecardSheet } from './workbook-scorecard-sheet'

export interface WorkbookInput {
  scorecard: Scorecard
  content: OnePagerContent
  table: ScoredAccountsTable
  report: SimulationReport
  dictionary: DataDictionary
  /** Number attributes that are dates (epoch ms in the engine), written as Excel dates. */
  dateAttributes: ReadonlySet<string>
}

/**
 * The client's workbook: ICP, Scorecard (the inputs), Scored accounts (live formulas over those
 * inputs, with cached results), Bands and Data dictionary. Written by exceljs's streaming writer
 * sheet by sheet, so a 100,000-account workbook never holds a cell object per cell.
 */
export async function writeWorkbookXlsx(input: WorkbookInput): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const stream = new PassThrough()
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  workbook.creator = APP_NAME
  workbook.created = new Date()
  const layout = scorecardLayout(input.scorecard)
  writeIcpSheet(workbook, input.content, input.scorecard, layout, input.table)
  writeScorecardSheet(workbook, input.scorecard, layout)
  writeAccountsSheet(workbook, input.scorecard, input.table, layout, input.dateAttributes)
  writeBandsSheet(workbook, input.scorecard, input.report)
  writeDictionarySheet(workbook, input.dictionary)
  await workbook.commit()
  await ended
  const bytes = Buffer.concat(chunks)
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
