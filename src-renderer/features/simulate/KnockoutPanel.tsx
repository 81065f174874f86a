import type { SimulationReport } from '@shared/domain/simulation'
import { count, revenue } from './simulate-format'

/** What each knockout would have cost in the past: the won deals it would have thrown away. */
export function KnockoutPanel({ report }: { report: SimulationReport }) {
  return (
    <section className="panel" aria-labelledby="sim-knockouts-title">
      <header className="panel__header">
        <h3 id="sim-knockouts-title">Knockout backtest</h3>
        <p className="panel__hint">Won deals each knockout would have disqualified, had it been in place.</p>
      </header>
      {report.knockouts.length === 0 ? (
        <p className="muted">This scorecard has no knockouts. Add them in Scorecards or from Discover&apos;s anti-ICP list.</p>
      ) : (
        <table className="values-table sim-table" aria-label="Knockout backtest">
          <thead>
            <tr>
              <th scope="col">Knockout</th>
              <th scope="col" className="num">
                Won deals removed
              </th>
              <th scope="col" className="num">
                Won revenue removed
              </th>
            </tr>
          </thead>
          <tbody>
            {report.knockouts.map((k) => (
              <tr key={k.name}>
                <th scope="row">{k.name}</th>
                <td className={`num${k.wonDealsRemoved > 0 ? ' down' : ''}`}>{count(k.wonDealsRemoved)}</td>
                <td className="num">{revenue(k.wonRevenueRemoved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
