import { useState } from 'react'
import { Plus, X } from 'lucide-react'
import { useDataStore } from '../../../stores/data-store'

/** Placeholders the CRM writes instead of leaving a cell empty ("N/A", "-", "Select"): read as missing. */
export function MissingTokens({ tokens }: { tokens: readonly string[] }) {
  const setMissingTokens = useDataStore((s) => s.setMissingTokens)
  const [draft, setDraft] = useState('')
  const token = draft.trim().toLowerCase()
  const duplicate = token !== '' && tokens.includes(token)

  return (
    <section className="panel" aria-labelledby="missing-title">
      <header className="panel__header">
        <h3 id="missing-title">Missing values</h3>
        <p className="panel__hint">Cells holding one of these (ignoring case) count as empty.</p>
      </header>
      <ul className="chips" aria-label="Missing-value tokens">
        {tokens.map((t) => (
          <li key={t} className="chip">
            <span className={t === '' ? 'chip__label chip__label--blank' : 'chip__label'}>{t === '' ? 'blank cell' : t}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={`Stop treating ${t === '' ? 'blank cells' : `“${t}”`} as missing`}
              onClick={() => void setMissingTokens(tokens.filter((x) => x !== t))}
            >
              <X size={12} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (token && !duplicate) {
            void setMissingTokens([...tokens, token])
            setDraft('')
          }
        }}
      >
        <input
          className="input input--small"
          aria-label="New missing-value token"
          placeholder="e.g. not provided"
          maxLength={60}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button--secondary button--small" disabled={!token || duplicate}>
          <Plus size={14} aria-hidden />
          Add
        </button>
        {duplicate ? <span className="field__hint">Already in the list.</span> : null}
      </form>
    </section>
  )
}
