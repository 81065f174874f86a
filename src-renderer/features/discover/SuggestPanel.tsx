import { useState } from 'react'
import { CheckCircle2, Sparkles } from 'lucide-react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDiscoverStore } from '../../stores/discover-store'
import { ValidationSummary } from './ValidationSummary'
import { useTargetWords } from './use-target-words'

/** A data-driven scorecard from the strongest, non-leaky attributes, saved as a new scorecard. */
export function SuggestPanel() {
  const [name, setName] = useState('Suggested ICP')
  const suggestion = useDiscoverStore((s) => s.suggestion)
  const target = useDiscoverStore((s) => s.target)
  const error = useDiscoverStore((s) => s.errors.suggestion ?? null)
  const { suggest, dismiss } = useDiscoverStore.getState()
  const result = suggestion.value
  const trimmed = name.trim()
  const rows = useTargetWords(target).rows

  return (
    <section className="panel" aria-labelledby="suggest-title">
      <header className="panel__header">
        <h3 id="suggest-title">Suggest a scorecard</h3>
        <p className="panel__hint">
          Fitted on the older {rows} and measured on the newest: at most 7 attributes and 15 criteria, points from the evidence within the
          category budgets, tiers from the score distribution. Leaks are left out.
        </p>
      </header>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (trimmed) void suggest(trimmed)
        }}
      >
        <label className="field inline-form__grow">
          <span className="field__label">Scorecard name</span>
          <input className="input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary" disabled={!trimmed || suggestion.loading}>
          <Sparkles size={16} aria-hidden />
          {suggestion.loading ? 'Building…' : 'Suggest a scorecard'}
        </button>
      </form>
      {error ? <ErrorNotice error={error} onDismiss={() => dismiss('suggestion')} /> : null}
      {result ? (
        <div className="suggest-result" role="status">
          <CheckCircle2 size={18} className="suggest-result__icon" aria-hidden />
          <div>
            <p>
              Saved as <strong>“{result.scorecard.name}”</strong> in Scorecards, with {result.scorecard.criteria.length} criteria
              {result.scorecard.criteria.length > 0
                ? ` and tiers ${result.scorecard.tiers.map((t) => `${t.name} ≥ ${t.min}`).join(', ')}`
                : ''}
              .
            </p>
            <p className="muted">Uses {result.attributes.length > 0 ? result.attributes.join(', ') : 'no attribute (no usable signal)'}.</p>
            <ValidationSummary validation={result.validation} suggestion target={target} />
          </div>
        </div>
      ) : null}
    </section>
  )
}
