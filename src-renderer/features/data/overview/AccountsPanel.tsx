import { useCallback, useEffect, useState } from 'react'
import type { AccountRecord } from '@shared/engine/account-view'
import { useDatasetVersion } from '../../../queries/dataset-queries'
import { useDataStore } from '../../../stores/data-store'
import { formatCount } from '../data-format'
import { PagedGrid } from './PagedGrid'

type OutcomeFilter = 'all' | 'won' | 'lost' | 'open'

const HEADERS = ['Account', 'Account ID', 'Outcome', 'Deals', 'Won', 'Lost', 'Open', 'First deal', 'Last deal', 'Won amount']
const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const day = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10))
const OUTCOME_LABELS = { won: 'Won', lost: 'Lost', open: 'Open' } as const

function cells(account: AccountRecord): string[] {
  return [
    account.accountName,
    account.accountId,
    OUTCOME_LABELS[account.outcome],
    formatCount(account.deals),
    formatCount(account.won),
    formatCount(account.lost),
    formatCount(account.open),
    day(account.firstDealAt),
    day(account.lastDealAt),
    account.wonAmount > 0 ? money.format(account.wonAmount) : ''
  ]
}

/**
 * The accounts as the analysis sees them: every deal of an account folded into one record,
 * won when any of its deals was won, lost when all of them were, open otherwise.
 */
export function AccountsPanel() {
  const [filter, setFilter] = useState<OutcomeFilter>('all')
  const [counts, setCounts] = useState<{ won: number; lost: number; open: number } | null>(null)
  const version = useDatasetVersion()
  const fetchAccounts = useDataStore((s) => s.fetchAccounts)

  useEffect(() => {
    void fetchAccounts('all', 0, 1).then(
      (page) => setCounts(page.counts),
      () => setCounts(null)
    )
  }, [fetchAccounts, version])

  const total = counts ? counts.won + counts.lost + counts.open : null
  const options: Array<{ id: OutcomeFilter; label: string; count: number | null }> = [
    { id: 'all', label: 'All with deals', count: total },
    { id: 'won', label: 'Won', count: counts?.won ?? null },
    { id: 'lost', label: 'Lost', count: counts?.lost ?? null },
    { id: 'open', label: 'Still open', count: counts?.open ?? null }
  ]

  return (
    <div className="stack">
      <div className="toolbar">
        <div className="segmented" role="radiogroup" aria-label="Show accounts">
          {options.map((option) => (
            <label key={option.id} className="segmented__option">
              <input type="radio" name="account-outcome" checked={filter === option.id} onChange={() => setFilter(option.id)} />
              <span>
                {option.label}
                {option.count !== null ? <strong>{formatCount(option.count)}</strong> : null}
              </span>
            </label>
          ))}
        </div>
        <p className="toolbar__hint">
          An account is won when any of its deals was won, lost when all of them were lost, and open while a deal is open and none was won.
        </p>
      </div>
      <AccountsGrid key={`${filter}-${version}`} filter={filter} />
    </div>
  )
}

function AccountsGrid({ filter }: { filter: OutcomeFilter }) {
  const fetchAccounts = useDataStore((s) => s.fetchAccounts)
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const page = await fetchAccounts(filter, offset, limit)
      return { total: page.total, headers: HEADERS, rows: page.rows.map(cells) }
    },
    [fetchAccounts, filter]
  )
  return <PagedGrid label="Accounts derived from the deals" fetchPage={fetchPage} loading="Loading accounts…" />
}
