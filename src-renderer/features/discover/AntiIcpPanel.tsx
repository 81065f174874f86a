import { ErrorNotice } from '../../components/ErrorNotice'
import { errorShapeOf } from '../../api/api-client'
import { useAntiIcp } from '../../queries/discover-queries'
import { useDiscoverStore } from '../../stores/discover-store'
import { count, interval, lift, pct, revenue } from './discover-format'
import { KnockoutButton } from './KnockoutButton'
import { useAttributeLabel } from '../data/use-attribute-label'
import { useTargetWords } from './use-target-words'

/** Values over-represented among lost deals (or churned customers), and what knocking each out would have cost. */
export function AntiIcpPanel() {
  const label = useAttributeLabel()
  const target = useDiscoverStore((s) => s.target)
  // An account's churned column, or a churn study's own outcome (useTargetWords decides): customers who left, not lost deals.
  const retained = useTargetWords(target).positive === 'retained'
  const anti = useAntiIcp(target)
  const knockoutError = useDiscoverStore((s) => s.errors.antiIcp ?? null)
  const { dismiss } = useDiscoverStore.getState()
  const entries = anti.data ?? []

  return (
    <section className="panel" aria-labelledby="anti-title">
      <header className="panel__header">
        <h3 id="anti-title">Anti-ICP: candidate knockouts</h3>
        <p className="panel__hint">
          Values over-represented among {retained ? 'churned customers' : 'lost deals'}. The cost is what a knockout would have removed from
          history.
        </p>
      </header>
      {knockoutError ? <ErrorNotice error={knockoutError} onDismiss={() => dismiss('antiIcp')} /> : null}
      {anti.error ? (
        <div className="stack">
          <ErrorNotice error={errorShapeOf(anti.error)} />
          <div>
            <button type="button" className="button button--secondary button--small" onClick={() => void anti.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : anti.isPending ? (
        <p className="empty-note" role="status">
          Looking for values that predict {retained ? 'churn' : 'losses'}…
        </p>
      ) : anti.data && entries.length === 0 ? (
        // The rule, not a verdict on the data: a value can churn (or lose) well above the rest and
        // still be no knockout (telco's month-to-month contracts keep 57% against 73%).
        <p className="empty-note">
          {retained
            ? 'No value keeps customers at half the overall retention rate or less, on enough customers to tell: nothing to knock out.'
            : 'No value wins at half the overall win rate or less, on enough deals to tell: nothing to knock out.'}
        </p>
      ) : entries.length > 0 ? (
        <div className="scroll-x">
          <table className="list-table anti-table">
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col" className="num">
                  {retained ? 'Retention' : 'Win rate'} (95%)
                </th>
                <th scope="col" className="num">
                  Lift
                </th>
                <th scope="col" className="num">
                  Cost of a knockout
                </th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.attribute}:${e.label}`}>
                  <th scope="row">
                    <span className="anti-table__attr">{label(e.attribute)}</span>
                    <span className="anti-table__value">{e.label}</span>
                  </th>
                  <td className="num">{count(e.n)}</td>
                  <td className="num">
                    {pct(e.rate)} <span className="muted">({interval(e.ci)})</span>
                  </td>
                  <td className="num down">{lift(e.lift)}</td>
                  <td className="num">
                    {count(e.wonDealsRemoved)} {retained ? 'retained customers' : 'won deals'} · {revenue(e.wonRevenueRemoved)} revenue
                    <span className="muted">{` · ${count(e.lostDealsRemoved)} ${retained ? 'churned' : 'lost'} avoided`}</span>
                  </td>
                  <td>
                    <KnockoutButton name={`${e.attribute}: ${e.label}`} condition={e.condition} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
