import { suggestScorecard } from '@shared/engine/discover'
import { workspaceOutcomeWords } from '../dataset/dataset-summary'
import type { Handlers } from '../dispatch'
import { readBestDefinition } from '../discover/best-definition-queries'
import { scorecardCheckReport } from '../discover/discover-checks'
import { discoverOptionsFor } from '../discover/discover-report'
import { scorecardValidation, validationOf } from '../discover/scorecard-validation'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { targetFor } from '../simulate/run-simulation'
import { criterionEvidence, explainRecords } from '../simulate/scorecard-insight'
import { scorecardHandlers } from './scorecard-handlers'
import { workingScorecard } from './working-scorecard'

type ScorecardEvidenceMethods = 'scorecard-evidence' | 'scorecard-explain' | 'scorecard-check' | 'scorecard-validate' | 'scorecard-suggest'

/**
 * The scorecard-* methods that read the evidence rather than the scorecard tables: each lives
 * here, under its name's folder, and calls the discover and simulate code it needs.
 */
export const scorecardEvidenceHandlers: Pick<Handlers, ScorecardEvidenceMethods> = {
  'scorecard-evidence'({ id }, ctx) {
    const { db } = ctx.session.require()
    return criterionEvidence(db, workingScorecard(db, id))
  },

  'scorecard-explain'({ id, query, limit }, ctx) {
    const { db } = ctx.session.require()
    return explainRecords(db, workingScorecard(db, id), query, limit)
  },

  'scorecard-check': ({ id, target }, ctx) => scorecardCheckReport(ctx.session.require().db, id, target ?? 'won'),

  'scorecard-validate': ({ scorecardId, target }, ctx) => scorecardValidation(ctx.session.require().db, scorecardId, target ?? 'won'),

  /** Builds a scorecard from the evidence and saves it like any other (it can then be edited). */
  async 'scorecard-suggest'({ name, target }, ctx) {
    const { db } = ctx.session.require()
    const dataset = engineDatasetFor(db)
    const vector = targetFor(dataset, target ?? 'won', target === 'best' ? readBestDefinition(db) : null)
    // Won vs lost in a churn study is said as retained vs churned customers, as everywhere else.
    const words = (target ?? 'won') === 'won' ? workspaceOutcomeWords(db) : null
    const rateName =
      target === 'best' ? 'best-customer rate' : target === 'retained' || words?.kind === 'retained' ? 'retention rate' : null
    const suggested = suggestScorecard(dataset, {
      name,
      ...(vector ? { target: vector } : {}),
      ...(rateName ? { rateName } : {}),
      ...(words ? { words } : {}),
      discover: discoverOptionsFor(db, dataset)
    })
    const created = await scorecardHandlers['scorecard-create']({ name }, ctx)
    const saved = await scorecardHandlers['scorecard-save']({ id: created.id, scorecard: suggested.scorecard }, ctx)
    const validation = validationOf(suggested.validation)
    return { ...saved, auc: validation.auc, attributes: suggested.attributes, validation }
  }
}
