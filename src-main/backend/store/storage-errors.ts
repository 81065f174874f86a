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
