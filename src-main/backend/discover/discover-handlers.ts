import { suggestScorecard } from '@shared/engine/discover'
import type { Handlers } from '../dispatch'
import { scorecardHandlers } from '../scorecards/scorecard-handlers'
import { discoverFor, discoverReport } from './discover-report'

export const discoverHandlers: Pick<Handlers, 'discover-run' | 'scorecard-suggest'> = {
  'discover-run': ({ target }, ctx) => discoverReport(ctx.session.require().db, target ?? 'won'),

  /** Builds a scorecard from the evidence and saves it like any other (it can then be edited). */
  async 'scorecard-suggest'({ name, target }, ctx) {
    const { db } = ctx.session.require()
    const { dataset, result, vector } = discoverFor(db, target ?? 'won')
    const suggested = suggestScorecard(result, dataset, { name, ...(vector ? { target: vector } : {}) })
    const created = await scorecardHandlers['scorecard-create']({ name }, ctx)
    const saved = await scorecardHandlers['scorecard-save']({ id: created.id, scorecard: suggested.scorecard }, ctx)
    return { ...saved, auc: Number.isFinite(suggested.auc) ? suggested.auc : null, attributes: suggested.attributes }
  }
}
