import { realpathSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../app-error'

/**
 * The one name a workspace file is locked and opened under. The lock (`<file>.lock`) sits beside
 * a name, so two names for one file would give two locks and two writers: a symbolic link is
 * followed to the file it points at, and a file with hard links (several names, none of them
 * the real one) is refused, since no name of it can be told apart from the others.
 */
export function resolveWorkspaceFile(path: string): string {
  let real: string
  try {
    real = realpathSync(path)
  } catch (error) {
    // Not there yet (a workspace being created) or not there at all: opening says which.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path
    throw error
  }
  let links = 1
  try {
    const stats = statSync(real)
    links = stats.isFile() ? stats.nlink : 1
  } catch {
    return real
  }
  if (links > 1) {
    throw new AppError(
      'NOT_SUPPORTED',
      `${basename(path)} has ${links} names on disk (hard links), so another session could open it under another name at the same time. Copy it to a file of its own (a copy, not a link) and open that. The file was left unchanged.`,
      { path, links }
    )
  }
  return real
}
