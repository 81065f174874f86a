import type { Database } from 'better-sqlite3'
import { capitalize } from '@shared/format'
import type { StoredScorecard } from '@shared/domain/scorecards'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { fromPortable, ScorecardFormatError } from '@shared/engine/scorecard/portable-format'
import { validateScorecard } from '@shared/engine/scorecard/validate'
import { AppError } from '../app-error'
import { copyBuiltPeriod, recordBuiltPeriod } from './scorecard-periods'
import type { Handlers } from '../dispatch'
import { canonicalScorecard } from './canonical-scorecard'
import { readScorecardJson, scorecardFile } from './portable-file'
import { clearContent, copyContent, readContent, writeContent } from './scorecard-content'
import {
  deleteScorecard,
  findScorecard,
  findVersion,
  insertScorecard,
  insertVersion,
  listScorecards,
  listVersions,
  scorecardNamed,
  updateScorecardRow,
  type ScorecardRecord
} from './scorecard-queries'
import { attributeKinds, attributeValues } from './workspace-attributes'

type ScorecardMethods =
  | 'scorecard-list'
  | 'scorecard-get'
  | 'scorecard-create'
  | 'scorecard-save'
  | 'scorecard-rename'
  | 'scorecard-delete'
  | 'scorecard-version-save'
  | 'scorecard-version-list'
  | 'scorecard-version-restore'
  | 'scorecard-version-get'
  | 'scorecard-import-file'
  | 'scorecard-export-file'

const now = (): string => new Date().toISOString()

function requireScorecard(db: Database, id: number): ScorecardRecord {
  const found = findScorecard(db, id)
  if (!found) throw new AppError('NOT_FOUND', `There is no scorecard ${id} in this workspace; it may have been deleted.`, { id })
  return found
}

function requireVersion(db: Database, scorecard: ScorecardRecord, versionId: number): number {
  const found = findVersion(db, scorecard.id, versionId)
  if (found === null) throw new AppError('NOT_FOUND', `"${scorecard.name}" has no saved version ${versionId}.`, { versionId })
  return found
}

function requireFreeName(db: Database, name: string, exceptId = 0): void {
  const taken = scorecardNamed(db, name, exceptId)
  if (taken) {
    throw new AppError('ALREADY_EXISTS', `This workspace already has a scorecard named "${taken.name}"; choose another name.`, { name })
  }
}

function stored(db: Database, id: number): StoredScorecard {
  const record = requireScorecard(db, id)
  return { id, scorecard: readContent(db, record.workingRevisionId, record.name), updatedAt: record.updatedAt }
}

/** Canonical, and free of errors against the workspace's attributes (when it has data). */
function checkedForSave(db: Database, scorecard: Scorecard): Scorecard {
  const canonical = canonicalScorecard(scorecard)
  const errors = validateScorecard(canonical, attributeKinds(db) ?? undefined).filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    throw new AppError('BAD_INPUT', `${capitalize(errors[0]!.message)}; the scorecard was not saved.`, { problems: errors })
  }
  return canonical
}

/** Adds a scorecard with the given content as its working copy; call inside a transaction. */
function addScorecard(db: Database, name: string, content: Scorecard | { copyOf: number }): number {
  requireFreeName(db, name)
  const { id, revisionId } = insertScorecard(db, name, now())
  if ('copyOf' in content) copyContent(db, content.copyOf, revisionId)
  else writeContent(db, revisionId, content)
  recordBuiltPeriod(db, revisionId)
  return id
}

export const scorecardHandlers: Pick<Handlers, ScorecardMethods> = {
  'scorecard-list': (_input, ctx) => listScorecards(ctx.session.require().db),

  'scorecard-get': ({ id }, ctx) => stored(ctx.session.require().db, id),

  'scorecard-create'({ name, from }, ctx) {
    const { db } = ctx.session.require()
    const id = db.transaction(() => {
      const content = from === undefined ? defaultScorecard(name) : { copyOf: requireScorecard(db, from).workingRevisionId }
      return addScorecard(db, name, content)
    })()
    return stored(db, id)
  },

  'scorecard-save'({ id, scorecard }, ctx) {
    const { db } = ctx.session.require()
    const canonical = checkedForSave(db, scorecard)
    db.transaction(() => {
      const record = requireScorecard(db, id)
      if (canonical.name !== record.name) requireFreeName(db, canonical.name, id)
      clearContent(db, record.workingRevisionId)
      writeContent(db, record.workingRevisionId, canonical)
      updateScorecardRow(db, id, canonical.name, now())
    })()
    return stored(db, id)
  },

  'scorecard-rename'({ id, name }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => {
      requireScorecard(db, id)
      requireFreeName(db, name, id)
      updateScorecardRow(db, id, name, now())
    })()
    return stored(db, id)
  },

  'scorecard-delete'({ id }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => {
      requireScorecard(db, id)
      deleteScorecard(db, id)
    })()
    return listScorecards(db)
  },

  'scorecard-version-save'({ id, note }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => {
      const record = requireScorecard(db, id)
      const version = insertVersion(db, id, note, now())
      copyContent(db, record.workingRevisionId, version)
      copyBuiltPeriod(db, record.workingRevisionId, version)
    })()
    return listVersions(db, id)
  },

  'scorecard-version-list'({ id }, ctx) {
    const { db } = ctx.session.require()
    requireScorecard(db, id)
    return listVersions(db, id)
  },

  'scorecard-version-restore'({ id, versionId }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => {
      const record = requireScorecard(db, id)
      const version = requireVersion(db, record, versionId)
      clearContent(db, record.workingRevisionId)
      copyContent(db, version, record.workingRevisionId)
      updateScorecardRow(db, id, record.name, now())
    })()
    return stored(db, id)
  },

  'scorecard-version-get'({ id, versionId }, ctx) {
    const { db } = ctx.session.require()
    const record = requireScorecard(db, id)
    return readContent(db, requireVersion(db, record, versionId), record.name)
  },

  'scorecard-import-file'({ source, name }, ctx) {
    const { db } = ctx.session.require()
    const { fileName, json } = readScorecardJson(source, ctx.locations)
    const attributes = attributeValues(db)
    if (!attributes) {
      throw new AppError(
        'NOT_FOUND',
        `This workspace has no data yet; import the CRM export first so ${fileName} can be checked against its attributes.`
      )
    }
    let read: { scorecard: Scorecard; warnings: string[] }
    try {
      read = fromPortable(json, attributes)
    } catch (error) {
      if (!(error instanceof ScorecardFormatError)) throw error
      throw new AppError('BAD_INPUT', `${fileName}: ${error.message}; nothing was imported.`, { problems: error.problems })
    }
    const scorecard = canonicalScorecard({ ...read.scorecard, name: (name ?? read.scorecard.name).trim() })
    if (scorecard.name.length > 120)
      throw new AppError('BAD_INPUT', `${fileName}: the scorecard's name is over 120 characters; import it with a shorter name.`)
    const id = db.transaction(() => addScorecard(db, scorecard.name, scorecard))()
    return { ...stored(db, id), warnings: read.warnings }
  },

  'scorecard-export-file'({ id }, ctx) {
    return scorecardFile(stored(ctx.session.require().db, id).scorecard)
  }
}
