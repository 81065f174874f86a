import type { CSSProperties } from 'react'
import { capitalize } from '@shared/format'
import type { OnePagerTierEvidence, OutcomeWords } from '@shared/domain/one-pager'
import { formatCount, formatDays, formatPercent } from './one-pager-format'

interface EvidenceChartProps {
  tiers: readonly OnePagerTierEvidence[]
  /** Won share of all decided deals: the dashed line the tiers are read against. */
  baseRate: number | null
  /** "Win rate", "won" and "decided deals", or "Retention rate", "retained" and "customers" for a churn study. */
  words: Pick<OutcomeWords, 'rate' | 'won' | 'decided' | 'cycle'>
}

const share = (fraction: number) => `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(2)}%`

/**
 * Win rate, median cycle, decided deals and accounts by tier as bars laid out in HTML, so the rows can
 * grow with the page's spare height (page-geometry.ts: shareSpareHeight) and the text stays
 * text in the PDF. Full tier names are printed; small tiers are hatched: the rate is a hint. The
 * cycle is left out when no tier has one (no close or start dates); a churn study's is the customers' tenure.
 */
export function EvidenceChart({ tiers, baseRate, words }: EvidenceChartProps) {
  const rate = capitalize(words.rate)
  const withCycle = tiers.some((t) => t.medianCycleDays !== null)
  const maxCycle = Math.max(1, ...tiers.map((t) => t.medianCycleDays ?? 0))
  const maxDeals = Math.max(1, ...tiers.map((t) => t.deals))
  return (
    <div
      className={withCycle ? 'op-chart' : 'op-chart op-chart--no-cycle'}
      role="img"
      aria-label={`${rate}, ${withCycle ? `median ${words.cycle}, ` : ''}${words.decided} and accounts by tier`}
    >
      <div className="op-chart__head">
        <span />
        <span>
          {rate}
          {baseRate !== null ? ' · dashed: overall' : ''}
        </span>
        {withCycle && <span>Median {words.cycle}</span>}
        <span>{capitalize(words.decided)}</span>
        <span>Accounts</span>
      </div>
      {tiers.map((tier) => (
        <div key={tier.name} className="op-chart__row">
          <span className="op-chart__tier">
            <bdi>{tier.name}</bdi>
          </span>
          <span className="op-chart__cell">
            <span className="op-chart__track">
              <span
                className={tier.small ? 'op-chart__bar op-chart__bar--small' : 'op-chart__bar'}
                style={{ width: share(tier.winRate ?? 0), '--op-bar': tier.color } as CSSProperties}
              />
              {baseRate !== null && <span className="op-chart__base" style={{ left: share(baseRate) }} />}
            </span>
            <span className="op-chart__value">{formatPercent(tier.winRate)}</span>
          </span>
          {withCycle && (
            <span className="op-chart__cell">
              <span className="op-chart__track">
                <span className="op-chart__bar op-chart__bar--cycle" style={{ width: share((tier.medianCycleDays ?? 0) / maxCycle) }} />
              </span>
              <span className="op-chart__value">{formatDays(tier.medianCycleDays)}</span>
            </span>
          )}
          <span className="op-chart__cell">
            <span className="op-chart__track">
              <span className="op-chart__bar op-chart__bar--deals" style={{ width: share(tier.deals / maxDeals) }} />
            </span>
            <span className="op-chart__value">{formatCount(tier.deals)}</span>
          </span>
          <span className="op-chart__value op-chart__accounts" title={`${formatCount(tier.wonAccounts)} ${words.won}`}>
            {formatCount(tier.accounts)}
          </span>
        </div>
      ))}
    </div>
  )
}
