import type { Database } from 'better-sqlite3'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { AppError } from '../app-error'
import { readContent } from './scorecard-content'
import { findScorecard } from './scorecard-queries'

/** A scorecard's working copy as saved, or NOT_FOUND naming the id (it may have been deleted). */
export function workingScorecard(db: Database, id: number): Scorecard {
  const record = findScorecard(db, id)
  if (!record) throw new AppError('NOT_FOUND', `There is no scorecard ${id} in this workspace; it may have been deleted.`, { id })
  return readContent(db, record.workingRevisionId, record.name)
}
