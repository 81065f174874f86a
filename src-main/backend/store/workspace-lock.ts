import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname } from 'node:path'
import { randomBytes } from 'node:crypto'
import { APP_NAME } from '@shared/app-info'
import { AppError } from '../app-error'
import { processIsRunning } from '../process-running'

/**
 * Who holds a workspace open for writing. Kept in `<workspace>.lock` beside the file, created with
 * O_EXCL so two sessions (two app instances, the app and the CLI, browser mode and the desktop)
 * can never both write the same workspace: the second one is refused with this owner named.
 */
export interface LockOwner {
  pid: number
  host: string
  startedAt: string
  /** Random per lock, so a session only ever removes the lock it made. */
  id: string
}

export interface WorkspaceLock {
  readonly path: string
  readonly owner: LockOwner
  /** Removes the lock file if it is still ours. Never throws. */
  release(): void
}

/** A lock file still being written (created, not yet filled) is younger than this. */
const FRESH_EMPTY_LOCK_MS = 5_000

export function lockPathOf(workspacePath: string): string {
  return `${workspacePath}.lock`
}

export interface AcquireOptions {
  /** Tests: pretend to be another process or host. */
  pid?: number
  host?: string
  now?: () => Date
  /** Tests: whether a process is running (default: signal 0). */
  isRunning?: (pid: number) => boolean
}

/**
 * Takes the write lock of `workspacePath`, or refuses with WORKSPACE_IN_USE naming who has it.
 * A lock left by a process that no longer runs on this computer (a crash, a SIGKILL) is stale
 * and taken over.
 */
export function acquireWorkspaceLock(workspacePath: string, options: AcquireOptions = {}): WorkspaceLock {
  const lockPath = lockPathOf(workspacePath)
  const isRunning = options.isRunning ?? processIsRunning
  const owner: LockOwner = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    id: randomBytes(8).toString('hex')
  }
  const text = `${JSON.stringify(owner)}\n`
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(lockPath, 'wx', 0o644)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST') throw lockWriteError(workspacePath, error)
      const held = readLock(lockPath)
      if (held.kind === 'owner' && !isStale(held.owner, owner.host, isRunning)) throw inUse(workspacePath, held.owner)
      if (held.kind === 'unreadable' && held.ageMs < FRESH_EMPTY_LOCK_MS) {
        throw new AppError(
          'WORKSPACE_IN_USE',
          `${basename(workspacePath)} is being opened by another ${APP_NAME} window right now; try again in a moment.`,
          { path: workspacePath, lockPath }
        )
      }
      // Stale: remove it only if it is still the same stale lock, then try again.
      if (sameContent(lockPath, held.text)) rmSync(lockPath, { force: true })
      continue
    }
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    return {
      path: lockPath,
      owner,
      release: () => {
        try {
          if (readFileSync(lockPath, 'utf8') === text) rmSync(lockPath, { force: true })
        } catch {
          // Already gone (or the folder became unreadable): nothing of ours is left to remove.
        }
      }
    }
  }
  throw new AppError('WORKSPACE_IN_USE', `${basename(workspacePath)} is being opened by another ${APP_NAME} window; try again.`, {
    path: workspacePath,
    lockPath
  })
}

/** Who holds the lock, if anyone does and they are still running (for messages and tests). */
export function readLockOwner(workspacePath: string): LockOwner | null {
  const held = readLock(lockPathOf(workspacePath))
  return held.kind === 'owner' ? held.owner : null
}

type HeldLock = { kind: 'owner'; owner: LockOwner; text: string } | { kind: 'unreadable'; ageMs: number; text: string | null }

function readLock(lockPath: string): HeldLock {
  let text: string | null = null
  try {
    text = readFileSync(lockPath, 'utf8')
    const parsed = JSON.parse(text) as Partial<LockOwner>
    if (
      typeof parsed.pid === 'number' &&
      Number.isInteger(parsed.pid) &&
      parsed.pid > 0 &&
      typeof parsed.host === 'string' &&
      typeof parsed.startedAt === 'string'
    ) {
      return {
        kind: 'owner',
        owner: { pid: parsed.pid, host: parsed.host, startedAt: parsed.startedAt, id: String(parsed.id ?? '') },
        text
      }
    }
  } catch {
    // Empty (being written, or cut short by a crash) or not ours: judged by its age below.
  }
  let ageMs = Number.POSITIVE_INFINITY
  try {
    ageMs = Date.now() - statSync(lockPath).mtimeMs
  } catch {
    ageMs = Number.POSITIVE_INFINITY
  }
  return { kind: 'unreadable', ageMs, text }
}

function sameContent(lockPath: string, text: string | null): boolean {
  try {
    return readFileSync(lockPath, 'utf8') === (text ?? '')
  } catch {
    return false
  }
}

/** A lock from another computer (a shared folder) is never judged stale: its process cannot be checked. */
function isStale(owner: LockOwner, thisHost: string, isRunning: (pid: number) => boolean): boolean {
  return owner.host === thisHost && !isRunning(owner.pid)
}

function inUse(workspacePath: string, owner: LockOwner): AppError {
  const name = basename(workspacePath)
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`
  return new AppError(
    'WORKSPACE_IN_USE',
    `${name} is open in another ${APP_NAME} window${where} (pid ${owner.pid} since ${owner.startedAt}); close it there first. ` +
      `If no ${APP_NAME} has it open, delete ${basename(lockPathOf(workspacePath))} next to it.`,
    { path: workspacePath, lockPath: lockPathOf(workspacePath), pid: owner.pid, host: owner.host, startedAt: owner.startedAt }
  )
}

function lockWriteError(workspacePath: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code
  const folder = dirname(workspacePath)
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'PERMISSION_DENIED',
      `${basename(workspacePath)} cannot be opened for editing: its folder ${folder} is read-only. Copy the file to a folder you can write to.`,
      { path: workspacePath }
    )
  }
  if (code === 'ENOSPC') {
    return new AppError('DISK_FULL', `${basename(workspacePath)} cannot be opened for editing: the disk holding ${folder} is full.`, {
      path: workspacePath
    })
  }
  if (code === 'ENOENT') {
    return new AppError('NOT_FOUND', `The folder ${folder} does not exist.`, { path: workspacePath })
  }
  return new AppError('INTERNAL', `${basename(workspacePath)} could not be locked for editing: ${(error as Error).message}`, {
    path: workspacePath
  })
}
