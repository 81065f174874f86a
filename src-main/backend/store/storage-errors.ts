import { basename } from 'node:path'
import { AppError } from '../app-error'

/**
 * Turns a failure of the disk under the workspace (SQLite's or the file system's) into an error
 * the user can act on, naming the file. SQLite rolls the transaction back, so the change that
 * failed is not saved and everything committed before it is intact. Returns null for anything else.
 */
export function storageError(error: unknown, workspacePath: string | null): AppError | null {
  if (!(error instanceof Error)) return null
  const code = String((error as { code?: unknown }).code ?? '')
  const name = workspacePath ? basename(workspacePath) : 'The workspace'
  const details = workspacePath ? { path: workspacePath, cause: code } : { cause: code }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    // Another program (not an ICP Workbench session, which the lock file keeps out) holds the file.
    return new AppError(
      'WORKSPACE_IN_USE',
      `${name} is being written by another program right now, so the change could not be saved. Close whatever else has it open and try again; everything saved before is intact.`,
      details
    )
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError(
      'DISK_FULL',
      `${name} could not be saved: the disk is full. The last change was not saved; everything before it is intact. Free some space and try again.`,
      details
    )
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'PERMISSION_DENIED',
      `${name} could not be saved: the file or its folder is read-only. The last change was not saved; everything before it is intact.`,
      details
    )
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) {
    return new AppError(
      'PERMISSION_DENIED',
      `${name} could not be saved: the disk refused the write (${code}). Check that the file's folder is writable and the disk is still attached; everything committed before is intact.`,
      details
    )
  }
  return null
}
