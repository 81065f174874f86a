import type { DatasetSummary } from '@shared/domain/import'
import { StackedBar } from '../../../components/StackedBar'
import { formatCount, formatPercent } from '../data-format'
import { OutcomeLegend } from '../OutcomeLegend'

/** The numbers a consultant checks first: how many accounts and deals, and how the deals ended. */
export function SummaryStrip({ summary }: { summary: DatasetSummary }) {
  const { won, lost, open, unmapped } = summary.outcomes
  const closed = won + lost
  const segments = [
    { label: 'Won', value: won, tone: 'won' },
    { label: 'Lost', value: lost, tone: 'lost' },
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
        <span className="summary-strip__label">Deals</span>
        <span className="summary-strip__value">{formatCount(summary.dealCount)}</span>
      </div>
      <div className="summary-strip__stat">
        <span className="summary-strip__label">Win rate</span>
        <span className="summary-strip__value" title="Won deals among deals closed won or lost">
          {closed > 0 ? formatPercent(won, closed) : '—'}
        </span>
      </div>
      <div className="summary-strip__outcomes">
        <span className="summary-strip__label">Outcomes</span>
        <StackedBar
          segments={segments}
          label={`${formatCount(won)} won, ${formatCount(lost)} lost, ${formatCount(open)} open, ${formatCount(unmapped)} not mapped`}
        />
        <OutcomeLegend segments={segments} />
      </div>
    </section>
  )
}
