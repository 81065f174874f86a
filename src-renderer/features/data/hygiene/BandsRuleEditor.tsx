import { useId, useState } from 'react'
import { customBands, EMPLOYEE_BANDS, REVENUE_BANDS, type Band } from '@shared/import/hygiene/bands'
import { useDataStore } from '../../../stores/data-store'

type Preset = 'employees' | 'revenue' | 'custom'

const labels = (bands: readonly Band[]): string => bands.map((b) => b.label).join(', ')
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 }

/**
 * Cut points as people type them: "50; 200; 1,000" or "1M 10M 100M". A comma followed by a
 * space separates; a comma between digits is a thousands separator.
 */
export function parseCuts(text: string): number[] | null {
  const tokens = text.split(/[;\s]+|,\s+/).filter((t) => t !== '')
  const values: number[] = []
  for (const token of tokens) {
    const match = /^\$?(-?[\d,]*\.?\d+)\s*([kmb])?$/i.exec(token.trim())
    if (!match) return null
    const value = Number(match[1]!.replace(/,/g, '')) * (match[2] ? MULTIPLIERS[match[2].toLowerCase()]! : 1)
    if (!Number.isFinite(value)) return null
    values.push(value)
  }
  return [...new Set(values)].sort((a, b) => a - b)
}

/** Cut a number column into the bands people talk in, so each band becomes a value to score. */
export function BandsRuleEditor({ column }: { column: string }) {
  const ids = useId()
  const addRules = useDataStore((s) => s.addRules)
  const [preset, setPreset] = useState<Preset>(() => (/revenue|arr\b|turnover|sales/i.test(column) ? 'revenue' : 'employees'))
  const [text, setText] = useState('')
  const cuts = preset === 'custom' ? parseCuts(text) : null
  const customValid = cuts !== null && cuts.length > 0 && cuts.length <= 50

  return (
    <form
      className="rule-editor"
      onSubmit={(event) => {
        event.preventDefault()
        if (preset !== 'custom') void addRules([{ kind: 'bands', column, preset }])
        else if (customValid) void addRules([{ kind: 'bands', column, preset, cuts }])
      }}
    >
      <fieldset className="field">
        <legend className="field__label">Bands</legend>
        <label className="radio-line">
          <input type="radio" name={`${ids}-preset`} checked={preset === 'employees'} onChange={() => setPreset('employees')} />
          <span>
            Employee bands <span className="muted">({labels(EMPLOYEE_BANDS)})</span>
          </span>
        </label>
        <label className="radio-line">
          <input type="radio" name={`${ids}-preset`} checked={preset === 'revenue'} onChange={() => setPreset('revenue')} />
          <span>
            Revenue bands <span className="muted">({labels(REVENUE_BANDS)})</span>
          </span>
        </label>
        <label className="radio-line">
          <input type="radio" name={`${ids}-preset`} checked={preset === 'custom'} onChange={() => setPreset('custom')} />
          <span>Custom cut points</span>
        </label>
      </fieldset>
      {preset === 'custom' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-cuts`}>
            Cut points
          </label>
          <input
            id={`${ids}-cuts`}
            className="input input--small"
            placeholder="e.g. 50; 200; 1,000 or 1M 10M"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={text !== '' && !customValid}
          />
          <span className="field__hint">
            {text === ''
              ? 'Separate with semicolons or spaces; K, M and B are understood.'
              : customValid
                ? `${cuts.length + 1} bands: ${labels(customBands(cuts))}`
                : 'Write numbers only, e.g. 50; 200; 1000 (at most 50 cut points).'}
          </span>
        </div>
      ) : null}
      <div className="rule-editor__actions">
        <button type="submit" className="button button--primary" disabled={preset === 'custom' && !customValid}>
          Add rule
        </button>
      </div>
    </form>
  )
}
