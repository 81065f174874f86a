import type ExcelJS from 'exceljs'
import type { Style } from 'exceljs'
import type { OnePagerBlockId, OnePagerContent } from '@shared/domain/one-pager'
import { ONE_PAGER_BLOCK_LABELS } from '@shared/export/default-one-pager'
import { setText } from './workbook-cells'
import { argb, headerStyle, labelFont, noteFont, NUMBER_FORMATS, sectionFont, tierFill, titleFont, wrapTop } from './workbook-styles'

/**
 * The "ICP" sheet: the one-pager's content as a readable sheet, block by block in the order and
 * with the visibility the consultant chose; free text nobody wrote is left out, not invented.
 */
export function writeIcpSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: OnePagerContent): void {
  const { document, scorecard, evidence } = content
  const sheet = workbook.addWorksheet('ICP', { properties: { tabColor: { argb: argb(document.brandColor) } }, views: [{ showGridLines: false }] })
  const widths = [26, 44, 16, 14, 20]
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width))
  // Merged cells do not grow to fit wrapped text, so the row is sized from the text's length.
  const mergedWidth = widths.slice(1).reduce((a, b) => a + b, 0)
  let r = 0
  const row = () => sheet.getRow(++r)
  const blank = () => void ++r
  const title = (text: string) => {
    blank()
    setText(row().getCell(1), text, { font: { ...sectionFont, color: { argb: argb(document.brandColor) } } })
  }
  const line = (label: string, text: string, style?: Partial<Style>) => {
    if (!text.trim()) return
    const target = row()
    setText(target.getCell(1), label, { font: labelFont, alignment: wrapTop })
    setText(target.getCell(2), text, { alignment: wrapTop, ...style })
    sheet.mergeCells(r, 2, r, 5)
    const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (mergedWidth * 0.95))), 0)
    if (lines > 1) target.height = 15 * lines
  }
  const header = (labels: string[]) => {
    const target = row()
    target.height = 30
    labels.forEach((label, i) => {
      target.getCell(i + 1).value = label
      target.getCell(i + 1).style = { ...headerStyle }
    })
  }
  const percent = (rate: number | null) => (rate === null ? 'n/a' : rate)

  const blocks: Record<OnePagerBlockId, () => void> = {
    header: () => {
      setText(row().getCell(1), document.clientName || 'Ideal Customer Profile', { font: titleFont })
      line('Scorecard', scorecard.version ? `${scorecard.name} (${scorecard.version})` : scorecard.name)
      line('Date', document.date)
      line('Prepared by', document.preparedBy)
    },
    statement: () => {
      const statements = document.statements.filter((s) => s.trim())
      if (statements.length === 0) return
      title(ONE_PAGER_BLOCK_LABELS.statement)
      statements.forEach((statement, i) => line(`${i + 1}.`, statement))
    },
    definition: () => {
      title(ONE_PAGER_BLOCK_LABELS.definition)
      header(['Category', 'Attribute: what qualifies', 'Points', 'Budget'])
      for (const category of scorecard.categories) {
        category.criteria.forEach((criterion, i) => {
          const target = row()
          if (i === 0) setText(target.getCell(1), category.name, { font: labelFont })
          setText(target.getCell(2), `${criterion.attribute} ${criterion.qualifies}`, { alignment: wrapTop })
          target.getCell(3).value = criterion.points
          target.getCell(3).numFmt = NUMBER_FORMATS.points
          if (i === 0) target.getCell(4).value = category.budget
        })
      }
    },
    scorecard: () => {
      title(ONE_PAGER_BLOCK_LABELS.scorecard)
      header(['Tier', 'Scores', 'Decided deals', 'Win rate', 'Median cycle (days)'])
      scorecard.tiers.forEach((tier, t) => {
        const target = row()
        const above = scorecard.tiers[t - 1]
        const from = t === scorecard.tiers.length - 1 ? 0 : tier.min
        const found = evidence.tiers.find((e) => e.name === tier.name)
        setText(target.getCell(1), tier.name, { font: { bold: true }, fill: tierFill(tier.color) })
        target.getCell(2).value = `${from}-${above ? above.min - 1 : 100}`
        target.getCell(3).value = found?.deals ?? 0
        target.getCell(3).numFmt = NUMBER_FORMATS.thousands
        target.getCell(4).value = percent(found?.winRate ?? null)
        target.getCell(4).numFmt = NUMBER_FORMATS.percent
        if (found?.medianCycleDays !== null && found?.medianCycleDays !== undefined) target.getCell(5).value = found.medianCycleDays
        if (found?.small && found.deals > 0) target.getCell(3).note = 'Fewer than 30 decided deals: read the win rate as a hint.'
      })
    },
    disqualifiers: () => {
      if (scorecard.disqualifiers.length === 0) return
      title(ONE_PAGER_BLOCK_LABELS.disqualifiers)
      for (const text of scorecard.disqualifiers) line('Disqualify', text)
    },
    buying: () => {
      if (![document.economicBuyer, document.champion, document.triggers].some((t) => t.trim())) return
      title(ONE_PAGER_BLOCK_LABELS.buying)
      line('Economic buyer', document.economicBuyer)
      line('Champion', document.champion)
      line('Triggers', document.triggers)
    },
    channels: () => {
      const { outbound, content: contentChannel, partners, marketplaces } = document.channels
      if (![outbound, contentChannel, partners, marketplaces].some((t) => t.trim())) return
      title(ONE_PAGER_BLOCK_LABELS.channels)
      line('Outbound', outbound)
      line('Content', contentChannel)
      line('Partners', partners)
      line('Marketplaces', marketplaces)
    },
    messaging: () => {
      const { target, context, cost, change } = document.messaging
      if (![target, context, cost, change].some((t) => t.trim())) return
      title(ONE_PAGER_BLOCK_LABELS.messaging)
      line('Target', target)
      line('Context', context)
      line('Cost of doing nothing', cost)
      line('Change', change)
    },
    evidence: () => {
      title(ONE_PAGER_BLOCK_LABELS.evidence)
      const figure = (label: string, value: number | string | null, numFmt?: string) => {
        const target = row()
        setText(target.getCell(1), label, { font: labelFont })
        target.getCell(2).value = value ?? 'n/a'
        if (numFmt && typeof value === 'number') target.getCell(2).numFmt = numFmt
        target.getCell(2).alignment = { horizontal: 'left' }
      }
      figure('Decided deals', evidence.deals, NUMBER_FORMATS.thousands)
      figure('Won deals', evidence.wins, NUMBER_FORMATS.thousands)
      figure('Closed between', evidence.firstClosed && evidence.lastClosed ? `${evidence.firstClosed} and ${evidence.lastClosed}` : null)
      figure('AUC', evidence.auc, '0.000')
      if (evidence.topTier) {
        figure(`Win rate in ${evidence.topTier.name}`, evidence.topTier.winRate, NUMBER_FORMATS.percent)
        figure(`Lift of ${evidence.topTier.name}`, evidence.topTier.lift, '0.00"×"')
      }
      for (const note of evidence.notes) line('Note', note, { font: noteFont, alignment: wrapTop })
    },
    'core-vs-adjacent': () => {
      if (!content.adjacent) return
      title(`${ONE_PAGER_BLOCK_LABELS['core-vs-adjacent']}: ${content.adjacent.name}`)
      header(['Category', 'Attribute: what qualifies', 'Points'])
      for (const category of content.adjacent.categories) {
        category.criteria.forEach((criterion, i) => {
          const target = row()
          if (i === 0) setText(target.getCell(1), category.name, { font: labelFont })
          setText(target.getCell(2), `${criterion.attribute} ${criterion.qualifies}`, { alignment: wrapTop })
          target.getCell(3).value = criterion.points
          target.getCell(3).numFmt = NUMBER_FORMATS.points
        })
      }
    }
  }
  for (const block of document.blocks) if (block.visible) blocks[block.id]()
  sheet.commit()
}
