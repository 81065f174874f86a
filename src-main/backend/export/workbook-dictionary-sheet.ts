import type ExcelJS from 'exceljs'
import { setText } from './workbook-cells'
import { printOnePageWide } from './workbook-print-setup'
import { headerStyle, noteFont, sectionFont, titleFont, wrapTop } from './workbook-styles'

/** One stored column as the data dictionary lists it. */
export interface DictionaryEntry {
  table: string
  column: string
  type: string
  role: string
  category: string | null
  /** The hygiene rules that change this column's values, in words. */
  rules: string[]
  /** Whether a criterion or knockout of the exported scorecard reads it. */
  inScorecard: boolean
}

export interface DataDictionary {
  entries: DictionaryEntry[]
  missingTokens: string[]
  /** The join between accounts and deals, in words, when there is one. */
  join: string | null
}

const HEADERS = ['Table', 'Column', 'Type', 'Role', 'Category', 'In the scorecard', 'Hygiene rules applied']

/** The "Data dictionary" sheet: what each column is, how it was read and cleaned. */
export function writeDictionarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, dictionary: DataDictionary): void {
  const sheet = workbook.addWorksheet('Data dictionary', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: printOnePageWide('landscape', 3)
  })
  ;[12, 28, 12, 16, 18, 14, 70].forEach((width, i) => (sheet.getColumn(i + 1).width = width))
  sheet.getCell('A1').value = 'Data dictionary'
  sheet.getCell('A1').font = titleFont
  sheet.getCell('A2').value =
    'Columns as imported, the type and role each was read with, and the hygiene rules that cleaned its values before scoring.'
  sheet.getCell('A2').font = noteFont
  const header = sheet.getRow(3)
  HEADERS.forEach((label, i) => {
    header.getCell(i + 1).value = label
    header.getCell(i + 1).style = { ...headerStyle }
  })
  let r = 3
  for (const entry of dictionary.entries) {
    const row = sheet.getRow(++r)
    row.getCell(1).value = entry.table
    setText(row.getCell(2), entry.column)
    row.getCell(3).value = entry.type
    row.getCell(4).value = entry.role
    if (entry.category) setText(row.getCell(5), entry.category)
    row.getCell(6).value = entry.inScorecard ? 'yes' : ''
    if (entry.rules.length) setText(row.getCell(7), entry.rules.join('\n'), { alignment: wrapTop })
  }
  if (dictionary.entries.length > 0) sheet.autoFilter = `A3:G${r}`
  r++
  const note = (title: string, text: string) => {
    r++
    sheet.getCell(`A${r}`).value = title
    sheet.getCell(`A${r}`).font = sectionFont
    setText(sheet.getCell(`B${r}`), text, { alignment: wrapTop })
    sheet.mergeCells(`B${r}:G${r}`)
  }
  if (dictionary.join) note('Join', dictionary.join)
  note(
    'Missing values',
    dictionary.missingTokens.length
      ? `Read as missing: ${dictionary.missingTokens.map((t) => (t === '' ? '(blank)' : `"${t}"`)).join(', ')}`
      : 'Only blank cells are missing.'
  )
  sheet.commit()
}
