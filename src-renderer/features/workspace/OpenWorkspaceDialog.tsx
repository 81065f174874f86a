import { useEffect } from 'react'
import { FileText } from 'lucide-react'
import { formatBytes } from '@shared/format'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { relativeTime } from '../../components/format'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { useApiQuery } from '../../queries/api-queries'
import type { WorkspaceFileEntry } from '@shared/domain/workspace'

const NO_FILES: WorkspaceFileEntry[] = []

/** Browser mode's "Open": the workspace files in the host's folder (a page cannot browse disks). */
export function OpenWorkspaceDialog({ onClose }: { onClose(): void }) {
  const info = useWorkspaceStore((s) => s.appInfo)
  const filesQuery = useApiQuery('workspace-files', info?.locations === 'data-dir' ? {} : null)
  const files = filesQuery.data ?? NO_FILES
  const { refetch } = filesQuery
  const busy = useWorkspaceStore((s) => s.busy)
  const error = useWorkspaceStore((s) => s.error)
  const { openWorkspace, dismissError } = useWorkspaceStore.getState()

  // Files can appear in the folder from outside the app: look again each time the dialog opens.
  useEffect(() => {
    dismissError()
    void refetch()
  }, [dismissError, refetch])

  const close = (): void => {
    dismissError()
    onClose()
  }

  return (
    <Dialog
      title="Open workspace"
      description={
        <>
          Workspaces in <span className="mono">{info?.dataDir}</span>
        </>
      }
      onClose={close}
      width="wide"
    >
      {error ? <ErrorNotice error={error} onDismiss={dismissError} /> : null}
      {files.length === 0 ? (
        <p className="empty-note">No workspace files in this folder yet. Create one with “New workspace”.</p>
      ) : (
        <ul className="file-list" aria-label="Workspace files">
          {files.map((file) => (
            <li key={file.path}>
              <button
                type="button"
                className="file-list__item"
                disabled={busy}
                onClick={() => {
                  void openWorkspace(file.path).then((ok) => {
                    if (ok) onClose()
                  })
                }}
              >
                <FileText size={18} aria-hidden />
                <span className="file-list__name">{file.fileName}</span>
                <span className="file-list__meta">{formatBytes(file.sizeBytes)}</span>
                <span className="file-list__meta">{relativeTime(file.modifiedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
