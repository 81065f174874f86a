import { useId, useState } from 'react'
import { RotateCw } from 'lucide-react'
import type { ImportPreview } from '@shared/domain/import'
import { useDataStore } from '../../../stores/data-store'
import { delimiterLabel, FORMAT_LABELS, kindChoices } from '../data-labels'
import { formatCount } from '../data-format'
import type { ImportDraft } from '../../../stores/import/import-draft'
import type { OutcomeWords } from '@shared/domain/one-pager'

/** How the file was read, the two things that change how it is read, and what it will become. */
export function FileFacts({ preview, draft, words }: { preview: ImportPreview; draft: ImportDraft; words: OutcomeWords }) {
  const reread = useDataStore((s) => s.reread)
  const [headerRow, setHeaderRow] = useState(String(preview.headerRow))
  const ids = useId()
  const wanted = Number(headerRow)
  const headerRowValid = Number.isInteger(wanted) && wanted >= 1 && wanted <= 1000

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <header className="panel__header">
        <h3 id={`${ids}-title`}>How the file was read</h3>
      </header>
      <dl className="facts">
        <div className="facts__item">
          <dt>Format</dt>
          <dd>{FORMAT_LABELS[preview.format]}</dd>
        </div>
        {preview.sheets.length > 1 ? (
          <div className="facts__item">
            <dt>
              <label htmlFor={`${ids}-sheet`}>Sheet</label>
            </dt>
            <dd>
              <select
                id={`${ids}-sheet`}
                className="select"
                value={preview.sheetName ?? ''}
                onChange={(event) => void reread({ sheet: event.target.value })}
              >
                {preview.sheets.map((sheet) => (
                  <option key={sheet.name} value={sheet.name}>
                    {sheet.name} — {formatCount(sheet.rows)} rows
                  </option>
                ))}
              </select>
            </dd>
          </div>
        ) : preview.sheetName ? (
          <div className="facts__item">
            <dt>Sheet</dt>
            <dd>{preview.sheetName}</dd>
          </div>
        ) : null}
        {preview.encoding ? (
          <div className="facts__item">
            <dt>Encoding</dt>
            <dd>{preview.encoding}</dd>
          </div>
        ) : null}
        {preview.delimiter ? (
          <div className="facts__item">
            <dt>Delimiter</dt>
            <dd>{delimiterLabel(preview.delimiter)}</dd>
          </div>
        ) : null}
        <div className="facts__item">
          <dt>
            <label htmlFor={`${ids}-header`}>Header row</label>
          </dt>
          <dd>
            <form
              className="facts__inline"
              onSubmit={(event) => {
                event.preventDefault()
                if (headerRowValid && wanted !== preview.headerRow) void reread({ headerRow: wanted })
              }}
            >
              <input
                id={`${ids}-header`}
                className="input input--small facts__number"
                type="number"
                min={1}
                max={1000}
                value={headerRow}
                onChange={(event) => setHeaderRow(event.target.value)}
              />
              <button
                type="submit"
                className="button button--secondary button--small"
                disabled={!headerRowValid || wanted === preview.headerRow}
              >
                <RotateCw size={14} aria-hidden />
                Re-read
              </button>
            </form>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Rows</dt>
          <dd className="facts__strong">{formatCount(preview.rowCount)}</dd>
        </div>
      </dl>
      <fieldset className="kind-choice">
        <legend>Import as</legend>
        {kindChoices(words).map((choice) => (
          <label key={choice.kind} className="kind-choice__option">
            <input
              type="radio"
              name={`${ids}-kind`}
              value={choice.kind}
              checked={draft.kind === choice.kind}
              onChange={() => void reread({ kind: choice.kind })}
            />
            <span className="kind-choice__text">
              <span className="kind-choice__label">{choice.label}</span>
              <span className="kind-choice__hint">
                {choice.hint}
                {choice.kind === draft.suggestedKind ? ' · looks like this file' : ''}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  )
}
