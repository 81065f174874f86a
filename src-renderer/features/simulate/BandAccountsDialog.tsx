import { useEffect, useState } from 'react'
import type { ApiErrorShape } from '@shared/contract'
import type { BandAccountsPage, SimulationBand } from '@shared/domain/simulation'
import { api } from '../../api/api'
import { errorShapeOf } from '../../api/api-client'
import { Pager } from '../../components/Pager'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSimulateStore } from '../../stores/simulate-store'
import { capitalize } from '@shared/format'
import { count, pct } from './simulate-format'
import { useSuccessWords } from './use-success-words'

const PAGE = 50

const signed = (points: number): string => (points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0')

/**
 * The deals behind one row of the band table, highest score first, with the points each
 * criterion gave: the answer to "who are these accounts, and why did they score this?".
 */
export function BandAccountsDialog({ band, onClose }: { band: SimulationBand; onClose(): void }) {
  const scorecardId = useSimulateStore((s) => s.scorecardId)
  const outcome = useSimulateStore((s) => s.outcome)
  const words = useSuccessWords(outcome)
  const rows = capitalize(words.deals)
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<BandAccountsPage | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const disqualified = band.from === null

  useEffect(() => {
    if (scorecardId === null) return
    let current = true
    const range = disqualified ? { disqualified: true as const } : { from: band.from ?? 0, to: band.to ?? 100 }
    api()
      .call('simulate-band-accounts', { scorecardId, outcome, ...range, offset, limit: PAGE })
      .then((next) => {
        if (current) {
          setPage(next)
          setError(null)
        }
      })
      .catch((failure: unknown) => {
        if (current) setError(errorShapeOf(failure))
      })
    return () => {
      current = false
    }
  }, [scorecardId, outcome, band.from, band.to, disqualified, offset])

  const labels = { positive: capitalize(words.won), negative: capitalize(words.lost) }
  // A table without deal ids (a churn study's customers) would show an empty column.
  const dealIds = page?.rows.some((row) => row.dealId !== '') ?? false
  const total = page?.total ?? band.n
  const range = disqualified ? 'knocked out by a knockout rule' : `scores ${band.from ?? 0}–${band.to ?? 100}`
  const description = `${count(total)} ${words.decided} (${range}) · ${words.rate.toLowerCase()} ${pct(band.winRate)}. Highest score first; each criterion column shows the points it gave.`
  const pager = <Pager offset={offset} total={page ? total : 0} pageSize={PAGE} onChange={setOffset} />

  return (
    <Dialog title={`${rows} in ${band.name}`} description={description} width="full" onClose={onClose} footer={pager}>
      {error ? <ErrorNotice error={error} /> : null}
      {page && page.rows.length === 0 ? <p className="empty-note">No {words.decidedOne} falls in this band.</p> : null}
      {page && page.rows.length > 0 ? (
        // Scrolls both ways with many criterion columns: a tab stop so the keyboard can scroll it.
        <div className="band-deals__scroll" tabIndex={0} role="region" aria-label={`${rows} in ${band.name}, scrollable`}>
          <table className="values-table band-deals" aria-label={`${rows} in ${band.name}`}>
            <thead>
              <tr>
                <th scope="col">Account</th>
                {dealIds ? <th scope="col">{capitalize(words.deal)}</th> : null}
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Tier</th>
                <th scope="col" className="band-deals__reasons">
                  Top reasons
                </th>
                {page.criteria.map((criterion) => (
                  <th
                    key={criterion.id}
                    scope="col"
                    className="num band-deals__criterion"
                    title={`${criterion.category}: ${criterion.label} (${signed(criterion.points)})`}
                  >
                    <span>{criterion.label}</span>
                  </th>
                ))}
                {disqualified ? <th scope="col">Knocked out by</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row, i) => (
                <tr key={`${row.dealId}-${i}`}>
                  <th scope="row" title={`${row.accountName} · ${row.accountId}`}>
                    <span className="band-deals__account">{row.accountName || '(no name)'}</span>
                    <span className="band-deals__id">{row.accountId}</span>
                  </th>
                  {dealIds ? <td className="muted band-deals__deal">{row.dealId}</td> : null}
                  <td>
                    <span className={`band-deals__outcome band-deals__outcome--${row.positive ? 'positive' : 'negative'}`}>
                      {row.positive ? labels.positive : labels.negative}
                    </span>
                  </td>
                  <td className="num band-deals__score">{row.score}</td>
                  <td>{row.tier}</td>
                  <td className="band-deals__reasons">{row.reasons}</td>
                  {row.points.map((points, c) => (
                    <td
                      key={page.criteria[c]?.id ?? c}
                      className={`num band-deals__points${points === 0 ? ' band-deals__points--none' : points < 0 ? ' band-deals__points--minus' : ''}`}
                    >
                      {signed(points)}
                    </td>
                  ))}
                  {disqualified ? <td>{row.knockouts.join(', ')}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!page && !error ? (
        <p className="empty-note" role="status">
          Listing the deals…
        </p>
      ) : null}
    </Dialog>
  )
}
