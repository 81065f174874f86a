/**
 * The periods a scorecard revision is tied to: the close dates of the decided deals it was built
 * on (recorded when it is made), and for a version saved from a 90-day review, the period it was
 * reviewed on. A review starts the day after the built period ends.
 */

import type { Database } from 'better-sqlite3'
import { engineDatasetFor } from '../engine/engine-dataset-cache'

const hasDeals = (db: Database): boolean =>
  Number(db.prepare("SELECT count(*) FROM source_table WHERE kind IN ('deals', 'flat')").pluck().get()) > 0

export interface Period {
  from: string
  through: string
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** The first and last close date of the workspace's decided deals; null without any. */
export function decidedPeriod(db: Database): Period | null {
  if (!hasDeals(db)) return null
  const { closedAt, outcome } = engineDatasetFor(db)
  let first = Infinity
  let last = -Infinity
  for (let i = 0; i < closedAt.length; i++) {
    const at = closedAt[i]!
    if (outcome[i]! < 0 || Number.isNaN(at)) continue
    if (at < first) first = at
    if (at > last) last = at
  }
  return first === Infinity ? null : { from: isoDay(first), through: isoDay(last) }
}

export function recordBuiltPeriod(db: Database, revisionId: number): void {
  const period = decidedPeriod(db)
  if (period)
    db.prepare('UPDATE scorecard_revision SET built_from = ?, built_through = ? WHERE id = ?').run(period.from, period.through, revisionId)
}

/** A version keeps the period its working copy was built on. */
export function copyBuiltPeriod(db: Database, fromRevision: number, toRevision: number): void {
  db.prepare(
    `UPDATE scorecard_revision SET (built_from, built_through) = (SELECT built_from, built_through FROM scorecard_revision WHERE id = ?) WHERE id = ?`
  ).run(fromRevision, toRevision)
}

export function recordReviewedPeriod(db: Database, revisionId: number, period: Period): void {
  db.prepare('UPDATE scorecard_revision SET reviewed_from = ?, reviewed_through = ? WHERE id = ?').run(
    period.from,
    period.through,
    revisionId
  )
}

export function builtPeriod(db: Database, revisionId: number): Period | null {
  const row = db.prepare('SELECT built_from AS "from", built_through AS through FROM scorecard_revision WHERE id = ?').get(revisionId) as
    { from: string | null; through: string | null } | undefined
  return row?.from && row.through ? { from: row.from, through: row.through } : null
}
