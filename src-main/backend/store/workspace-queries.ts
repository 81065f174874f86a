import type { Database } from 'better-sqlite3'
import type { SectionId } from '@shared/domain/workspace'

export interface WorkspaceRow {
  name: string
  createdAt: string
  updatedAt: string
  createdByVersion: string
  currentSection: SectionId
}

export function readWorkspaceRow(db: Database): WorkspaceRow | undefined {
  return db
    .prepare(
      `SELECT name, created_at AS createdAt, updated_at AS updatedAt,
              created_by_version AS createdByVersion, current_section AS currentSection
       FROM workspace WHERE id = 1`
    )
    .get() as WorkspaceRow | undefined
}

export function insertWorkspaceRow(db: Database, name: string, appVersion: string, now: string): void {
  db.prepare(
    `INSERT INTO workspace (id, name, created_at, updated_at, created_by_version)
     VALUES (1, ?, ?, ?, ?)`
  ).run(name, now, now, appVersion)
}

export function updateWorkspaceName(db: Database, name: string, now: string): void {
  db.prepare('UPDATE workspace SET name = ?, updated_at = ? WHERE id = 1').run(name, now)
}

export function updateCurrentSection(db: Database, section: SectionId, now: string): void {
  db.prepare('UPDATE workspace SET current_section = ?, updated_at = ? WHERE id = 1').run(section, now)
}
