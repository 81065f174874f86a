import type { ImportPreview } from '@shared/domain/import'
import { useDataStore } from '../../../stores/data-store'
import { formatCount } from '../data-format'
import type { ImportDraft } from '../../../stores/import/import-draft'

const KIND_NOTES = {
  spelling: 'same value, different case, spacing or punctuation',
  synonym: 'known synonym or typo',
  'us-state': 'one state written two ways',
  country: 'one country written two ways'
} as const

/**
 * The clean-ups proposed for the file: spelling variants are merged unless unticked, synonyms
 * and place spellings wait for a tick. Each becomes a hygiene rule (Data › Hygiene), undoable,
 * and re-applied to next quarter's export.
 */
export function ReviewCleanups({ preview, draft }: { preview: ImportPreview; draft: ImportDraft }) {
  const setCleanup = useDataStore((s) => s.setCleanup)
  const shown = preview.cleanups
    .map((cleanup, position) => ({ cleanup, position }))
    .filter(({ cleanup }) => draft.columns[cleanup.index]?.role === 'attribute')
  if (shown.length === 0) return null
  const proposed = shown.filter(({ cleanup }) => !cleanup.byDefault)
  const waiting = proposed.filter(({ position }) => draft.cleanups[position] !== true)
  return (
    <section className="panel" aria-labelledby="review-cleanups-title">
      <header className="panel__header">
        <h3 id="review-cleanups-title">Spellings of the same value</h3>
        <p className="panel__hint">
          Ticked merges are saved as hygiene rules, applied to the analysis and to every later import; untick any that are not the same
          value. {proposed.length > 0 ? 'Synonyms and place spellings are only proposed.' : ''}
        </p>
      </header>
      <ul className="cleanups">
        {shown.map(({ cleanup, position }) => {
          const id = `cleanup-${position}`
          return (
            <li key={id} className="cleanups__item">
              <input
                id={id}
                type="checkbox"
                checked={draft.cleanups[position] === true}
                onChange={(event) => setCleanup(position, event.target.checked)}
              />
              <label htmlFor={id}>
                <bdi>{cleanup.description}</bdi>
                <span className="muted">
                  {' '}
                  · {formatCount(cleanup.rows)} rows · {KIND_NOTES[cleanup.kind]}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      {waiting.length > 1 ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => waiting.forEach(({ position }) => setCleanup(position, true))}
        >
          Apply all {waiting.length} proposed
        </button>
      ) : null}
    </section>
  )
}
