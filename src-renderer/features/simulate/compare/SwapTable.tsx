import { ChevronLeft, ChevronRight, LogIn, LogOut } from 'lucide-react'
import type { CompareReport, CompareSwap } from '@shared/domain/simulation'
import { useCompareReport } from '../../../queries/compare-queries'
import { SWAP_PAGE, useCompareStore, type SwapList } from '../../../stores/compare-store'
import { SIDE_LABELS } from './CompareSetup'

function TierScore({ tier, score, top }: { tier: string; score: number | null; top: boolean }) {
  return (
    <span className={`cmp-tier${top ? ' cmp-tier--top' : ''}`}>
      <span className="cmp-tier__name">{tier}</span>
      <span className="cmp-tier__score">{score === null ? '—' : score}</span>
    </span>
  )
}

/** One side of the swap set, a page at a time: who would be worked under one scorecard and not the other. */
export function SwapTable({ list, report }: { list: SwapList; report: CompareReport }) {
  const page = report[list]
  const loading = useCompareReport().isFetching
  const entering = list === 'entering'
  const title = entering ? 'Entering the top tier' : 'Leaving the top tier'
  // The one rule every screen and export scores an account by (shared/engine/representative-deals.ts).
  const rule = 'Each account is scored by its most recent deal.'
  const hint = entering
    ? `Top tier (${report.b.topTier}) under the challenger, not under the baseline. ${rule}`
    : `Top tier (${report.a.topTier}) under the baseline, not under the challenger. ${rule}`
  const first = page.total === 0 ? 0 : page.offset + 1
  const last = page.offset + page.rows.length
  const go = (offset: number): void => useCompareStore.getState().page(list, offset)
  const Icon = entering ? LogIn : LogOut
  const titleId = `cmp-${list}-title`
  const row = (swap: CompareSwap, i: number) => (
    <tr key={`${swap.accountId}-${i}`}>
      <th scope="row" title={swap.accountName}>
        {swap.accountName || <span className="muted">(no name)</span>}
      </th>
      <td className="muted cmp-id" title={swap.accountId}>
        {swap.accountId}
      </td>
      <td className="num">
        <TierScore tier={swap.tierA} score={swap.scoreA} top={!entering} />
      </td>
      <td className="num">
        <TierScore tier={swap.tierB} score={swap.scoreB} top={entering} />
      </td>
    </tr>
  )
  return (
    <section className={`panel cmp-swaps cmp-swaps--${list}`} aria-labelledby={titleId}>
      <header className="panel__header panel__header--row">
        <div>
          <h3 id={titleId}>
            <Icon size={16} aria-hidden className="cmp-swaps__icon" />
            {title}
            <span className="cmp-count">{page.total.toLocaleString()}</span>
          </h3>
          <p className="panel__hint">{hint}</p>
        </div>
      </header>
      {page.total === 0 ? (
        <p className="empty-note">No account {entering ? 'enters' : 'leaves'} the top tier.</p>
      ) : (
        <>
          {/* Focusable so a keyboard user can scroll a table wider than the panel. */}
          <div className="scroll-x" tabIndex={0} role="region" aria-label={`${title}, scrollable`}>
            <table
              className="values-table sim-table cmp-table"
              aria-label={`Accounts ${entering ? 'entering' : 'leaving'} the top tier`}
              aria-busy={loading}
            >
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">ID</th>
                  <th scope="col" className="num">
                    {SIDE_LABELS.a}
                  </th>
                  <th scope="col" className="num">
                    {SIDE_LABELS.b}
                  </th>
                </tr>
              </thead>
              <tbody>{page.rows.map(row)}</tbody>
            </table>
          </div>
          <nav className="pager" aria-label={`${title}: pages`}>
            <span className="pager__range" role="status">
              {first.toLocaleString()}–{last.toLocaleString()} of {page.total.toLocaleString()}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={page.offset === 0 || loading}
              onClick={() => go(page.offset - SWAP_PAGE)}
            >
              <ChevronLeft size={14} aria-hidden />
              Previous
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={last >= page.total || loading}
              onClick={() => go(page.offset + SWAP_PAGE)}
            >
              Next
              <ChevronRight size={14} aria-hidden />
            </button>
          </nav>
        </>
      )}
    </section>
  )
}
