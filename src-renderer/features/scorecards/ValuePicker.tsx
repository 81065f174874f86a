import { useId, useState } from 'react'
import { ChevronDown, ChevronUp } from 'lucide-react'
import type { ValueCount } from '@shared/domain/dataset'

interface ValuePickerProps {
  attribute: string
  options: ValueCount[]
  selected: string[]
  onChange(values: string[]): void
}

/** Values chosen from the data's own values (with how many accounts have each), searchable; never an empty set. */
export function ValuePicker({ attribute, options, selected, onChange }: ValuePickerProps) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const panelId = useId()
  // Values kept from an imported file may not be among the top values; they stay choosable.
  const extra = selected.filter((v) => !options.some((o) => o.value === v)).map((value) => ({ value, count: null }))
  const all: Array<{ value: string; count: number | null }> = [...options, ...extra]
  const shown = all.filter((o) => o.value.toLowerCase().includes(query.trim().toLowerCase()))
  const toggle = (value: string): void => {
    const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]
    if (next.length > 0) onChange(next)
  }

  return (
    <div className="sc-values">
      <button
        type="button"
        className="sc-values__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Values of ${attribute}: ${selected.join(', ')}`}
        onClick={() => setOpen(!open)}
      >
        <span className="sc-values__chips">
          {selected.map((value) => (
            <span key={value} className="sc-chip">
              {value}
            </span>
          ))}
        </span>
        {open ? <ChevronUp size={14} aria-hidden /> : <ChevronDown size={14} aria-hidden />}
      </button>
      {open ? (
        <div id={panelId} className="sc-values__panel">
          <input
            className="input input--small"
            type="search"
            placeholder="Search values"
            aria-label={`Search values of ${attribute}`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul className="sc-values__list" aria-label={`Values of ${attribute}`}>
            {shown.map((option) => (
              <li key={option.value}>
                <label className="sc-values__option">
                  <input type="checkbox" checked={selected.includes(option.value)} onChange={() => toggle(option.value)} />
                  <span className="sc-values__name">{option.value}</span>
                  <span className="sc-values__count">{option.count === null ? '—' : option.count.toLocaleString()}</span>
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="muted sc-values__none">No value matches</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
