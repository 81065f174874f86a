import type { SimulationReport } from '@shared/domain/simulation'
import { useSimulateStore } from '../../stores/simulate-store'
import { capitalize } from '@shared/format'
import { count, fixed, lift, pct, psiReading } from './simulate-format'
import type { SuccessWords } from './use-success-words'

type Period = NonNullable<SimulationReport['outOfTime']>['before']

function rows(words: SuccessWords): ReadonlyArray<{ label: string; show(p: Period): string }> {
  return [
    { label: capitalize(words.deals), show: (p) => count(p.n) },
    { label: capitalize(words.wins), show: (p) => count(p.wins) },
    { label: `${words.rate} above`, show: (p) => pct(p.winRateAbove) },
    { label: 'Lift', show: (p) => lift(p.lift) },
    { label: 'AUC', show: (p) => fixed(p.auc, 3) }
  ]
}

/** Does the scorecard hold up on deals it was not tuned on? Older against newer, and how far scores drifted. */
export function OutOfTimePanel({ report, words }: { report: SimulationReport; words: SuccessWords }) {
  const splitDate = useSimulateStore((s) => s.splitDate)
  const { setSplitDate } = useSimulateStore.getState()
  const oot = report.outOfTime
  const reading = oot ? psiReading(oot.psi) : null
  return (
    <section className="panel" aria-labelledby="sim-oot-title">
      <header className="panel__header panel__header--row">
        <div>
          <h3 id="sim-oot-title">Out of time</h3>
          <p className="panel__hint">
            {capitalize(words.deals)} {words.dated} before a date against those {words.dated} on or after it, at the same threshold.
          </p>
        </div>
        <label className="field sim-oot__date">
          <span className="field__label">Split date</span>
          <input className="input" type="date" value={splitDate} onChange={(e) => setSplitDate(e.target.value)} />
        </label>
      </header>
      {oot && reading ? (
        <div className="sim-oot">
          <table className="values-table sim-table" aria-label="Out-of-time periods">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Figure</span>
                </th>
                <th scope="col" className="num">
                  Before {oot.splitDate}
                </th>
                <th scope="col" className="num">
                  From {oot.splitDate}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows(words).map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.show(oot.before)}</td>
                  <td className="num">{r.show(oot.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={`sim-psi sim-psi--${reading.tone}`} role="group" aria-label="Score drift">
            <span className="sim-card__name">Score drift (PSI)</span>
            <span className="sim-psi__value">{fixed(oot.psi, 3)}</span>
            <span>{reading.label}</span>
            <span className="muted sim-psi__scale">under 0.1 stable · 0.1–0.25 some drift · over 0.25 major drift</span>
          </div>
        </div>
      ) : (
        <p className="muted">Pick a split date to see whether the scorecard holds up on newer {words.deals}.</p>
      )}
    </section>
  )
}
