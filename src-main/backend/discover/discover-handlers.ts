import { suggestScorecard } from '@shared/engine/discover'
import type { Handlers } from '../dispatch'
import { scorecardHandlers } from '../scorecards/scorecard-handlers'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { bestCohort, cohortPage } from './best-cohort'
import { readBestDefinition, writeBestDefinition } from './best-definition-queries'
import { antiIcpReport, scorecardCheckReport } from './discover-checks'
import { discoverOptionsFor, discoverReport } from './discover-report'
import { scorecardValidation, validationOf } from './scorecard-validation'
import { targetFor } from '../simulate/run-simulation'
import { writeLeakOverrule } from './leak-overrules'
import { AppError } from '../app-error'

type DiscoverMethods = 'discover-run' | 'discover-set-leak' | 'scorecard-validate' | 'scorecard-suggest' | 'best-definition-get' | 'best-definition-set' | 'best-cohort' | 'discover-anti-icp' | 'scorecard-check'

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

  /** Builds a scorecard from the evidence and saves it like any other (it can then be edited). */
  async 'scorecard-suggest'({ name, target }, ctx) {
    const { db } = ctx.session.require()
    const dataset = engineDatasetFor(db)
    const vector = targetFor(dataset, target ?? 'won', target === 'best' ? readBestDefinition(db) : null)
    const suggested = suggestScorecard(dataset, {
      name,
      ...(vector ? { target: vector } : {}),
      ...(target && target !== 'won' ? { rateName: target === 'best' ? 'best-customer rate' : 'retention rate' } : {}),
      discover: discoverOptionsFor(db, dataset)
    })
    const created = await scorecardHandlers['scorecard-create']({ name }, ctx)
    const saved = await scorecardHandlers['scorecard-save']({ id: created.id, scorecard: suggested.scorecard }, ctx)
    const validation = validationOf(suggested.validation)
    return { ...saved, auc: validation.auc, attributes: suggested.attributes, validation }
  },

  'scorecard-validate': ({ scorecardId, target }, ctx) => scorecardValidation(ctx.session.require().db, scorecardId, target ?? 'won'),

  'best-definition-get': (_input, ctx) => readBestDefinition(ctx.session.require().db),

  'best-definition-set'({ definition }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => writeBestDefinition(db, definition))()
    // Read back: what was stored (duplicates dropped) is what the cohort is computed from.
    const saved = readBestDefinition(db) ?? definition
    return cohortPage(engineDatasetFor(db), saved, 0, FIRST_PAGE)
  },

  'best-cohort': ({ offset, limit }, ctx) => bestCohort(ctx.session.require().db, offset, limit),

  'discover-anti-icp': ({ target }, ctx) => antiIcpReport(ctx.session.require().db, target ?? 'won'),

  'scorecard-check': ({ id, target }, ctx) => scorecardCheckReport(ctx.session.require().db, id, target ?? 'won')
}
