import { useId } from 'react'
import { AlertTriangle } from 'lucide-react'
import type { Outcome } from '@shared/domain/dataset'
import type { OutcomeMappingEntry } from '@shared/domain/import'
import { StackedBar } from '../../components/StackedBar'
import { formatCount } from './data-format'
import { capitalize } from '@shared/format'
import { outcomeGap } from '../../stores/import/import-draft'
import { OutcomeLegend } from './OutcomeLegend'

const CHOICES: ReadonlyArray<{ outcome: Outcome | null; label: string }> = [
  { outcome: 'won', label: 'Won' },
  { outcome: 'lost', label: 'Lost' },
  { outcome: 'open', label: 'Open' },
  { outcome: null, label: 'Not mapped' }
]

interface OutcomeMappingTableProps {
  entries: readonly OutcomeMappingEntry[]
  /** What a row is, in the workspace's words (OutcomeWords.records): "deals" / "customers". */
  records?: string
  disabled?: boolean
  onChange(value: string, outcome: Outcome | null): void
}

/** Each raw stage or status value and what it means: won, lost, still open, or not known. */
export function OutcomeMappingTable({ entries, records = 'deals', disabled, onChange }: OutcomeMappingTableProps) {
  const Records = capitalize(records)
  const name = useId()
  const gap = outcomeGap(entries)
  const tally = (outcome: Outcome | null): number => entries.filter((e) => e.outcome === outcome).reduce((sum, e) => sum + e.count, 0)

  const segments = CHOICES.map((c) => ({ label: c.label, value: tally(c.outcome), tone: c.outcome ?? 'unmapped' }))
  return (
    <div className="outcomes">
      <table className="outcomes__table">
        <thead>
          <tr>
            <th scope="col">Value in the data</th>
            <th scope="col" className="num">
              {Records}
            </th>
            <th scope="col">Means</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, row) => (
            <tr key={entry.value} className={entry.outcome === null ? 'outcomes__row--unmapped' : undefined}>
              <th scope="row" className="outcomes__value" title={entry.value}>
                {entry.value === '' ? <em className="muted">(blank)</em> : entry.value}
              </th>
              <td className="num">{formatCount(entry.count)}</td>
              <td>
                <div className="segmented" role="radiogroup" aria-label={`Outcome for ${entry.value || 'blank'}`}>
                  {CHOICES.map((choice) => (
                    <label key={choice.label} className={`segmented__option segmented__option--${choice.outcome ?? 'none'}`}>
                      <input
                        type="radio"
                        name={`${name}-${row}`}
                        checked={entry.outcome === choice.outcome}
                        disabled={disabled}
                        onChange={() => onChange(entry.value, choice.outcome)}
                      />
                      <span>{choice.label}</span>
                    </label>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <aside className="outcomes__side" aria-label={`${Records} by outcome`}>
        <p className="outcomes__side-title">{Records} by outcome</p>
        <StackedBar segments={segments} label={segments.map((s) => `${formatCount(s.value)} ${s.label.toLowerCase()}`).join(', ')} />
        <OutcomeLegend segments={segments} stacked />
        {gap ? (
          <p className="inline-warning" role="status">
            <AlertTriangle size={15} aria-hidden /> {gap}
          </p>
        ) : null}
      </aside>
    </div>
  )
}
