import type ExcelJS from 'exceljs'
import type { OutcomeWords } from '@shared/domain/one-pager'
import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import { WON_WORDS } from '@shared/export/outcome-words'
import { capitalize } from '@shared/format'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { setText } from './workbook-cells'
import { printOnePageWide } from './workbook-print-setup'
import { disqualifiedFill, headerStyle, noteFont, NUMBER_FORMATS, sectionFont, tierFill, titleFont } from './workbook-styles'

/** The table's headings: a churn study counts customers, retained ones and their tenure. */
function headers(words: OutcomeWords): string[] {
  const retained = words.kind === 'retained'
  return [
    'Band',
    'Scores',
    capitalize(words.decided),
    retained ? 'Retained' : 'Wins',
    capitalize(words.rate),
    'Interval low',
    'Interval high',
    retained ? 'Median tenure (days)' : 'Median cycle (days)',
    retained ? 'Mean retained amount' : 'Mean won amount',
    'Note'
  ]
}
const OUTCOME_WORDS: Record<SimulationReport['outcome'], string> = {
  won: 'won vs lost deals',
  best: 'won deals of best customers vs the rest',
  retained: 'won deals of retained vs churned accounts'
}

/**
 * The "Bands" sheet: the simulation's band tables (fixed score bands, then the tiers) exactly as
 * the Simulate screen and `icp simulate` compute them. These are facts about the history at the
 * exported points, so they are values, not formulas.
 */
export function writeBandsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  scorecard: Scorecard,
  report: SimulationReport,
  words: OutcomeWords = WON_WORDS
): void {
  const sheet = workbook.addWorksheet('Bands', { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: printOnePageWide('landscape') })
  ;[16, 10, 14, 10, 10, 12, 12, 18, 16, 36].forEach((width, i) => (sheet.getColumn(i + 1).width = width))
  setText(sheet.getCell('A1'), `Score bands — ${scorecard.name}`, { font: titleFont })
  sheet.getCell('A2').value =
    (words.kind === 'retained' && report.outcome === 'won'
      ? `${report.n.toLocaleString('en-US')} customers (retained vs churned); ${report.excludedOpen.toLocaleString('en-US')} without a churn value left out. `
      : `${report.n.toLocaleString('en-US')} decided deals (${OUTCOME_WORDS[report.outcome]}); ${report.excludedOpen.toLocaleString('en-US')} open or unmapped deals left out. `) +
    `${capitalize(words.rate)} intervals are Wilson 95%. These figures describe the history at the exported points; they do not recalculate.`
  sheet.getCell('A2').font = noteFont
  let r = 3
  const table = (title: string, bands: readonly SimulationBand[], fillOf: (band: SimulationBand) => ExcelJS.Fill | undefined) => {
    r++
    sheet.getCell(`A${r}`).value = title
    sheet.getCell(`A${r}`).font = sectionFont
    const header = sheet.getRow(++r)
    headers(words).forEach((label, i) => {
      header.getCell(i + 1).value = label
      header.getCell(i + 1).style = { ...headerStyle }
    })
    const first = r
    for (const band of bands) {
      const row = sheet.getRow(++r)
      const fill = fillOf(band)
      setText(row.getCell(1), band.name, fill ? { font: { bold: true }, fill } : { font: { bold: true } })
      row.getCell(2).value = band.from === null ? 'knocked out' : `${band.from}-${band.to}`
      row.getCell(3).value = band.n
      row.getCell(4).value = band.wins
      const rates: Array<[number, number | null]> = [
        [5, band.winRate],
        [6, band.ci[0]],
        [7, band.ci[1]]
      ]
      for (const [col, rate] of rates) {
        row.getCell(col).value = rate ?? 'n/a'
        row.getCell(col).numFmt = NUMBER_FORMATS.percent
      }
      row.getCell(8).value = band.medianCycleDays ?? 'n/a'
      row.getCell(9).value = band.meanWonAmount ?? 'n/a'
      row.getCell(9).numFmt = NUMBER_FORMATS.thousands
      if (band.tooSmall) {
        row.getCell(10).value = `Fewer than 30 ${words.decided}: read as a hint`
        row.getCell(10).font = noteFont
      }
      for (const col of [3, 4, 8]) row.getCell(col).numFmt = NUMBER_FORMATS.thousands
    }
    if (bands.length > 0 && title === 'Score bands') sheet.autoFilter = `A${first}:J${r}`
    r++
  }
  const tierColor = new Map(scorecard.tiers.map((t) => [t.name, t.color]))
  table('Score bands', report.bands, (band) => (band.from === null ? disqualifiedFill : undefined))
  table('Tiers', report.tiers, (band) => (band.from === null ? disqualifiedFill : tierFill(tierColor.get(band.name))))
  sheet.commit()
}
