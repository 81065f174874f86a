import { useId } from 'react'
import type { DiscoverTarget } from '../../queries/discover-queries'
import { useWonLabel } from './use-target-words'

const TARGETS: ReadonlyArray<{ id: DiscoverTarget; label: string }> = [
  { id: 'won', label: 'Won vs lost' },
  { id: 'best', label: 'Best customers vs the rest' },
  { id: 'retained', label: 'Retained vs churned' }
]

/** What "good" means for this analysis; radios so arrow keys move between the three. */
export function TargetPicker({ value, onChange }: { value: DiscoverTarget; onChange(target: DiscoverTarget): void }) {
  const name = useId()
  const wonLabel = useWonLabel()
  return (
    <div className="segmented" role="radiogroup" aria-label="Compare">
      {TARGETS.map((t) => (
        <label key={t.id} className="segmented__option">
          <input type="radio" name={name} checked={value === t.id} onChange={() => onChange(t.id)} />
          <span>{t.id === 'won' ? wonLabel : t.label}</span>
        </label>
      ))}
    </div>
  )
}
