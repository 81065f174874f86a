import { useId } from 'react'
import type { SimulationReport } from '@shared/domain/simulation'
import { useWonLabel } from '../discover/use-target-words'

type Outcome = SimulationReport['outcome']

const OUTCOMES: ReadonlyArray<{ id: Outcome; label: string; short: string }> = [
  { id: 'won', label: 'Won vs lost', short: 'Won vs lost' },
  { id: 'best', label: 'Best customers vs the rest', short: 'Best vs rest' },
  { id: 'retained', label: 'Retained vs churned', short: 'Retained vs churned' }
]

/** What counts as a success: won deals, best customers, or retained customers. */
export function OutcomeSwitch({
  value,
  onChange,
  label = 'Outcome',
  short = false
}: {
  value: Outcome
  onChange(outcome: Outcome): void
  label?: string
  short?: boolean
}) {
  const name = useId()
  const wonLabel = useWonLabel()
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {OUTCOMES.map((o) => (
        <label key={o.id} className="segmented__option">
          <input type="radio" name={name} checked={value === o.id} onChange={() => onChange(o.id)} />
          <span>{o.id === 'won' ? wonLabel : short ? o.short : o.label}</span>
        </label>
      ))}
    </div>
  )
}
