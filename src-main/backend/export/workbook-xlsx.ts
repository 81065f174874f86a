import { PassThrough } from 'node:stream'
import { inflateRawSync } from 'node:zlib'
import { exceljs } from '../exceljs'
import { APP_NAME } from '@shared/app-info'
import type { OnePagerContent } from '@shared/domain/one-pager'
import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { ScoredAccountsTable } from '@shared/export/scored-accounts'
import { scorecardLayout } from '@shared/export/workbook-formulas'
import { addAccountsSheet } from './workbook-accounts-sheet'
import { writeBandsSheet } from './workbook-bands-sheet'
import { writeDictionarySheet, type DataDictionary } from './workbook-dictionary-sheet'
import { writeIcpSheet } from './workbook-icp-sheet'
import { writeScorecardSheet } from './workbook-scorecard-sheet'
import { deflateChunks, readZipEntries, writeZip } from './workbook-zip'

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
 * zlib's level for the big sheet: on 100,000 accounts × 35 criteria level 1 takes about 2.3 s
 * less CPU than the default 6, for a file of 47 MB instead of 32 MB (docs/exports.md).
 */
const ACCOUNTS_LEVEL = 1

/**
 * The client's workbook: ICP, Scorecard (the inputs), Scored accounts (live formulas over those
 * inputs, with cached results), Bands and Data dictionary. exceljs writes every sheet and the
 * workbook's parts, with the Scored accounts sheet holding only its header; its rows are then
 * generated into that part of the archive while zlib compresses (workbook-zip.ts), so a
 * 100,000-account workbook never holds its sheet's XML, nor a cell object per cell.
 */
export async function writeWorkbookXlsx(input: WorkbookInput): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const stream = new PassThrough()
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false })
  workbook.creator = APP_NAME
  workbook.created = new Date()
  const layout = scorecardLayout(input.scorecard)
  writeIcpSheet(workbook, input.content, input.scorecard, layout, input.table)
  writeScorecardSheet(workbook, input.scorecard, layout)
  const rows = addAccountsSheet(workbook, input.scorecard, input.table, layout, input.dateAttributes)
  writeBandsSheet(workbook, input.scorecard, input.report, input.content.outcomeWords)
  writeDictionarySheet(workbook, input.dictionary)
  await workbook.commit()
  await ended

  const entries = readZipEntries(Buffer.concat(chunks))
  const at = entries.findIndex((entry) => entry.name.replace(/^\//, '') === rows.part)
  if (at < 0) throw new Error(`exceljs wrote no ${rows.part}.`)
  const entry = entries[at]!
  const packed = Buffer.concat(entry.data)
  const sheetXml = (entry.method === 8 ? inflateRawSync(packed) : packed).toString('utf8')
  const cut = sheetXml.lastIndexOf('</sheetData>')
  if (cut < 0) throw new Error(`exceljs wrote ${rows.part} without its rows.`)
  function* sheet(): Generator<Buffer> {
    yield Buffer.from(sheetXml.slice(0, cut), 'utf8')
    yield* rows.chunks()
    yield Buffer.from(sheetXml.slice(cut), 'utf8')
  }
  entries[at] = { ...entry, ...(await deflateChunks(sheet(), ACCOUNTS_LEVEL)) }
  const bytes = writeZip(entries)
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
