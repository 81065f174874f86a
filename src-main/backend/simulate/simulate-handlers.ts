import type { Handlers } from '../dispatch'
import { workingScorecard } from '../scorecards/working-scorecard'
import { bandAccounts } from './band-accounts'
import { compareRefs } from './compare-scorecards'
import { recordReview, reviewScorecard } from './quarterly-review'
import { runSimulation } from './run-simulation'
import { masksFor, simulationPackFor } from './simulation-pack-for'

export const simulateHandlers: Pick<
  Handlers,
  | 'simulate-run'
  | 'simulate-pack'
  | 'simulate-masks'
  | 'simulate-compare'
  | 'simulate-band-accounts'
  | 'simulate-review'
  | 'simulate-review-record'
> = {
  'simulate-review'({ scorecardId, since }, ctx) {
    return reviewScorecard(ctx.session.require().db, scorecardId, since)
  },

  'simulate-review-record'({ scorecardId, since }, ctx) {
    return recordReview(ctx.session.require().db, scorecardId, since, new Date().toISOString())
  },

  'simulate-pack'({ scorecard, outcome }, ctx) {
    const { db } = ctx.session.require()
    return simulationPackFor(db, scorecard, outcome ?? 'won')
  },

  'simulate-masks'({ dataVersion, conditions }, ctx) {
    const { db } = ctx.session.require()
    return masksFor(db, dataVersion, conditions)
  },

  'simulate-run'(input, ctx) {
    const { db } = ctx.session.require()
    return runSimulation(db, workingScorecard(db, input.scorecardId), {
      threshold: input.threshold,
      capacity: input.capacity,
      outcome: input.outcome ?? 'won',
      splitDate: input.splitDate
    })
  },

  'simulate-compare'({ outcome, ...input }, ctx) {
    const { db } = ctx.session.require()
    return compareRefs(db, { ...input, outcome: outcome ?? 'won' })
  },

  'simulate-band-accounts'({ scorecardId, outcome, ...band }, ctx) {
    const { db } = ctx.session.require()
    return bandAccounts(db, workingScorecard(db, scorecardId), { ...band, outcome: outcome ?? 'won' })
  }
}
