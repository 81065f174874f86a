import { AppError } from './app-error'

/**
 * Browser mode reads no file by path, for any method: a page (or a script that learned the
 * token) could otherwise name /etc/shadow and learn from the error whether it exists and how it
 * starts. The page uploads the bytes instead. Checked once, in dispatch, so a method added later
 * with a path source is covered without remembering to.
 */
export function refusePathSources(method: string, input: unknown): void {
  if (typeof input !== 'object' || input === null) return
  for (const value of Object.values(input)) {
    if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'path') {
      throw new AppError('NOT_SUPPORTED', 'In browser mode, files are given by uploading them, not by path.', { method })
    }
  }
}
