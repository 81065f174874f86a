import { useState } from 'react'
import type { ColumnProfile } from '@shared/domain/dataset'
import { useDataStore } from '../../../stores/data-store'
import { formatCount } from '../data-format'

/** A merge the suggestions missed: tick the values that mean the same and name the result. */
export function ManualMerge({ profile, open }: { profile: ColumnProfile; open: boolean }) {
  const addRules = useDataStore((s) => s.addRules)
  const [picked, setPicked] = useState<readonly string[]>([])
  const [to, setTo] = useState('')
  const target = to.trim()
  const from = picked.filter((v) => v !== target)
  const toggle = (value: string, on: boolean): void =>
    setPicked((current) => (on ? [...current, value] : current.filter((v) => v !== value)))

  return (
    <details className="manual-merge" open={open}>
      <summary>Pick values to merge yourself</summary>
      {profile.topValues.length === 0 ? (
        <p className="empty-note">This column has no values to merge.</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void addRules([{ kind: 'merge', column: profile.name, from, to: target }]).then((ok) => {
              if (ok) {
                setPicked([])
                setTo('')
              }
            })
          }}
        >
          <fieldset className="manual-merge__values">
            <legend className="field__hint">The most frequent values of {profile.name}</legend>
            {profile.topValues.map((v) => (
              <label key={v.value} className="check-line">
                <input type="checkbox" checked={picked.includes(v.value)} onChange={(event) => toggle(v.value, event.target.checked)} />
                <span>{v.value}</span>
                <span className="muted">{formatCount(v.count)}</span>
              </label>
            ))}
          </fieldset>
          <div className="inline-form">
            <input
              className="input input--small"
              aria-label="Merge the ticked values into"
              placeholder="Merge into…"
              list={`merge-targets-${profile.index}`}
              value={to}
              maxLength={500}
              onChange={(event) => setTo(event.target.value)}
            />
            <datalist id={`merge-targets-${profile.index}`}>
              {picked.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
            <button type="submit" className="button button--secondary button--small" disabled={from.length === 0 || target === ''}>
              Add merge
            </button>
          </div>
        </form>
      )}
    </details>
  )
}
