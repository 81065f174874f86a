import type { SimulationReport } from '@shared/domain/simulation'
import { capitalize } from '@shared/format'
import { count, revenue } from './simulate-format'
import type { SuccessWords } from './use-success-words'

/** What each knockout would have cost in the past: the won deals (a churn study's retained customers) it would have thrown away. */
export function KnockoutPanel({ report, words }: { report: SimulationReport; words: SuccessWords }) {
  const won = capitalize(words.won)
  return (
    <section className="panel" aria-labelledby="sim-knockouts-title">
      <header className="panel__header">
        <h3 id="sim-knockouts-title">Knockout backtest</h3>
        <p className="panel__hint">
          {won} {words.deals} each knockout would have disqualified, had it been in place.
        </p>
      </header>
      {report.knockouts.length === 0 ? (
        <p className="muted">This scorecard has no knockouts. Add them in Scorecards or from Discover&apos;s anti-ICP list.</p>
      ) : (
        <table className="values-table sim-table" aria-label="Knockout backtest">
          <thead>
            <tr>
              <th scope="col">Knockout</th>
              <th scope="col" className="num">
                {won} {words.deals} removed
              </th>
              <th scope="col" className="num">
                {won} revenue removed
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
