import type ExcelJS from 'exceljs'
import type { Fill, Style } from 'exceljs'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { FIXED_HEADERS, type ScoredAccountsTable } from '@shared/export/scored-accounts'
import { startsLikeFormula } from '@shared/export/spreadsheet-text'
import { accountFormulas, ACCOUNTS_SHEET, columnLetter, SCORECARD_SHEET, type AccountColumns, type ScorecardLayout } from '@shared/export/workbook-formulas'
import { xmlSafe } from './workbook-cells'
import { printOnePageWide } from './workbook-print-setup'
import { FormulaTemplate, RawRowWriter, RowXml, styleId } from './workbook-row-xml'
import { argb, headerStyle, NUMBER_FORMATS } from './workbook-styles'

export const MATCH_PREFIX = 'Meets: '

const EXCEL_EPOCH_DAYS = 25569
const DAY_MS = 86_400_000

/** Excel's serial day number for epoch milliseconds (dates are stored as days since 1899-12-30). */
export const excelDate = (ms: number): number => ms / DAY_MS + EXCEL_EPOCH_DAYS

export interface AccountSheetColumns extends AccountColumns {
  /** Total columns, including the hidden "Meets" group. */
  count: number
  attributes: string[]
}

export function accountSheetColumns(table: ScoredAccountsTable): AccountSheetColumns {
  const n = table.criteria.length
  const firstAttribute = FIXED_HEADERS.length
  const firstCriterion = firstAttribute + table.attributes.length
  const firstMatch = firstCriterion + n
  return {
    score: 'C',
    tier: 'D',
    points: 'E',
    knockout: 'F',
    attributes: table.attributes.map((_, i) => columnLetter(firstAttribute + i)),
    criteria: table.criteria.map((_, i) => columnLetter(firstCriterion + i)),
    matches: table.criteria.map((_, i) => columnLetter(firstMatch + i)),
    count: firstMatch + n
  }
}

/** Conditional formats keep tier colours right after a points change re-tiers an account. */
const cfFill = (color: string): Fill => ({ type: 'pattern', pattern: 'solid', bgColor: { argb: color } })

export function writeAccountsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  scorecard: Scorecard,
  table: ScoredAccountsTable,
  layout: ScorecardLayout,
  dateAttributes: ReadonlySet<string>
): void {
  const columns = accountSheetColumns(table)
  const last = table.accounts.length + 1
  const lastColumn = columnLetter(columns.count - 1)
  const sheet = workbook.addWorksheet(ACCOUNTS_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: 'C2' }],
    properties: { outlineLevelCol: 1, tabColor: { argb: 'FF1F3A5F' } },
    pageSetup: printOnePageWide('landscape', 1)
  })
  const headers = [
    ...FIXED_HEADERS,
    ...table.attributes.map((a) => a.name),
    ...table.criterionHeaders,
    ...table.criterionHeaders.map((h) => `${MATCH_PREFIX}${h}`)
  ]
  const widths = [14, 30, 8, 14, 9, 22, 8, 10, ...table.attributes.map((a) => (a.kind === 'multi' ? 30 : 16)), ...table.criteria.map(() => 14), ...table.criteria.map(() => 10)]
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = width
    // "Meets" flags are the data the formulas read: grouped and folded away, one click to open.
    if (i >= FIXED_HEADERS.length + table.attributes.length + table.criteria.length) {
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
        { type: 'expression', priority: 1, formulae: [`$D2="${DISQUALIFIED}"`], style: { fill: cfFill('FFE2E8F0'), font: { color: { argb: 'FF718096' } } } },
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
  const textStyle = (value: string): number => (startsLikeFormula(value) ? s.risky : s.text)
  const isDate = table.attributes.map((a) => a.kind === 'number' && dateAttributes.has(a.name))

  const open = accountFormulas(layout, columns, FormulaTemplate.ROW, scorecard.tiers.length)
  const template = {
    score: new FormulaTemplate(open.score),
    tier: new FormulaTemplate(open.tier),
    points: new FormulaTemplate(open.points),
    criteria: table.criteria.map((_, i) => new FormulaTemplate(open.criterion(i)))
  }
  const writer = new RawRowWriter(sheet)
  table.accounts.forEach((account, index) => {
    const r = index + 2
    const row = new RowXml(r)
      .text(`A${r}`, account.accountId, textStyle(account.accountId))
      .text(`B${r}`, account.accountName, textStyle(account.accountName))
      .escapedFormula(`C${r}`, template.score.at(r), account.score, s.score)
      .escapedFormula(`D${r}`, template.tier.at(r), account.tier, s.tier)
      .escapedFormula(`E${r}`, template.points.at(r), account.raw, s.points)
    if (account.knockout !== null) row.text(`F${r}`, account.knockout, textStyle(account.knockout))
    row.number(`G${r}`, account.deals, s.whole).text(`H${r}`, account.outcome)
    account.values.forEach((value, a) => {
      const ref = `${columns.attributes[a]}${r}`
      if (value === null) return
      if (typeof value === 'number') row.number(ref, isDate[a] ? excelDate(value) : value, isDate[a] ? s.date : s.decimal)
      else if (typeof value === 'boolean') row.boolean(ref, value)
      else row.text(ref, value, textStyle(value))
    })
    table.criteria.forEach((criterion, i) => {
      row.escapedFormula(`${columns.criteria[i]}${r}`, template.criteria[i]!.at(r), account.matches[i] ? criterion.points : 0, s.criterion)
    })
    account.matches.forEach((match, i) => row.number(`${columns.matches[i]}${r}`, match, s.whole))
    writer.add(row)
  })
  writer.flush()
  sheet.commit()
}
