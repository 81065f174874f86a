import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../app-error'

/**
 * Reads a file the user chose (an export to import, a scorecard file), and only a regular file.
 * The size limit counts the bytes actually read, never the size stat reports: /dev/zero (or a
 * symlink to it) reports 0 and never ends, a FIFO reports 0 and blocks. Opened non-blocking so a
 * FIFO is refused instead of waiting forever for a writer.
 */
export function readInputFile(
  path: string,
  maxBytes: number,
  tooLarge: (name: string, limit: number) => string,
  /** From this size on, the bytes are in shared memory another thread can read without a copy. */
  sharedFrom = Infinity
): Uint8Array {
  const { fd, stats } = openInputFile(path)
  const name = basename(path)
  try {
    // Sized by what stat says plus one byte, so that the read which finds the end needs no
    // larger buffer (sized exactly, a 134 MB file was copied into a 268 MB one just to see EOF);
    // grown only for a file that grew since stat, and cut off one byte past the limit.
    const allocate = (size: number): Buffer => (size > sharedFrom ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size))
    let buffer = allocate(Math.min(Math.max(stats.size + 1, 64 * 1024), maxBytes + 1))
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new AppError('BAD_INPUT', tooLarge(name, maxBytes), { path, limit: maxBytes })
        const grown = allocate(Math.min(buffer.length * 2, maxBytes + 1))
        buffer.copy(grown, 0, 0, length)
        buffer = grown
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > maxBytes) throw new AppError('BAD_INPUT', tooLarge(name, maxBytes), { path, limit: maxBytes })
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw openError(path, error)
  } finally {
    closeSync(fd)
  }
}

/**
 * Refuses at once what readInputFile would refuse before reading a byte (missing, unreadable,
 * a folder, a device or pipe), without reading: for a caller that leaves the reading to another
 * process but should answer those cases immediately.
 */
export function checkInputFile(path: string): void {
  closeSync(openInputFile(path).fd)
}

function openInputFile(path: string): { fd: number; stats: Stats } {
  const name = basename(path)
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0))
  } catch (error) {
    throw openError(path, error)
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory())
      throw new AppError('BAD_INPUT', `${name} is a folder, not a file; choose a file inside it.`, { path, reason: 'directory' })
    if (!stats.isFile()) {
      throw new AppError('BAD_INPUT', `${name} is not an ordinary file (it is a device, pipe or socket), so it cannot be imported.`, {
        path,
        reason: 'not-a-regular-file'
      })
    }
    return { fd, stats }
  } catch (error) {
    closeSync(fd)
    if (error instanceof AppError) throw error
    throw openError(path, error)
  }
}

/** Failures to reach the file are about the file the user chose, never the workspace. */
function openError(path: string, error: unknown): AppError {
  const name = basename(path)
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('NOT_FOUND', `${path} does not exist.`, { path })
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('PERMISSION_DENIED', `${name} cannot be read: you do not have permission to read it. Nothing was imported.`, {
      path,
      cause: code
    })
  }
  if (code === 'ELOOP') return new AppError('BAD_INPUT', `${name} is a symbolic link that leads round in a circle.`, { path, cause: code })
  if (code === 'EISDIR')
    return new AppError('BAD_INPUT', `${name} is a folder, not a file; choose a file inside it.`, { path, reason: 'directory' })
  return new AppError('BAD_INPUT', `${name} could not be read (${code || (error as Error).message}).`, { path, cause: code })
}
