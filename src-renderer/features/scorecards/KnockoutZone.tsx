import { memo } from 'react'
import { useDroppable } from '@dnd-kit/core'
import { Ban, X } from 'lucide-react'
import type { Knockout } from '@shared/engine/scorecard/model'
import { useScorecardStore } from '../../stores/scorecard-store'
import { useSimulateStore } from '../../stores/simulate-store'
import type { PaletteAttribute } from './attributes'
import { removeKnockout, updateKnockout } from './commands'
import { ConditionFields } from './ConditionFields'
import { useAttributeLabel } from '../data/use-attribute-label'
import { useSuccessWords } from '../simulate/use-success-words'

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 })
const formatMoney = (value: number): string => money.format(value)

/** Knockouts: conditions that disqualify an account whatever its points. Attributes dropped here become one. */
export const KnockoutZone = memo(function KnockoutZone({
  knockouts,
  attributes
}: {
  knockouts: Knockout[]
  attributes: ReadonlyMap<string, PaletteAttribute>
}) {
  const label = useAttributeLabel()
  const { setNodeRef, isOver } = useDroppable({ id: 'knockouts' })
  const apply = useScorecardStore((s) => s.apply)
  // What each knockout would have cost, from the live figures the strip above runs.
  const costs = useSimulateStore((s) => s.report?.knockouts)
  // The costs are Simulate's, under its outcome: say them in that outcome's words.
  const words = useSuccessWords(useSimulateStore((s) => s.report?.outcome ?? null))
  return (
    <section ref={setNodeRef} className={`sc-knockouts${isOver ? ' sc-knockouts--over' : ''}`} aria-labelledby="sc-knockouts-title">
      <header className="sc-category__head">
        <h3 id="sc-knockouts-title">
          <Ban size={15} aria-hidden /> Knockouts
        </h3>
        <span className="muted">Disqualify whatever the score</span>
      </header>
      <ul role="list" aria-label="Knockouts" className="sc-knockouts__list">
        {knockouts.map((knockout, index) => (
          <li key={index} className="sc-knockout" aria-label={knockout.name}>
            <strong className="sc-knockout__attr">{label(knockout.attribute)}</strong>
            <ConditionFields
              condition={knockout}
              attribute={attributes.get(knockout.attribute)}
              onChange={(patch) => apply(updateKnockout, { index, patch }, `knockout:${index}`)}
            />
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label={`Remove knockout ${knockout.name}`}
              onClick={() => apply(removeKnockout, { index })}
            >
              <X size={15} aria-hidden />
            </button>
            {costs?.[index] ? (
              <p className="sc-knockout__cost">
                In history it turns away {costs[index].wonDealsRemoved.toLocaleString('en-US')} {words.won} {words.deals}
                {costs[index].wonRevenueRemoved > 0 ? ` (${formatMoney(costs[index].wonRevenueRemoved)} ${words.won})` : ''} and{' '}
                {costs[index].lostDealsRemoved.toLocaleString('en-US')} {words.lost}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {knockouts.length === 0 ? <p className="sc-category__empty">Drop an attribute here to disqualify on it</p> : null}
    </section>
  )
})
