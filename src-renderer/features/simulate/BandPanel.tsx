import { useId, useState } from 'react'
import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import { BandAccountsDialog } from './BandAccountsDialog'
import { BandChart } from './SimulateCharts'
import { count, days, hasSalesCycle, interval, pct, revenue } from './simulate-format'
import { useSuccessWords } from './use-success-words'

type Kind = 'tiers' | 'bands'

function range(from: number | null, to: number | null): string {
  if (from === null && to === null) return 'knocked out'
  return `${from ?? 0}–${to ?? 100}`
}

/** Tiers or fixed bands: how each slice of the score converts (or retains), with small slices marked as untrustworthy. */
export function BandPanel({ report }: { report: SimulationReport }) {
  const [kind, setKind] = useState<Kind>('tiers')
  const name = useId()
  const rows = kind === 'tiers' ? report.tiers : report.bands
  const words = useSuccessWords(report.outcome)
  const anySmall = rows.some((b) => b.tooSmall)
  const cycle = hasSalesCycle(report)
  const [opened, setOpened] = useState<SimulationBand | null>(null)
  const hint = useId()
  return (
    <section className="panel" aria-labelledby="sim-bands-title">
      <header className="panel__header panel__header--row">
        <div>
          <h3 id="sim-bands-title">{words.rate} by score</h3>
          <p className="panel__hint">Each slice of the score on its own: does a higher score really {words.better}?</p>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Group by">
          <label className="segmented__option">
            <input type="radio" name={name} checked={kind === 'tiers'} onChange={() => setKind('tiers')} />
            <span>Tiers</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name={name} checked={kind === 'bands'} onChange={() => setKind('bands')} />
            <span>Fixed bands</span>
          </label>
        </div>
      </header>
      <div className="sim-bands">
        <BandChart bands={rows} label={kind === 'tiers' ? 'tier' : 'band'} rate={words.rate} rows={words.deals} />
        <div className="scroll-x">
          <table className="values-table sim-table" aria-label="Band table">
            <thead>
              <tr>
                <th scope="col">{kind === 'tiers' ? 'Tier' : 'Band'}</th>
                {kind === 'tiers' ? (
                  <th scope="col" className="num">
                    Score
                  </th>
                ) : null}
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col" className="num">
                  {words.wins}
                </th>
                <th scope="col" className="num">
                  {words.rate}
                </th>
                <th scope="col" className="num">
                  95% interval
                </th>
                {cycle ? (
                  <th scope="col" className="num">
                    Median cycle
                  </th>
                ) : null}
                <th scope="col" className="num">
                  Mean {words.won}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => (
                <tr
                  key={b.name}
                  className={`${b.tooSmall ? 'values-table__row--small ' : ''}${b.n > 0 ? 'sim-band-row' : ''}`}
                  title={b.tooSmall ? `Fewer than 30 ${words.deals}: too small to trust` : undefined}
                  // The whole row is a mouse target; the button in its header is the keyboard one.
                  onClick={b.n > 0 ? () => setOpened(b) : undefined}
                >
                  <th scope="row">
                    {b.n > 0 ? (
                      <button
                        type="button"
                        className="sim-band-open"
                        aria-describedby={hint}
                        onClick={(e) => {
                          e.stopPropagation()
                          setOpened(b)
                        }}
                      >
                        {b.name}
                      </button>
                    ) : (
                      b.name
                    )}
                    {b.tooSmall ? <span className="flag flag--small">too small</span> : null}
                  </th>
                  {kind === 'tiers' ? <td className="num muted">{range(b.from, b.to)}</td> : null}
                  <td className="num">{count(b.n)}</td>
                  <td className="num">{count(b.wins)}</td>
                  <td className="num">{pct(b.winRate)}</td>
                  <td className="num muted">{b.n > 0 ? interval(b.ci) : '—'}</td>
                  {cycle ? <td className="num">{days(b.medianCycleDays)}</td> : null}
                  <td className="num">{b.meanWonAmount === null ? '—' : revenue(b.meanWonAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="sim-footnote">
            <span id={hint}>
              Click a {kind === 'tiers' ? 'tier' : 'band'} to list its {words.deals} with the points each criterion gave.
            </span>
            {anySmall ? ' Grey rows: fewer than 30 deals: too small to trust.' : null}
          </p>
        </div>
      </div>
      {opened ? <BandAccountsDialog band={opened} onClose={() => setOpened(null)} /> : null}
    </section>
  )
}
