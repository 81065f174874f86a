import type { ImportPreview } from '@shared/domain/import'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useDataStore, type ImportJob } from '../../../stores/data-store'
import type { ImportDraft } from '../../../stores/import/import-draft'
import { draftOutcomeWords, hasOutcomeColumn } from '../../../stores/import/import-draft'
import { OutcomeMappingTable } from '../OutcomeMappingTable'
import { capitalize } from '@shared/format'
import { FileFacts } from './FileFacts'
import { ImportFooter } from './ImportFooter'
import { PreviewGrid } from './PreviewGrid'
import { ReviewCleanups } from './ReviewCleanups'
import { ReviewColumns } from './ReviewColumns'
import { ReviewNotices } from './ReviewNotices'

interface ImportReviewProps {
  job: ImportJob
  preview: ImportPreview
  draft: ImportDraft
}

/** Everything the user checks before a file is saved: how it was read, what each column is, the outcomes. */
export function ImportReview({ job, preview, draft }: ImportReviewProps) {
  const { setStagedOutcome, dismissImportError } = useDataStore.getState()
  const outcomeColumn = draft.columns.find((c) => c.role === 'outcome')
  const outcomeName = outcomeColumn ? preview.columns[outcomeColumn.index]?.name : undefined
  // A churn flag whose yes is lost makes a study of customers: said so before it is imported.
  const words = draftOutcomeWords(draft, preview)
  const Records = capitalize(words.records)

  return (
    <div className="review">
      {job.error ? <ErrorNotice error={job.error} onDismiss={dismissImportError} /> : null}
      <FileFacts key={preview.stagingId} preview={preview} draft={draft} words={words} />
      <ReviewNotices preview={preview} />
      {hasOutcomeColumn(draft) ? (
        <section className="panel" aria-labelledby="review-outcomes-title">
          <header className="panel__header">
            <h3 id="review-outcomes-title">Outcomes</h3>
            <p className="panel__hint">
              What each value of <strong>{outcomeName}</strong> means. {Records} mapped to neither won nor lost are left out of {words.rate}
              s.
            </p>
          </header>
          {draft.outcomes.length > 0 ? (
            <OutcomeMappingTable entries={draft.outcomes} records={words.records} onChange={setStagedOutcome} />
          ) : (
            <p className="empty-note">This column has no values to map.</p>
          )}
        </section>
      ) : null}
      <ReviewColumns preview={preview} draft={draft} pendingColumn={job.pendingColumn} />
      <ReviewCleanups preview={preview} draft={draft} />
      <PreviewGrid preview={preview} />
      <ImportFooter job={job} preview={preview} draft={draft} words={words} />
    </div>
  )
}
