import { AlertTriangle, X } from 'lucide-react'
import type { ApiErrorShape, ErrorCode } from '@shared/contract'

const TITLES: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: 'File not found',
  ALREADY_EXISTS: 'That file already exists',
  NOT_A_WORKSPACE: 'Not a workspace',
  CORRUPT_WORKSPACE: 'The workspace is damaged',
  NEWER_VERSION: 'Made by a newer version',
  PERMISSION_DENIED: 'No permission',
  WORKSPACE_IN_USE: 'Open somewhere else',
  DISK_FULL: 'The disk is full',
  BAD_INPUT: 'That could not be used',
  CANCELLED: 'Cancelled',
  STALE: 'The data changed',
  NOT_SUPPORTED: 'Not available here',
  NO_WORKSPACE_OPEN: 'No workspace is open',
  UNAUTHORIZED: 'Not authorised',
  INTERNAL: 'Something went wrong'
}

/** A failure the user should read: what happened and where, with a way to dismiss it. */
export function ErrorNotice({ error, onDismiss }: { error: ApiErrorShape; onDismiss?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <AlertTriangle className="notice__icon" size={18} aria-hidden />
      <div className="notice__text">
        <strong>{TITLES[error.code] ?? 'Could not complete that'}</strong>
        <span>{error.message}</span>
      </div>
      {onDismiss ? (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          <X size={16} aria-hidden />
        </button>
      ) : null}
    </div>
  )
}
