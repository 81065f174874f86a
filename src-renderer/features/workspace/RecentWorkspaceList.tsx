import { FileWarning, FolderOpen, X } from 'lucide-react'
import type { RecentWorkspace } from '@shared/domain/workspace'
import { relativeTime } from '../../components/format'

interface RecentWorkspaceListProps {
  recents: RecentWorkspace[]
  busy: boolean
  onOpen(path: string): void
  onRemove(path: string): void
}

export function RecentWorkspaceList({ recents, busy, onOpen, onRemove }: RecentWorkspaceListProps) {
  if (recents.length === 0) {
    return <p className="empty-note">Workspaces you create or open will be listed here.</p>
  }
  return (
    <ul className="recent-list" aria-label="Recent workspaces">
      {recents.map((recent) => (
        <li key={recent.path} className={`recent-item${recent.missing ? ' recent-item--missing' : ''}`}>
          <button
            type="button"
            className="recent-item__open"
            disabled={recent.missing || busy}
            onClick={() => onOpen(recent.path)}
            title={recent.missing ? `Not found at ${recent.path}` : `Open ${recent.path}`}
            aria-label={recent.missing ? `${recent.name} (file missing)` : `Open ${recent.name}`}
          >
            {recent.missing ? (
              <FileWarning size={20} aria-hidden className="recent-item__icon" />
            ) : (
              <FolderOpen size={20} aria-hidden className="recent-item__icon" />
            )}
            <span className="recent-item__text">
              <span className="recent-item__name">
                {recent.name}
                {recent.missing ? <span className="badge badge--warning">Missing</span> : null}
              </span>
              {/* Left-to-right marks keep the path readable while the start is what gets cut. */}
              <span className="recent-item__path">{`\u200e${recent.path}\u200e`}</span>
            </span>
            <span className="recent-item__when">{relativeTime(recent.lastOpenedAt)}</span>
          </button>
          <button
            type="button"
            className="icon-button recent-item__remove"
            aria-label={`Remove ${recent.name} from recent workspaces`}
            title="Remove from this list (the file is not deleted)"
            onClick={() => onRemove(recent.path)}
          >
            <X size={16} aria-hidden />
          </button>
        </li>
      ))}
    </ul>
  )
}
