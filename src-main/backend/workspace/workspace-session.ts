import type { Database } from 'better-sqlite3'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { SectionId, WorkspaceSummary } from '@shared/domain/workspace'
import { AppError } from '../app-error'
import { formatVersionOf } from '../store/migrate'
import { createWorkspaceFile, openWorkspaceFile, type WorkspaceFileOptions } from '../store/workspace-file'
import {
  readWorkspaceRow,
  updateCurrentSection,
  updateWorkspaceName
} from '../store/workspace-queries'

interface OpenWorkspace {
  db: Database
  path: string
}

/** The one workspace a host process has open. Every write is committed before it returns. */
export class WorkspaceSession {
  private current: OpenWorkspace | null = null

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
    const db = openWorkspaceFile(path, this.fileOptions)
    this.replace({ db, path })
    return this.summary()
  }

  create(path: string, name: string): WorkspaceSummary {
    const db = createWorkspaceFile(path, name, this.fileOptions)
    this.replace({ db, path })
    return this.summary()
  }

  close(): void {
    this.current?.db.close()
    this.current = null
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

  private replace(next: OpenWorkspace): void {
    this.current?.db.close()
    this.current = next
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
