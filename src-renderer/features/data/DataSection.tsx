import { useCallback, useEffect } from 'react'
import { FolderOpen, RotateCw } from 'lucide-react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDatasetSummary } from '../../queries/dataset-queries'
import { useDataStore } from '../../stores/data-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { DropZone } from './DropZone'
import { FilePickerButton } from './FilePickerButton'
import { useFileDrop } from './file-picking'
import { ImportFlow } from './import/ImportFlow'
import { DataOverview } from './overview/DataOverview'

/** The Data section: import the client's exports, then inspect, correct and clean what was stored. */
export function DataSection() {
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  const summaryQuery = useDatasetSummary()
  const summary = summaryQuery.data ?? null
  const job = useDataStore((s) => s.job)
  const error = useDataStore((s) => s.error)
  const loading = summaryQuery.isPending
  const { watchProgress, startImport, dismissError } = useDataStore.getState()
  const hasTables = (summary?.tables.length ?? 0) > 0

  useEffect(() => watchProgress(), [watchProgress])

  const onFiles = useCallback((files: File[]) => void startImport(files), [startImport])
  // Files dropped anywhere on the overview start an import too; the empty state has its own target.
  const { dragging, dropProps } = useFileDrop(onFiles, hasTables && !job)

  return (
    <section className={`section data${dragging ? ' data--dragging' : ''}`} aria-labelledby="section-title" {...dropProps}>
      <header className="section__header data__header">
        <h1 id="section-title">Data</h1>
        {hasTables && !job ? (
          <FilePickerButton inputLabel="Choose CRM export files" className="button button--primary" onFiles={onFiles}>
            <FolderOpen size={16} aria-hidden />
            Import files…
          </FilePickerButton>
        ) : null}
      </header>
      {error ? <ErrorNotice error={error} onDismiss={dismissError} /> : null}
      {job ? (
        <ImportFlow job={job} />
      ) : summary ? (
        hasTables ? (
          <DataOverview summary={summary} />
        ) : (
          <DropZone onFiles={onFiles} />
        )
      ) : loading ? (
        <p className="empty-note" role="status">
          Loading the workspace&apos;s data…
        </p>
      ) : path ? (
        <div>
          <button type="button" className="button button--secondary" onClick={() => void summaryQuery.refetch()}>
            <RotateCw size={16} aria-hidden />
            Try again
          </button>
        </div>
      ) : null}
      {dragging ? (
        <div className="drop-overlay" aria-hidden>
          Drop to import
        </div>
      ) : null}
    </section>
  )
}
