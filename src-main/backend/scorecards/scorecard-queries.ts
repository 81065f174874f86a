import type { Database } from 'better-sqlite3'
import type { ScorecardSummary, ScorecardVersion } from '@shared/domain/scorecards'

/** The scorecard and revision rows; content is in scorecard-content.ts. Writes run inside the caller's transaction. */

export interface ScorecardRecord {
  id: number
  name: string
  createdAt: string
  updatedAt: string
  /** The revision holding the working copy. */
  workingRevisionId: number
}

export function listScorecards(db: Database): ScorecardSummary[] {
  return db
    .prepare(
      `SELECT s.id, s.name,
              (SELECT count(*) FROM scorecard_criterion c WHERE c.revision_id = w.id) AS criteriaCount,
              (SELECT count(*) FROM scorecard_knockout k WHERE k.revision_id = w.id) AS knockoutCount,
              (SELECT count(*) FROM scorecard_revision v WHERE v.scorecard_id = s.id AND v.kind = 'version') AS versionCount,
              s.created_at AS createdAt, s.updated_at AS updatedAt
       FROM scorecard s JOIN scorecard_revision w ON w.scorecard_id = s.id AND w.kind = 'working'
       ORDER BY s.position, s.id`
    )
    .all() as ScorecardSummary[]
}

export function findScorecard(db: Database, id: number): ScorecardRecord | null {
  const row = db
    .prepare(
      `SELECT s.id, s.name, s.created_at AS createdAt, s.updated_at AS updatedAt, w.id AS workingRevisionId
       FROM scorecard s JOIN scorecard_revision w ON w.scorecard_id = s.id AND w.kind = 'working'
       WHERE s.id = ?`
    )
    .get(id) as ScorecardRecord | undefined
  return row ?? null
}

/** The scorecard already called `name` (names are unique regardless of case), other than `exceptId`. */
export function scorecardNamed(db: Database, name: string, exceptId = 0): { id: number; name: string } | null {
  const row = db.prepare('SELECT id, name FROM scorecard WHERE name = ? AND id <> ?').get(name, exceptId) as
    { id: number; name: string } | undefined
  return row ?? null
}

/** A new scorecard with an empty working revision; returns both ids. */
export function insertScorecard(db: Database, name: string, now: string): { id: number; revisionId: number } {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO scorecard (name, position, created_at, updated_at)
       VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM scorecard), ?, ?)`
    )
    .run(name, now, now)
  const id = Number(lastInsertRowid)
  const revision = db.prepare("INSERT INTO scorecard_revision (scorecard_id, kind) VALUES (?, 'working')").run(id)
  return { id, revisionId: Number(revision.lastInsertRowid) }
}

export function updateScorecardRow(db: Database, id: number, name: string, now: string): void {
  db.prepare('UPDATE scorecard SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id)
}

/** Deletes the scorecard with its working copy and every version (cascade). */
export function deleteScorecard(db: Database, id: number): void {
  db.prepare('DELETE FROM scorecard WHERE id = ?').run(id)
}

/** A new, empty version revision. */
export function insertVersion(db: Database, scorecardId: number, note: string, now: string): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO scorecard_revision (scorecard_id, kind, note, saved_at) VALUES (?, 'version', ?, ?)")
    .run(scorecardId, note, now)
  return Number(lastInsertRowid)
}

/** Newest first. */
export function listVersions(db: Database, scorecardId: number): ScorecardVersion[] {
  return db
    .prepare(
      `SELECT v.id, v.note, v.saved_at AS savedAt,
              v.built_from AS builtFrom, v.built_through AS builtThrough, v.reviewed_from AS reviewedFrom, v.reviewed_through AS reviewedThrough,
              (SELECT count(*) FROM scorecard_criterion c WHERE c.revision_id = v.id) AS criteriaCount,
              (SELECT count(*) FROM scorecard_knockout k WHERE k.revision_id = v.id) AS knockoutCount
       FROM scorecard_revision v
       WHERE v.scorecard_id = ? AND v.kind = 'version'
       ORDER BY v.saved_at DESC, v.id DESC`
    )
    .all(scorecardId) as ScorecardVersion[]
}

/** The revision id of a version, when it is one of this scorecard's versions. */
export function findVersion(db: Database, scorecardId: number, versionId: number): number | null {
  const row = db
    .prepare("SELECT id FROM scorecard_revision WHERE id = ? AND scorecard_id = ? AND kind = 'version'")
    .get(versionId, scorecardId) as { id: number } | undefined
  return row?.id ?? null
}
