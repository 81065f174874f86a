import { useId } from 'react'
import { Upload } from 'lucide-react'
import type { ImportPreview } from '@shared/domain/import'
import { useDatasetSummary } from '../../../queries/dataset-queries'
import { useDataStore, type ImportJob } from '../../../stores/data-store'
import { KIND_LABELS } from '../data-labels'
import { formatCount } from '../data-format'
import type { ImportDraft } from '../../../stores/import/import-draft'
import type { OutcomeWords } from '@shared/domain/one-pager'

/** Leave, or save: replacing or adding to a table of the same kind when there already is one. */
export function ImportFooter({
  job,
  preview,
  draft,
  words
}: {
  job: ImportJob
  preview: ImportPreview
  draft: ImportDraft
  /** The file's words once imported (draftOutcomeWords). */
  words: OutcomeWords
}) {
  const existing = useDatasetSummary().data?.tables.find((t) => t.kind === draft.kind)
  const { cancelImport, skipFile, commitImport, setImportMode } = useDataStore.getState()
  const ids = useId()
  const more = job.position + 1 < job.files.length
  const append = existing !== undefined && draft.mode === 'append'
  const noun = draft.kind === 'accounts' ? 'accounts' : words.records

  return (
    <footer className="review-footer">
      <div className="review-footer__leave">
        <button type="button" className="button button--secondary" onClick={() => void cancelImport()}>
          Cancel
        </button>
        {more ? (
          <button type="button" className="button button--secondary" onClick={() => void skipFile()}>
            Skip this file
          </button>
        ) : null}
      </div>
      {existing ? (
        <div className="mode-choice">
          <p className="mode-choice__note" id={`${ids}-note`}>
            The workspace already has {KIND_LABELS[existing.kind].toLowerCase()} ({existing.fileName}, {formatCount(existing.rowCount)}{' '}
            rows)
          </p>
          <div className="mode-choice__options" role="radiogroup" aria-labelledby={`${ids}-note`}>
            <label className="mode-choice__option">
              <input type="radio" name={`${ids}-mode`} checked={draft.mode === 'replace'} onChange={() => setImportMode('replace')} />
              Replace them
            </label>
            <label className="mode-choice__option">
              <input type="radio" name={`${ids}-mode`} checked={draft.mode === 'append'} onChange={() => setImportMode('append')} />
              Append
            </label>
            {append ? (
              <span className="mode-choice__key">
                <label htmlFor={`${ids}-key`}>Match rows on</label>
                <select
                  id={`${ids}-key`}
                  className="select select--small"
                  value={draft.appendKey ?? ''}
                  onChange={(event) => setImportMode('append', event.target.value || null)}
                >
                  <option value="">Choose a key column…</option>
                  {preview.columns.map((c) => (
                    <option key={c.index} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
          </div>
        </div>
      ) : (
        <p className="review-footer__note">Nothing is saved until you import.</p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={append && !draft.appendKey}
        title={append && !draft.appendKey ? 'Choose the column that identifies a row, so updated rows replace the old ones' : undefined}
        onClick={() => void commitImport()}
      >
        <Upload size={16} aria-hidden />
        Import {formatCount(preview.rowCount)} {noun}
      </button>
    </footer>
  )
}
