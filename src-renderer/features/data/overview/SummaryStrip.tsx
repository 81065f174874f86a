import type { DatasetSummary } from '@shared/domain/import'
import { capitalize } from '@shared/format'
import { StackedBar } from '../../../components/StackedBar'
import { formatCount, formatPercent } from '../data-format'
import { OutcomeLegend } from '../OutcomeLegend'

/** The numbers a consultant checks first: how many accounts and deals, and how the deals ended. */
export function SummaryStrip({ summary }: { summary: DatasetSummary }) {
  const { won, lost, open, unmapped } = summary.outcomes
  const closed = won + lost
  // A churn study's rows are customers who stayed or left (see useOutcomeWords).
  const words = summary.outcomeWords
  const segments = [
    { label: capitalize(words.won), value: won, tone: 'won' },
    { label: capitalize(words.lost), value: lost, tone: 'lost' },
    { label: 'Open', value: open, tone: 'open' },
    { label: 'Not mapped', value: unmapped, tone: 'unmapped' }
  ]
  return (
    <section className="summary-strip" aria-label="Dataset summary">
      <div className="summary-strip__stat">
        <span className="summary-strip__label">Accounts</span>
        <span className="summary-strip__value">{formatCount(summary.accountCount)}</span>
      </div>
      <div className="summary-strip__stat">
        <span className="summary-strip__label">{capitalize(words.records)}</span>
        <span className="summary-strip__value">{formatCount(summary.dealCount)}</span>
      </div>
      <div className="summary-strip__stat">
        <span className="summary-strip__label">{capitalize(words.rate)}</span>
        <span
          className="summary-strip__value"
          title={`${capitalize(words.won)} ${words.records} among ${words.records} ${words.won} or ${words.lost}`}
        >
          {closed > 0 ? formatPercent(won, closed) : '—'}
        </span>
      </div>
      <div className="summary-strip__outcomes">
        <span className="summary-strip__label">Outcomes</span>
        <StackedBar
          segments={segments}
          label={`${formatCount(won)} ${words.won}, ${formatCount(lost)} ${words.lost}, ${formatCount(open)} open, ${formatCount(unmapped)} not mapped`}
        />
        <OutcomeLegend segments={segments} />
      </div>
    </section>
  )
}
