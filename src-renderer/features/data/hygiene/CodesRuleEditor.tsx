import { useId, useState } from 'react'
import { useDataStore } from '../../../stores/data-store'

/** "California", "Calif." and "CA" as one value: codes (CA, US) or full names. */
export function CodesRuleEditor({ rule, column }: { rule: 'us-state' | 'country'; column: string }) {
  const ids = useId()
  const [to, setTo] = useState<'code' | 'name'>('code')
  const addRules = useDataStore((s) => s.addRules)
  const examples =
    rule === 'us-state'
      ? { code: 'CA, NY, TX', name: 'California, New York, Texas' }
      : { code: 'US, DE, GB', name: 'United States, Germany, United Kingdom' }
  return (
    <form
      className="rule-editor"
      onSubmit={(event) => {
        event.preventDefault()
        void addRules([{ kind: rule, column, to }])
      }}
    >
      <fieldset className="field">
        <legend className="field__label">Write every {rule === 'us-state' ? 'state' : 'country'} as</legend>
        {(['code', 'name'] as const).map((option) => (
          <label key={option} className="radio-line">
            <input type="radio" name={`${ids}-to`} checked={to === option} onChange={() => setTo(option)} />
            <span>
              {option === 'code' ? 'Codes' : 'Names'} <span className="muted">({examples[option]})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="rule-editor__actions">
        <button type="submit" className="button button--primary">
          Add rule
        </button>
      </div>
    </form>
  )
}
