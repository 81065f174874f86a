import type ExcelJS from 'exceljs'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import { scoreScale } from '@shared/engine/scoring/scale'
import {
  ACCOUNTS_SHEET,
  CRITERIA_HEADER_ROW,
  INPUT_COLUMN,
  scaleFormulas,
  SCORECARD_SHEET,
  type ScorecardLayout
} from '@shared/export/workbook-formulas'
import { setText } from './workbook-cells'
import { printOnePageWide } from './workbook-print-setup'
import { argb, disqualifiedFill, headerStyle, inputStyle, noteFont, sectionFont, tierFill, titleFont } from './workbook-styles'

/**
 * The "Scorecard" sheet: criteria with their points, caps, the score scale and the tiers. The
 * yellow cells in column E are the inputs every account on "Scored accounts" reads.
 */
export function writeScorecardSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, scorecard: Scorecard, layout: ScorecardLayout): void {
  const sheet = workbook.addWorksheet(SCORECARD_SHEET, {
    views: [{ state: 'frozen', ySplit: CRITERIA_HEADER_ROW, activeCell: `${INPUT_COLUMN}${CRITERIA_HEADER_ROW + 1}` }],
    pageSetup: printOnePageWide('portrait', CRITERIA_HEADER_ROW)
  })
  ;[6, 18, 44, 20, 12].forEach((width, i) => (sheet.getColumn(i + 1).width = width))
  const cell = (ref: string) => sheet.getCell(ref)
  const header = (row: number, labels: Record<string, string>) => {
    for (const col of ['A', 'B', 'C', 'D', 'E']) {
      const target = cell(`${col}${row}`)
      target.value = labels[col] ?? ''
      target.style = { ...headerStyle }
    }
  }
  const section = (row: number, title: string, note?: string) => {
    cell(`A${row}`).value = title
    cell(`A${row}`).font = sectionFont
    if (note) {
      cell(`C${row}`).value = note
      cell(`C${row}`).font = noteFont
    }
  }

  setText(cell('A1'), `Scorecard — ${scorecard.name}`, { font: titleFont })
  cell('A2').value =
    `The yellow cells are inputs: change a points value, a cap or a tier's lowest score and every account on "${ACCOUNTS_SHEET}" re-scores.`
  cell('A2').font = noteFont

  header(CRITERIA_HEADER_ROW, { A: '#', B: 'Category', C: 'Criterion', D: 'Attribute', E: 'Points' })
  scorecard.criteria.forEach((criterion, i) => {
    const row = layout.criterionRows[i]!
    cell(`A${row}`).value = i + 1
    setText(cell(`B${row}`), criterion.category)
    setText(cell(`C${row}`), criterion.label ? `${criterion.label} (${describeCondition(criterion)})` : describeCondition(criterion))
    setText(cell(`D${row}`), criterion.attribute)
    cell(`${INPUT_COLUMN}${row}`).value = criterion.points
    cell(`${INPUT_COLUMN}${row}`).style = { ...inputStyle, numFmt: '+0;-0;0' }
    cell(`${INPUT_COLUMN}${row}`).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: false,
      formulae: [-10000, 10000],
      showErrorMessage: true,
      errorTitle: 'Points',
      error: 'Points are a whole number from -10,000 to 10,000.'
    }
  })
  if (scorecard.criteria.length > 0)
    sheet.autoFilter = `A${CRITERIA_HEADER_ROW}:${INPUT_COLUMN}${layout.criterionRows[layout.criterionRows.length - 1]}`

  if (layout.capsTitleRow !== null) {
    section(layout.capsTitleRow, 'Attribute caps', 'The criteria on a capped attribute add up to at most +cap and at least -cap.')
    header(layout.capsTitleRow + 1, { B: 'Attribute', E: 'Cap' })
    for (const cap of layout.caps) {
      setText(cell(`B${cap.row}`), cap.attribute)
      cell(`C${cap.row}`).value = `criteria ${cap.criteria.map((i) => i + 1).join(', ')}`
      cell(`${INPUT_COLUMN}${cap.row}`).value = cap.cap
      cell(`${INPUT_COLUMN}${cap.row}`).style = { ...inputStyle }
    }
  }

  const scale = scoreScale(scorecard.criteria, scorecard.attributeCaps ?? [])
  const formulas = scaleFormulas(layout)
  section(layout.scaleTitleRow, 'Score scale', 'score = round(100 × (points − lowest) ÷ range), halves up; 0 when the range is 0')
  const scaleRow = (row: number, label: string, formula: string, result: number) => {
    cell(`B${row}`).value = label
    cell(`${INPUT_COLUMN}${row}`).value = { formula, result }
    cell(`${INPUT_COLUMN}${row}`).numFmt = '0'
  }
  scaleRow(layout.minRow, 'Points that score 0 (every penalty, nothing positive)', formulas.min, scale.min)
  scaleRow(layout.maxRow, 'Points that score 100 (every positive criterion, no penalty)', formulas.max, scale.max)
  scaleRow(layout.rangeRow, 'Range', formulas.range, scale.max - scale.min)
  for (const row of [layout.minRow, layout.maxRow, layout.rangeRow]) sheet.mergeCells(`B${row}:D${row}`)

  section(layout.tiersTitleRow, 'Tiers', 'Highest first; the lowest tier also takes every score below its minimum.')
  header(layout.tiersTitleRow + 1, { B: 'Tier', D: 'Colour', E: 'Lowest score' })
  scorecard.tiers.forEach((tier, t) => {
    const row = layout.tierRows[t]!
    setText(cell(`B${row}`), tier.name, { font: { bold: true }, fill: tierFill(tier.color) })
    cell(`D${row}`).value = tier.color ?? ''
    cell(`D${row}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(tier.color) } }
    cell(`${INPUT_COLUMN}${row}`).value = tier.min
    cell(`${INPUT_COLUMN}${row}`).style = { ...inputStyle }
  })

  if (layout.knockoutsTitleRow !== null) {
    section(layout.knockoutsTitleRow, 'Knockouts', `An account a knockout hits is ${DISQUALIFIED}, whatever its points.`)
    header(layout.knockoutsTitleRow + 1, { B: 'Knockout', C: 'Disqualifies when', D: 'Attribute' })
    scorecard.knockouts.forEach((knockout, k) => {
      const row = layout.knockoutRows[k]!
      setText(cell(`B${row}`), knockout.name || describeCondition(knockout), { fill: disqualifiedFill })
      setText(cell(`C${row}`), describeCondition(knockout))
      setText(cell(`D${row}`), knockout.attribute)
    })
  }
  sheet.commit()
}
