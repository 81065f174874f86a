import type { Handlers } from '../dispatch'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { bestCohort, cohortPage } from './best-cohort'
import { readBestDefinition, writeBestDefinition } from './best-definition-queries'
import { antiIcpReport } from './discover-checks'
import { discoverReport } from './discover-report'
import { writeLeakOverrule } from './leak-overrules'
import { AppError } from '../app-error'

type DiscoverMethods =
  'discover-run' | 'discover-set-leak' | 'best-definition-get' | 'best-definition-set' | 'best-cohort' | 'discover-anti-icp'

/** The first page of the cohort a new definition selects, so the user sees at once who is in it. */
const FIRST_PAGE = 50

export const discoverHandlers: Pick<Handlers, DiscoverMethods> = {
  'discover-run': ({ target }, ctx) => discoverReport(ctx.session.require().db, target ?? 'won'),

  'discover-set-leak'({ attribute, overruled, target }, ctx) {
    const { db } = ctx.session.require()
    const dataset = engineDatasetFor(db)
    if (!dataset.attributes.has(attribute)) throw new AppError('BAD_INPUT', `This workspace has no attribute "${attribute}".`)
    db.transaction(() => writeLeakOverrule(db, attribute, overruled))()
    return discoverReport(db, target ?? 'won')
  },

  'best-definition-get': (_input, ctx) => readBestDefinition(ctx.session.require().db),

  'best-definition-set'({ definition }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => writeBestDefinition(db, definition))()
    // Read back: what was stored (duplicates dropped) is what the cohort is computed from.
    const saved = readBestDefinition(db) ?? definition
    return cohortPage(engineDatasetFor(db), saved, 0, FIRST_PAGE)
  },

  'best-cohort': ({ offset, limit }, ctx) => bestCohort(ctx.session.require().db, offset, limit),

  'discover-anti-icp': ({ target }, ctx) => antiIcpReport(ctx.session.require().db, target ?? 'won')
}
