import type ExcelJS from 'exceljs'
import { capitalize } from '@shared/format'
import type { Style } from 'exceljs'
import type { OnePagerBlockId, OnePagerContent } from '@shared/domain/one-pager'
import { heldOutPart } from '@shared/engine/discover'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import { ONE_PAGER_BLOCK_LABELS } from '@shared/export/default-one-pager'
import type { ScoredAccountsTable } from '@shared/export/scored-accounts'
import { icpFormulas, type ScorecardLayout } from '@shared/export/workbook-formulas'
import { setText } from './workbook-cells'
import { printOnePageWide } from './workbook-print-setup'
import { argb, headerStyle, labelFont, noteFont, NUMBER_FORMATS, sectionFont, tierFill, titleFont, wrapTop } from './workbook-styles'

/** Marks a figure that is the history at the exported points: it does not follow an edit. */
export const AS_EXPORTED = 'as exported'

/** Accounts per tier (and Disqualified) by outcome: the cached results of the live formulas. */
function accountCounts(table: ScoredAccountsTable): Map<string, { accounts: number; won: number; lost: number }> {
  const counts = new Map<string, { accounts: number; won: number; lost: number }>()
  for (const account of table.accounts) {
    const count = counts.get(account.tier) ?? { accounts: 0, won: 0, lost: 0 }
    count.accounts++
    if (account.outcome === 'won') count.won++
    else if (account.outcome === 'lost') count.lost++
    counts.set(account.tier, count)
  }
  return counts
}

/** The scorecard's criteria of one category, as indexes, in the order the one-pager lists them. */
function criteriaOf(scorecard: Scorecard, category: string): number[] {
  return scorecard.criteria.flatMap((c, i) => (c.category === category ? [i] : []))
}

/**
 * The "ICP" sheet: the one-pager's content as a readable sheet, block by block in the order and
 * with the visibility the consultant chose; free text nobody wrote is left out, not invented.
 */
export function writeIcpSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  content: OnePagerContent,
  exported: Scorecard,
  layout: ScorecardLayout,
  table: ScoredAccountsTable
): void {
  const { document, scorecard, evidence } = content
  const words = content.outcomeWords
  const sheet = workbook.addWorksheet('ICP', {
    properties: { tabColor: { argb: argb(document.brandColor) } },
    views: [{ showGridLines: false }],
    pageSetup: printOnePageWide('portrait')
  })
  const live = icpFormulas(layout, { tier: 'D', outcome: 'H', lastRow: table.accounts.length + 1, labels: table.labels })
  const counts = accountCounts(table)
  const widths = [26, 44, 12, 12, 12, 12, 14, 14, 14]
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
  const ratio = (won: number, lost: number) => (won + lost === 0 ? 'n/a' : won / (won + lost))
  const formula = (target: ExcelJS.Cell, text: string, result: number | string, numFmt?: string) => {
    target.value = { formula: text, result }
    if (numFmt) target.numFmt = numFmt
  }

  const blocks: Record<OnePagerBlockId, () => void> = {
    header: () => {
      setText(row().getCell(1), document.clientName || 'Ideal Customer Profile', { font: titleFont })
      line('Scorecard', scorecard.version ? `${scorecard.name} (${scorecard.version})` : scorecard.name)
      line('Date', document.date)
      line('Prepared by', document.preparedBy)
      line('Verdict', content.analysis.headline, { font: { bold: true }, alignment: wrapTop })
    },
    statement: () => {
      const statements = document.statements.filter((s) => s.trim())
      const { strength, dataNeeded } = content.analysis
      if (statements.length === 0 && dataNeeded.length === 0) return
      title(strength === 'none' ? 'Hypotheses to test' : ONE_PAGER_BLOCK_LABELS.statement)
      statements.forEach((statement, i) => {
        line(`${i + 1}.`, statement)
        // As on the page: a drafted sentence keeps its evidence; an edited one is the consultant's own.
        const at = content.draftedStatements.findIndex((drafted) => drafted.trim() === statement.trim())
        const evidence = at >= 0 ? content.statementEvidence[at] : null
        if (evidence) line('', evidence, { font: noteFont, alignment: wrapTop })
      })
      for (const need of dataNeeded) line('To settle', need, { alignment: wrapTop })
    },
    definition: () => {
      title(ONE_PAGER_BLOCK_LABELS.definition)
      header(['Category', 'Attribute: what qualifies', 'Points', 'Budget'])
      for (const category of scorecard.categories) {
        // Points are read from the Scorecard sheet, so they follow the client's edits there.
        const indexes = criteriaOf(exported, category.name)
        const paired = indexes.length === category.criteria.length
        category.criteria.forEach((criterion, i) => {
          const target = row()
          if (i === 0) setText(target.getCell(1), category.name, { font: labelFont })
          setText(target.getCell(2), `${criterion.attribute} ${criterion.qualifies}`, { alignment: wrapTop })
          if (criterion.evidence)
            target.getCell(2).note = `${criterion.supported ? 'Holds up on its own' : 'Does not hold up on its own'}: ${criterion.evidence}`
          if (paired) formula(target.getCell(3), live.points(indexes[i]!), criterion.points, NUMBER_FORMATS.points)
          else target.getCell(3).value = criterion.points
          target.getCell(3).numFmt = NUMBER_FORMATS.points
          if (i === 0) target.getCell(4).value = category.budget
        })
      }
    },
    scorecard: () => {
      title(ONE_PAGER_BLOCK_LABELS.scorecard)
      line(
        '',
        `Scores, accounts and account ${words.rate}s follow the Scorecard sheet; the columns marked "${AS_EXPORTED}" are the ${words.decided} at the exported points (as on the one-pager and the Bands sheet) and do not change.`,
        {
          font: noteFont,
          alignment: wrapTop
        }
      )
      header([
        'Tier',
        'Scores',
        'Accounts',
        'Decided accounts',
        `${capitalize(words.won)} accounts`,
        `${capitalize(words.rate)} (accounts)`,
        `${capitalize(words.decided)} (${AS_EXPORTED})`,
        `${capitalize(words.rate)} (${words.records}, ${AS_EXPORTED})`,
        `Median ${words.kind === 'retained' ? 'tenure' : 'cycle'}, days (${AS_EXPORTED})`
      ])
      const tierCount = exported.tiers.length
      // The exported scorecard's tiers are the Scorecard sheet's rows; the one-pager's are the same list.
      scorecard.tiers.forEach((tier, t) => {
        const target = row()
        const above = scorecard.tiers[t - 1]
        const from = t === scorecard.tiers.length - 1 ? 0 : tier.min
        const found = evidence.tiers.find((e) => e.name === tier.name)
        const count = counts.get(tier.name) ?? { accounts: 0, won: 0, lost: 0 }
        const onSheet = t < tierCount && exported.tiers[t]!.name === tier.name
        setText(target.getCell(1), tier.name, { font: { bold: true }, fill: tierFill(tier.color) })
        const scores = `${from}-${above ? above.min - 1 : 100}`
        if (onSheet) {
          formula(target.getCell(2), live.scores(t, tierCount), scores)
          formula(target.getCell(3), live.accounts(t), count.accounts, NUMBER_FORMATS.thousands)
          formula(target.getCell(4), live.decided(t), count.won + count.lost, NUMBER_FORMATS.thousands)
          formula(target.getCell(5), live.won(t), count.won, NUMBER_FORMATS.thousands)
          formula(target.getCell(6), live.winRate(t), ratio(count.won, count.lost), NUMBER_FORMATS.percent)
        } else {
          target.getCell(2).value = scores
        }
        target.getCell(7).value = found?.deals ?? 0
        target.getCell(7).numFmt = NUMBER_FORMATS.thousands
        target.getCell(8).value = percent(found?.winRate ?? null)
        target.getCell(8).numFmt = NUMBER_FORMATS.percent
        if (found?.medianCycleDays !== null && found?.medianCycleDays !== undefined) target.getCell(9).value = found.medianCycleDays
        if (found?.small && found.deals > 0) target.getCell(7).note = `Fewer than 30 ${words.decided}: read the ${words.rate} as a hint.`
      })
      if (tierCount > 0) {
        const target = row()
        const count = counts.get(DISQUALIFIED) ?? { accounts: 0, won: 0, lost: 0 }
        setText(target.getCell(1), DISQUALIFIED, { font: { bold: true } })
        target.getCell(2).value = 'knocked out'
        formula(target.getCell(3), live.accounts('disqualified'), count.accounts, NUMBER_FORMATS.thousands)
        formula(target.getCell(4), live.decided('disqualified'), count.won + count.lost, NUMBER_FORMATS.thousands)
        formula(target.getCell(5), live.won('disqualified'), count.won, NUMBER_FORMATS.thousands)
        formula(target.getCell(6), live.winRate('disqualified'), ratio(count.won, count.lost), NUMBER_FORMATS.percent)
      }
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
      figure(capitalize(words.decided), evidence.deals, NUMBER_FORMATS.thousands)
      figure(`${capitalize(words.won)} ${words.records}`, evidence.wins, NUMBER_FORMATS.thousands)
      figure(
        words.kind === 'retained' ? 'Renewed or left between' : 'Closed between',
        evidence.firstClosed && evidence.lastClosed ? `${evidence.firstClosed} and ${evidence.lastClosed}` : null
      )
      figure(`AUC (${AS_EXPORTED})`, evidence.auc, '0.000')
      if (content.analysis.validation.measuredOn === 'holdout')
        figure(
          `AUC on ${heldOutPart(content.analysis.validation.kind, words.records)} (${AS_EXPORTED})`,
          content.analysis.validation.auc,
          '0.000'
        )
      if (evidence.topTier) {
        figure(
          `${capitalize(words.rate)} in ${evidence.topTier.name} (${words.records}, ${AS_EXPORTED})`,
          evidence.topTier.winRate,
          NUMBER_FORMATS.percent
        )
        figure(`Lift of ${evidence.topTier.name} (${words.records}, ${AS_EXPORTED})`, evidence.topTier.lift, '0.00"×"')
        if (exported.tiers[0]?.name === evidence.topTier.name) {
          const top = counts.get(evidence.topTier.name) ?? { accounts: 0, won: 0, lost: 0 }
          let won = 0
          let lost = 0
          for (const count of counts.values()) {
            won += count.won
            lost += count.lost
          }
          const topRate = ratio(top.won, top.lost)
          const baseRate = ratio(won, lost)
          const liftResult = typeof topRate === 'number' && typeof baseRate === 'number' && baseRate > 0 ? topRate / baseRate : 'n/a'
          const target = row()
          setText(target.getCell(1), `Lift of ${evidence.topTier.name} (accounts, live)`, { font: labelFont })
          formula(target.getCell(2), live.lift(), liftResult, '0.00"×"')
          target.getCell(2).alignment = { horizontal: 'left' }
        }
      }
      for (const note of evidence.notes) line('Note', note, { font: noteFont, alignment: wrapTop })
      line('Built on', content.analysis.builtOn, { alignment: wrapTop })
      line('Checked on', content.analysis.validatedOn, { alignment: wrapTop })
      for (const limit of content.analysis.limits) line('Limit', limit, { alignment: wrapTop })
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
