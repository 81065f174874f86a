import { useState } from 'react'
import { CircleAlert } from 'lucide-react'
import { errorShapeOf } from '../../../api/api-client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useApiQuery } from '../../../queries/api-queries'
import { CallList } from './CallList'
import { count, share, unknownDetail } from './prospect-words'

const PAGE = 50

/**
 * Step 2, the findable market: how many prospects the ICP finds at the threshold, per tier, what
 * narrows the market most and what could not be judged; then the call list, best first.
 */
export function MarketView({ scorecardId, desktop }: { scorecardId: number; desktop: boolean }) {
  const [threshold, setThreshold] = useState<number | null>(null)
  const [offset, setOffset] = useState(0)
  const scoreQuery = useApiQuery('prospects-score', {
    scorecardId,
    offset,
    limit: PAGE,
    ...(threshold !== null ? { threshold } : {})
  })
  const score = scoreQuery.data ?? null
  if (scoreQuery.error) return <ErrorNotice error={errorShapeOf(scoreQuery.error)} />
  if (!score) return <p className="muted">Scoring the list…</p>
  const { market } = score
  const largest = Math.max(1, ...market.tiers.map((t) => t.count))
  return (
    <div className="pr-market" data-testid="prospect-market">
      <p className="pr-headline" role="status">
        {market.headline}
      </p>
      <div className="sim-cards pr-cards">
        <div className="sim-card">
          <span className="sim-card__name">Prospects in the list</span>
          <span className="sim-card__value">{count(market.listSize)}</span>
          <span className="sim-card__detail">{market.fileName}</span>
        </div>
        <div className="sim-card">
          <span className="sim-card__name">Found at {market.threshold}+</span>
          <span className="sim-card__value">{count(market.passing)}</span>
          <span className="sim-card__detail">{share(market.passing, market.listSize)} of the list</span>
        </div>
        <div className="sim-card">
          <span className="sim-card__name">Could pass if known</span>
          <span className="sim-card__value">{count(market.couldPass)}</span>
          <span className="sim-card__detail">below {market.threshold} as scored; at or above it if every unknown went their way</span>
        </div>
        <div className="sim-card">
          <span className="sim-card__name">Not judged on everything</span>
          <span className="sim-card__value">{count(market.withUnknowns)}</span>
          <span className="sim-card__detail">{share(market.withUnknowns, market.listSize)} of the list</span>
        </div>
      </div>
      <label className="field pr-threshold">
        <span className="field__label">Threshold: a prospect is found at a score of</span>
        <input
          className="input"
          type="range"
          min={0}
          max={100}
          value={market.threshold}
          onChange={(e) => {
            setThreshold(Number(e.target.value))
            setOffset(0)
          }}
          aria-valuetext={`${market.threshold} or more`}
        />
        <span className="pr-threshold__value">{market.threshold}+</span>
      </label>
      {market.unmappedAttributes.length > 0 ? (
        <div className="notice notice--warning" role="note">
          <CircleAlert className="notice__icon" size={18} aria-hidden />
          <span className="notice__text">
            <strong>Not in this list: {market.unmappedAttributes.join(', ')}.</strong> No prospect was judged on{' '}
            {market.unmappedAttributes.length === 1 ? 'it' : 'them'}: no prospect gains or loses points there, and &ldquo;up to&rdquo; in
            the call list shows what they could add.
          </span>
        </div>
      ) : null}
      <div className="sim-grid">
        <section className="panel" aria-labelledby="pr-tiers-title">
          <header className="panel__header">
            <h3 id="pr-tiers-title">Prospects per tier</h3>
            <p className="panel__hint">Unknown criteria earn nothing, as missing data does for accounts.</p>
          </header>
          <table className="values-table sim-table" aria-label="Prospects per tier">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col" className="num">
                  Prospects
                </th>
                <th scope="col">
                  <span className="visually-hidden">Share</span>
                </th>
                <th scope="col" className="num">
                  Not judged on everything
                </th>
              </tr>
            </thead>
            <tbody>
              {market.tiers.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.name}</th>
                  <td className="num">{count(t.count)}</td>
                  <td className="pr-bar-cell">
                    <span className="pr-bar" style={{ width: `${(100 * t.count) / largest}%`, background: t.color ?? undefined }} />
                  </td>
                  <td className="num">{count(t.withUnknowns)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="pr-narrow-title">
          <header className="panel__header">
            <h3 id="pr-narrow-title">What narrows the market most</h3>
            <p className="panel__hint">
              Each attribute with positive points, by the prospects that meet none of its criteria; unknown is counted apart, never as a
              failure.
            </p>
          </header>
          <table className="values-table sim-table" aria-label="What narrows the market most">
            <thead>
              <tr>
                <th scope="col">Attribute’s criteria</th>
                <th scope="col" className="num">
                  Fail
                </th>
                <th scope="col" className="num">
                  Meet
                </th>
                <th scope="col" className="num">
                  Unknown
                </th>
              </tr>
            </thead>
            <tbody>
              {market.narrowing.slice(0, 8).map((c) => (
                <tr key={c.id}>
                  <th scope="row" title={c.words}>
                    {c.words}
                  </th>
                  <td className="num">{count(c.notMet)}</td>
                  <td className="num">{count(c.met)}</td>
                  <td className="num" title={unknownDetail(c.unknownBy)}>
                    {count(c.unknown)}
                    {c.unknown > 0 ? <span className="pr-why">{unknownDetail(c.unknownBy)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {market.knockouts.length > 0 ? (
            <table className="values-table sim-table pr-knockouts" aria-label="Knockouts applied">
              <thead>
                <tr>
                  <th scope="col">Knockout</th>
                  <th scope="col" className="num">
                    Knocked out
                  </th>
                  <th scope="col" className="num">
                    Not checked
                  </th>
                </tr>
              </thead>
              <tbody>
                {market.knockouts.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.words}</th>
                    <td className="num">{count(k.met)}</td>
                    <td className="num" title={unknownDetail(k.unknownBy)}>
                      {count(k.unknown)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      </div>
      <CallList scorecardId={scorecardId} score={score} pageSize={PAGE} onPage={setOffset} desktop={desktop} />
    </div>
  )
}
