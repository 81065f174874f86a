import type { CrmKind } from '@shared/domain/crm'
import { keyedScoresCsv } from '@shared/export/crm/keyed-scores-csv'
import { toCsv } from '@shared/export/spreadsheet-text'
import { safeFileName } from '@shared/format'
import { callListRow } from '@shared/prospects/call-list'
import type { ProspectRun } from './prospect-scoring'
import { sheetjs } from '../sheetjs'

export const CALL_LIST_HEADERS = [
  'Rank',
  'Company',
  'Domain',
  'ICP Score',
  'Best possible score',
  'ICP Tier',
  'ICP Reasons',
  'Not judged on'
] as const

/** The call list as rows, best first (every prospect: the list is what a team works through). */
export function callListTable(run: ProspectRun): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = []
  for (let rank = 0; rank < run.scoring.rowCount; rank++) {
    const r = callListRow(run.scoring, rank, run.words)
    rows.push([r.rank, r.name, r.domain, r.score, r.bestScore, r.tier, r.reasons, r.unknown.map((u) => u.words).join('; ')])
  }
  return rows
}

const baseName = (run: ProspectRun): string =>
  `${safeFileName(run.scorecard.name, 'scorecard')} - prospects ${safeFileName(run.list.record.fileName.replace(/\.[^.]+$/, ''), 'list')}`

export function callListCsv(run: ProspectRun): { fileName: string; bytes: Uint8Array } {
  return {
    fileName: `${baseName(run)}.csv`,
    bytes: new TextEncoder().encode(`\ufeff${toCsv([...CALL_LIST_HEADERS], callListTable(run))}`)
  }
}

export function callListXlsx(run: ProspectRun): { fileName: string; bytes: Uint8Array } {
  // Cells written as strings are never formulas in XLSX, so they need no apostrophe there.
  const sheet = sheetjs().utils.aoa_to_sheet([[...CALL_LIST_HEADERS], ...callListTable(run)])
  const book = sheetjs().utils.book_new()
  sheetjs().utils.book_append_sheet(book, sheet, 'Call list')
  const bytes = sheetjs().write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
  return { fileName: `${baseName(run)}.xlsx`, bytes: new Uint8Array(bytes) }
}

/**
 * The CRM pack's keyed format (Domain or Website, name, ICP Score, ICP Tier, ICP Reasons), so the
 * list can be imported as new companies with their score. A list has no CRM record ids: the key is
 * the domain where the list has one, else the name.
 */
export function callListKeyed(run: ProspectRun, crm: CrmKind): { fileName: string; bytes: Uint8Array } {
  const accounts = []
  for (let rank = 0; rank < run.scoring.rowCount; rank++) {
    const r = callListRow(run.scoring, rank, run.words)
    accounts.push({ id: '', domain: r.domain, name: r.name, score: r.score, tier: r.tier, reasons: r.reasons })
  }
  const csv = keyedScoresCsv(crm, { idColumn: null, domainColumn: run.domainColumn }, accounts)
  return { fileName: `${baseName(run)} - ${crm} keyed scores.csv`, bytes: new TextEncoder().encode(csv) }
}
