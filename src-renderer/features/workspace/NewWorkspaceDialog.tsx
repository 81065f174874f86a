import { useState, type FormEvent } from 'react'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { workspaceFileName } from './workspace-file-name'

/**
 * Names a new workspace and picks its file. The desktop asks the native Save dialog for the
 * location; browser mode names a file inside the host's workspace folder.
 */
export function NewWorkspaceDialog({ onClose }: { onClose(): void }) {
  const info = useWorkspaceStore((s) => s.appInfo)
  const busy = useWorkspaceStore((s) => s.busy)
  const error = useWorkspaceStore((s) => s.error)
  const { createWorkspace, chooseFile, dismissError } = useWorkspaceStore.getState()
  const [name, setName] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const inFolder = info?.locations === 'data-dir'
  const shownFileName = fileName ?? workspaceFileName(name)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    const path = inFolder ? shownFileName : await chooseFile('create', workspaceFileName(trimmed).replace(/\.icpw$/, ''))
    if (!path) return
    if (await createWorkspace(trimmed, path)) onClose()
  }

  const close = (): void => {
    dismissError()
    onClose()
  }

  return (
    <Dialog
      title="New workspace"
      description="One workspace per client engagement, saved as a single file you can copy or reopen later."
      onClose={close}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-workspace-form" className="button button--primary" disabled={busy || !name.trim()}>
            {inFolder ? 'Create workspace' : 'Choose location and create…'}
          </button>
        </>
      }
    >
      <form id="new-workspace-form" className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">Workspace name</span>
          <input
            data-autofocus
            className="input"
            value={name}
            maxLength={120}
            placeholder="e.g. Acme Corp — Q3 ICP"
            onChange={(event) => setName(event.target.value)}
          />
          <span className="field__hint">Usually the client and the engagement. You can rename it later.</span>
        </label>
        {inFolder ? (
          <label className="field">
            <span className="field__label">File name</span>
            <input className="input" value={shownFileName} maxLength={200} onChange={(event) => setFileName(event.target.value)} />
            <span className="field__hint">
              Saved in <span className="mono">{info?.dataDir}</span>
            </span>
          </label>
        ) : null}
        {error ? <ErrorNotice error={error} onDismiss={dismissError} /> : null}
      </form>
    </Dialog>
  )
}
