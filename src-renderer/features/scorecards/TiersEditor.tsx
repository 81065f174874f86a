import { memo } from 'react'
import type { Tier } from '@shared/engine/scorecard/model'
import { useScorecardStore } from '../../stores/scorecard-store'
import { updateTier } from './commands'

/** Tier names, lowest scores and colours; the lowest tier takes every score below its own minimum. */
export const TiersEditor = memo(function TiersEditor({ tiers }: { tiers: Tier[] }) {
  const apply = useScorecardStore((s) => s.apply)
  return (
    <section className="panel sc-tiers" aria-labelledby="sc-tiers-title">
      <div className="panel__header">
        <h3 id="sc-tiers-title">Tiers</h3>
        <p className="panel__hint">Scores run 0–100: 100 means every positive criterion met and no penalty.</p>
      </div>
      <ul role="list" className="sc-tiers__list" aria-label="Tiers">
        {tiers.map((tier, index) => {
          const lowest = index === tiers.length - 1
          const upper = index === 0 ? 100 : (tiers[index - 1]?.min ?? 101) - 1
          return (
            <li key={index} className="sc-tier">
              <input
                type="color"
                className="sc-tier__color"
                aria-label={`Colour of tier ${tier.name}`}
                value={tier.color ?? '#a0aec0'}
                onChange={(e) => apply(updateTier, { index, patch: { color: e.target.value } }, `tier-color:${index}`)}
              />
              <input
                className="input input--small sc-tier__name"
                aria-label={`Name of tier ${index + 1}`}
                value={tier.name}
                maxLength={40}
                onChange={(e) =>
                  e.target.value.trim() && apply(updateTier, { index, patch: { name: e.target.value } }, `tier-name:${index}`)
                }
              />
              <span className="muted">from</span>
              <input
                className="input input--small sc-tier__min"
                type="number"
                min={0}
                max={100}
                aria-label={`Lowest score of tier ${tier.name}`}
                value={tier.min}
                onChange={(e) => {
                  const min = Math.round(Number(e.target.value))
                  if (e.target.value !== '' && min >= 0 && min <= 100) apply(updateTier, { index, patch: { min } }, `tier-min:${index}`)
                }}
              />
              <span className="sc-tier__range muted">{lowest ? `to ${upper}, and below` : `to ${upper}`}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
})
