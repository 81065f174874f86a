import type { JoinReport } from '@shared/domain/import'
import type { JoinList } from '../../../stores/data-store'
import { formatCount, formatPercent } from '../data-format'

interface JoinReportViewProps {
  report: JoinReport
  onOpen(list: JoinList): void
}

/** The join's three numbers, each opening the list behind it so a bad match can be traced to rows. */
export function JoinReportView({ report, onOpen }: JoinReportViewProps) {
  const deals = report.matchedDeals + report.unmatchedDeals
  const accounts = report.accountsWithDeals + report.accountsWithoutDeals
  const tiles: ReadonlyArray<{ list: JoinList; label: string; value: number; note: string; tone: string }> = [
    {
      list: 'matched-deals',
      label: 'Matched deals',
      value: report.matchedDeals,
      note: `${formatPercent(report.matchedDeals, deals)} of deals`,
      tone: 'good'
    },
    {
      list: 'unmatched-deals',
      label: 'Unmatched deals',
      value: report.unmatchedDeals,
      note: report.unmatchedDeals === 0 ? 'every deal has its account' : 'left out of account-level analysis',
      tone: report.unmatchedDeals > 0 ? 'warn' : 'good'
    },
    {
      list: 'accounts-without-deals',
      label: 'Accounts without deals',
      value: report.accountsWithoutDeals,
      note: `${formatPercent(report.accountsWithoutDeals, accounts)} of accounts`,
      tone: 'plain'
    }
  ]
  return (
    <div className="join-report" aria-label="Join report">
      {tiles.map((tile) => (
        <button
          key={tile.list}
          type="button"
          className={`join-report__tile join-report__tile--${tile.tone}`}
          aria-label={`${tile.label}: ${formatCount(tile.value)}. Show the list`}
          onClick={() => onOpen(tile.list)}
        >
          <span className="join-report__label">{tile.label}</span>
          <span className="join-report__value">{formatCount(tile.value)}</span>
          <span className="join-report__note">{tile.note}</span>
        </button>
      ))}
    </div>
  )
}
