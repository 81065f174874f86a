import type { Database } from 'better-sqlite3'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { SectionId, WorkspaceSummary } from '@shared/domain/workspace'
import { AppError } from '../app-error'
import { formatVersionOf } from '../store/migrate'
import { createWorkspaceFile, openWorkspaceFile, type WorkspaceFileOptions } from '../store/workspace-file'
import { resolveWorkspaceFile } from '../store/workspace-identity'
import { acquireWorkspaceLock, type WorkspaceLock } from '../store/workspace-lock'
import { readWorkspaceRow, updateCurrentSection, updateWorkspaceName } from '../store/workspace-queries'

interface OpenWorkspace {
  db: Database
  path: string
}

/**
 * The one workspace a host process has open. Every write is committed before it returns.
 * Opening takes the workspace's write lock (`<file>.lock`), so a second session (another app
 * window, the CLI, browser mode) is refused with who has it instead of writing over it; the lock
 * is released on close. Read-only inspection (`workspace-inspect`) takes no lock.
 */
export class WorkspaceSession {
  private current: OpenWorkspace | null = null
  private lock: WorkspaceLock | null = null

  constructor(private readonly fileOptions: WorkspaceFileOptions = {}) {}

  get isOpen(): boolean {
    return this.current !== null
  }

  get path(): string | null {
    return this.current?.path ?? null
  }

  /** Opens `path`; the previously open workspace stays open if this one fails. */
  open(path: string): WorkspaceSummary {
    if (this.current?.path === path) return this.summary()
    // Locked and opened under its real name, whatever name (a symlink) it was chosen by.
    const file = resolveWorkspaceFile(path)
    const lock = acquireWorkspaceLock(file)
    let db: Database
    try {
      db = openWorkspaceFile(file, this.fileOptions)
    } catch (error) {
      lock.release()
      throw error
    }
    this.replace({ db, path }, lock)
    return this.summary()
  }

  create(path: string, name: string): WorkspaceSummary {
    const lock = acquireWorkspaceLock(resolveWorkspaceFile(path))
    let db: Database
    try {
      db = createWorkspaceFile(path, name, this.fileOptions)
    } catch (error) {
      lock.release()
      throw error
    }
    this.replace({ db, path }, lock)
    return this.summary()
  }

  close(): void {
    this.current?.db.close()
    this.current = null
    this.lock?.release()
    this.lock = null
  }

  /** The open workspace, or a clear error when there is none. */
  require(): OpenWorkspace {
    if (!this.current) {
      throw new AppError('NO_WORKSPACE_OPEN', 'No workspace is open. Create or open one first.')
    }
    return this.current
  }

  rename(name: string): WorkspaceSummary {
    const { db } = this.require()
    db.transaction(() => updateWorkspaceName(db, name, new Date().toISOString()))()
    return this.summary()
  }

  setSection(section: SectionId): WorkspaceSummary {
    const { db } = this.require()
    db.transaction(() => updateCurrentSection(db, section, new Date().toISOString()))()
    return this.summary()
  }

  summary(): WorkspaceSummary {
    const { db, path } = this.require()
    return summarize(db, path)
  }

  private replace(next: OpenWorkspace, lock: WorkspaceLock): void {
    this.close()
    this.current = next
    this.lock = lock
  }
}

export function summarize(db: Database, path: string): WorkspaceSummary {
  const row = readWorkspaceRow(db)
  if (!row) throw new AppError('CORRUPT_WORKSPACE', `${basename(path)} has no workspace record.`)
  return {
    path,
    fileName: basename(path),
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    formatVersion: formatVersionOf(db),
    createdByVersion: row.createdByVersion,
    currentSection: row.currentSection,
    sizeBytes: statSync(path).size
  }
}
