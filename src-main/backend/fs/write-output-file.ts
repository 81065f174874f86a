import { statSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { AppError } from '../app-error'
import { writeFileAtomic } from './write-file-atomic'

/**
 * Writes an export the user asked for (PDF, workbook, SQL, scorecard file) whole or not at all,
 * and turns a disk's refusal into a coded error naming that output file: a full disk or a
 * read-only folder is the user's to fix, not "internal error: ENOSPC", and not the workspace's.
 */
export function writeOutputFile(path: string, bytes: string | Uint8Array): void {
  try {
    // A device or a pipe (`--pdf /dev/stdout`, `--sql /dev/null`, a named pipe) is written into:
    // the atomic write renames a new file over the name, which replaced /dev/null itself with a
    // regular file when an export was sent there as root.
    const existing = statSync(path, { throwIfNoEntry: false })
    if (existing && (existing.isCharacterDevice() || existing.isBlockDevice() || existing.isFIFO() || existing.isSocket())) {
      writeFileSync(path, bytes)
      return
    }
    writeFileAtomic(path, bytes)
  } catch (error) {
    throw outputError(path, error)
  }
}

export function outputError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const name = basename(path)
  const folder = dirname(path)
  const details = { path, cause: code }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new AppError(
      'DISK_FULL',
      `${name} could not be written: the disk holding ${folder} is full. Nothing was written; free some space and export again.`,
      details
    )
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'PERMISSION_DENIED',
      `${name} could not be written: ${folder} is read-only for you. Nothing was written; choose a folder you can write to.`,
      details
    )
  }
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new AppError('NOT_FOUND', `${name} could not be written: the folder ${folder} does not exist.`, details)
  if (code === 'EISDIR') return new AppError('BAD_INPUT', `${name} could not be written: ${path} is a folder.`, details)
  if (code.startsWith('E'))
    return new AppError('PERMISSION_DENIED', `${name} could not be written (${code}); nothing was written.`, details)
  return error
}
