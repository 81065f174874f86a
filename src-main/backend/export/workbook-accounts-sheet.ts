import type ExcelJS from 'exceljs'
import type { Fill, Style } from 'exceljs'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { reasonsLine } from '@shared/engine/scoring/reason-codes'
import { FIXED_HEADERS, fixedHeaders, REASONS_HEADER, type ScoredAccountsTable } from '@shared/export/scored-accounts'
import { startsLikeFormula } from '@shared/export/spreadsheet-text'
import {
  accountFormulas,
  ACCOUNTS_SHEET,
  columnLetter,
  SCORECARD_SHEET,
  type AccountColumns,
  type ScorecardLayout
} from '@shared/export/workbook-formulas'
import { xmlSafe } from './workbook-cells'
import { printOnePageWide } from './workbook-print-setup'
import { CellColumn, RowBytes, SharedFormulaColumn, styleId } from './workbook-row-xml'
import { argb, headerStyle, NUMBER_FORMATS } from './workbook-styles'

export const MATCH_PREFIX = 'Meets: '
/** The sheet's points are live formulas; its reasons are text written at export, and say so. */
export const REASONS_AS_EXPORTED = `${REASONS_HEADER} (as exported)`

const EXCEL_EPOCH_DAYS = 25569
const DAY_MS = 86_400_000

/** Excel's serial day number for epoch milliseconds (dates are stored as days since 1899-12-30). */
export const excelDate = (ms: number): number => ms / DAY_MS + EXCEL_EPOCH_DAYS

export interface AccountSheetColumns extends AccountColumns {
  /** Total columns, including the hidden "Meets" group. */
  count: number
  /** Why each account scored what it did, as exported (text: it does not follow a points edit in the sheet). */
  reasons: string
  attributes: string[]
}

export function accountSheetColumns(table: ScoredAccountsTable): AccountSheetColumns {
  const n = table.criteria.length
  const firstAttribute = FIXED_HEADERS.length
  const firstCriterion = firstAttribute + table.attributes.length
  const reasons = firstCriterion + n
  const firstMatch = reasons + 1
  return {
    score: 'C',
    tier: 'D',
    points: 'E',
    knockout: 'F',
    attributes: table.attributes.map((_, i) => columnLetter(firstAttribute + i)),
    criteria: table.criteria.map((_, i) => columnLetter(firstCriterion + i)),
    reasons: columnLetter(reasons),
    matches: table.criteria.map((_, i) => columnLetter(firstMatch + i)),
    count: firstMatch + n
  }
}

/** Conditional formats keep tier colours right after a points change re-tiers an account. */
const cfFill = (color: string): Fill => ({ type: 'pattern', pattern: 'solid', bgColor: { argb: color } })

/** Where the sheet's rows go and how they are made (see workbook-xlsx.ts). */
export interface AccountRows {
  /** The sheet's part in the archive, e.g. "xl/worksheets/sheet3.xml". */
  part: string
  /** The rows after the header, as SpreadsheetML bytes, in chunks of a few megabytes. */
  chunks(): Generator<Buffer>
}

/**
 * Adds the "Scored accounts" sheet with its header, columns, filters, tier colours and print
 * setup (through exceljs), and returns the generator of its rows, which workbook-xlsx.ts
 * streams into the archive while zlib compresses.
 */
export function addAccountsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  scorecard: Scorecard,
  table: ScoredAccountsTable,
  layout: ScorecardLayout,
  dateAttributes: ReadonlySet<string>
): AccountRows {
  const columns = accountSheetColumns(table)
  const last = table.accounts.length + 1
  const lastColumn = columnLetter(columns.count - 1)
  const sheet = workbook.addWorksheet(ACCOUNTS_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: 'C2' }],
    properties: { outlineLevelCol: 1, tabColor: { argb: 'FF1F3A5F' } },
    pageSetup: printOnePageWide('landscape', 1)
  })
  const headers = [
    ...fixedHeaders(table.labels),
    ...table.attributes.map((a) => a.name),
    ...table.criterionHeaders,
    REASONS_AS_EXPORTED,
    ...table.criterionHeaders.map((h) => `${MATCH_PREFIX}${h}`)
  ]
  const widths = [
    14,
    30,
    8,
    14,
    9,
    22,
    8,
    10,
    ...table.attributes.map((a) => (a.kind === 'multi' ? 30 : 16)),
    ...table.criteria.map(() => 14),
    48,
    ...table.criteria.map(() => 10)
  ]
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = width
    // "Meets" flags are the data the formulas read: grouped and folded away, one click to open.
    if (i > FIXED_HEADERS.length + table.attributes.length + table.criteria.length) {
      column.outlineLevel = 1
      column.hidden = true
    }
  })
  // Attribute names and criterion labels are the client's and the consultant's text.
  const header = sheet.addRow(headers.map(xmlSafe))
  header.height = 32
  header.eachCell((cell) => {
    cell.style = { ...headerStyle }
  })
  sheet.autoFilter = `A1:${lastColumn}${last}`
  if (table.accounts.length > 0) {
    const tierRules = scorecard.tiers.map((tier, t) => ({
      type: 'expression' as const,
      priority: t + 2,
      formulae: [`$D2=${SCORECARD_SHEET}!$B$${layout.tierRows[t]}`],
      style: { fill: cfFill(argb(tier.color)), font: { bold: true } }
    }))
    sheet.addConditionalFormatting({
      ref: `C2:D${last}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`$D2="${DISQUALIFIED}"`],
          style: { fill: cfFill('FFE2E8F0'), font: { color: { argb: 'FF718096' } } }
        },
        ...tierRules
      ]
    })
  }
  header.commit()

  const ids = (style: Partial<Style>, kind: Parameters<typeof styleId>[2]) => styleId(workbook, style, kind)
  const s = {
    text: 0,
    whole: ids({ numFmt: NUMBER_FORMATS.whole }, 'number'),
    score: ids({ numFmt: NUMBER_FORMATS.whole, font: { bold: true } }, 'formula'),
    tier: ids({ font: { bold: true }, alignment: { horizontal: 'center' } }, 'formula'),
    points: ids({ numFmt: NUMBER_FORMATS.whole }, 'formula'),
    criterion: ids({ numFmt: NUMBER_FORMATS.points }, 'formula'),
    decimal: ids({ numFmt: NUMBER_FORMATS.decimal }, 'number'),
    date: ids({ numFmt: NUMBER_FORMATS.date }, 'number'),
    // Formula-like text from the data keeps the Text format (workbook-cells.ts explains why).
    risky: ids({ numFmt: NUMBER_FORMATS.text }, 'string')
  }
  const part = `xl/worksheets/sheet${sheet.id}.xml`
  sheet.commit()

  const isDate = table.attributes.map((a) => a.kind === 'number' && dateAttributes.has(a.name))
  const first = 2
  const formulas = accountFormulas(layout, columns, first, scorecard.tiers.length)
  const shared = (column: string, group: number, formula: string, style: number, result: 'number' | 'text') =>
    new SharedFormulaColumn(column, first, last, group, formula, style, result)
  const score = shared(columns.score, 0, formulas.score, s.score, 'number')
  const tier = shared(columns.tier, 1, formulas.tier, s.tier, 'text')
  const points = shared(columns.points, 2, formulas.points, s.points, 'number')
  const criteria = table.criteria.map((_, i) => shared(columns.criteria[i]!, 3 + i, formulas.criterion(i), s.criterion, 'number'))
  const criterionPoints = table.criteria.map((c) => c.points)
  // Formula-like text from the data keeps the Text format (workbook-cells.ts explains why).
  const textColumn = (letter: string) => ({ plain: new CellColumn(letter), risky: new CellColumn(letter, s.risky) })
  const text = (column: ReturnType<typeof textColumn>, out: RowBytes, value: string) =>
    (startsLikeFormula(value) ? column.risky : column.plain).text(out, value)
  const id = textColumn('A')
  const name = textColumn('B')
  const knockout = textColumn('F')
  const outcome = textColumn('H')
  const deals = new CellColumn('G', s.whole)
  const attributes = columns.attributes.map((letter, a) => ({
    text: textColumn(letter),
    number: new CellColumn(letter, isDate[a] ? s.date : s.decimal),
    boolean: new CellColumn(letter)
  }))
  // The flags are data the criterion cells read; General format shows 1 and 0 as they are.
  const flags = columns.matches.map((letter) => new CellColumn(letter))
  const reasons = textColumn(columns.reasons)

  function* chunks(): Generator<Buffer> {
    const out = new RowBytes()
    for (let index = 0; index < table.accounts.length; index++) {
      const account = table.accounts[index]!
      const isFirst = index === 0
      out.openRow(index + first)
      text(id, out, account.accountId)
      text(name, out, account.accountName)
      score.write(out, isFirst, account.score)
      tier.write(out, isFirst, account.tier)
      points.write(out, isFirst, account.raw)
      if (account.knockout !== null) text(knockout, out, account.knockout)
      deals.number(out, account.deals)
      text(outcome, out, table.labels[account.outcome])
      for (let a = 0; a < account.values.length; a++) {
        const value = account.values[a]
        const column = attributes[a]!
        if (value === null || value === undefined) continue
        if (typeof value === 'number') column.number.number(out, isDate[a] ? excelDate(value) : value)
        else if (typeof value === 'boolean') column.boolean.boolean(out, value)
        else text(column.text, out, value)
      }
      const matches = account.matches
      for (let i = 0; i < criteria.length; i++) criteria[i]!.write(out, isFirst, matches[i] ? criterionPoints[i]! : 0)
      text(reasons, out, reasonsLine(account.reasons, account.knockout))
      for (let i = 0; i < flags.length; i++) flags[i]!.flag(out, matches[i]!)
      out.closeRow()
      yield* out.take()
    }
    yield* out.take(true)
  }
  return { part, chunks }
}
