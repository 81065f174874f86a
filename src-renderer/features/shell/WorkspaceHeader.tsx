import { useEffect, useRef, useState } from 'react'
import { Check, Pencil } from 'lucide-react'
import type { WorkspaceSummary } from '@shared/domain/workspace'
import { clockTime } from '../../components/format'

interface WorkspaceHeaderProps {
  workspace: WorkspaceSummary
  savedAt: string | null
  onRename(name: string): Promise<boolean>
}

/** The workspace's name (click to rename), its file, and proof that changes are saved. */
export function WorkspaceHeader({ workspace, savedAt, onRename }: WorkspaceHeaderProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(workspace.name)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!editing) setDraft(workspace.name)
  }, [workspace.name, editing])

  useEffect(() => {
    if (editing) input.current?.select()
  }, [editing])

  const commit = async (): Promise<void> => {
    const name = draft.trim()
    if (name.length === 0 || name === workspace.name) {
      setEditing(false)
      return
    }
    if (await onRename(name)) setEditing(false)
  }

  return (
    <header className="workspace-header">
      <div className="workspace-header__identity">
        {editing ? (
          <input
            ref={input}
            className="workspace-header__name-input"
            aria-label="Workspace name"
            value={draft}
            maxLength={120}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => void commit()}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void commit()
              if (event.key === 'Escape') {
                event.preventDefault()
                setEditing(false)
              }
            }}
          />
        ) : (
          <button
            type="button"
            className="workspace-header__name"
            title="Rename workspace"
            aria-label={`Rename workspace “${workspace.name}”`}
            onClick={() => setEditing(true)}
          >
            <span>{workspace.name}</span>
            <Pencil size={14} aria-hidden className="workspace-header__pencil" />
          </button>
        )}
        <span className="workspace-header__path" title={workspace.path}>
          {workspace.path}
        </span>
      </div>
      <span className="saved-indicator" role="status" aria-live="polite">
        <Check size={14} aria-hidden />
        {savedAt ? `All changes saved · ${clockTime(savedAt)}` : 'All changes saved'}
      </span>
    </header>
  )
}
