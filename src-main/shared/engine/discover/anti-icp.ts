/**
 * The anti-ICP: values that win (or retain) far less often than the rest — at most half the
 * base rate, the Wilson interval's upper bound under it, on enough accounts or deals, in an
 * attribute that separates the target beyond chance — each with the knockout that would exclude
 * it and what that knockout would have cost in historical wins and revenue. Knockouts are only
 * ever proposed from such evidence, never from a range at the data's extremes. Missing bins are
 * left out (an empty field is a data-quality issue, not a trait), and so are leaky attributes
 * and near-identifiers.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { defaultScorecard, type Condition, type Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { knockoutBacktest } from '@shared/engine/simulation/knockout-backtest'
import { usable, type DiscoverResult } from './discover'
import { TOO_SMALL } from './woe-iv'

export const MAX_ANTI_ICP = 12
/** "Far less often": at most this share of the base rate. */
export const FAR_LESS = 0.5

export interface AntiIcpFinding {
  attribute: string
  label: string
  n: number
  positives: number
  rate: number
  ci: [number, number]
  lift: number
  condition: Condition
  wonDealsRemoved: number
  wonRevenueRemoved: number
  lostDealsRemoved: number
}

export function antiIcp(result: DiscoverResult, dataset: EngineDataset, max = MAX_ANTI_ICP): AntiIcpFinding[] {
  const candidates = result.attributes
    .filter((attribute) => usable(attribute) && attribute.significant)
    .flatMap((attribute) => {
      // Each attribute against its own unit's base rate: accounts for an account fact.
      const base = attribute.unit === 'account' && result.accounts ? result.accounts.baseRate : result.baseRate
      return attribute.bins
        .filter((bin) => bin.condition.op !== 'is_missing' && bin.n >= TOO_SMALL && bin.ci[1] < base && bin.lift <= FAR_LESS)
        .map((bin) => ({ attribute: attribute.name, bin }))
    })
    .sort((a, b) => a.bin.lift - b.bin.lift || b.bin.n - a.bin.n)
    .slice(0, max)
  if (candidates.length === 0) return []
  // The cost is counted in won deals whatever the target: a knockout turns away deals, and
  // what a consultant weighs is the wins history says it would have turned away.
  const scorecard: Scorecard = {
    ...defaultScorecard('Anti-ICP'),
    knockouts: candidates.map(({ bin }, i) => ({ name: `k${i}`, ...bin.condition }))
  }
  const backtest = knockoutBacktest(prepareOutcome(dataset), compileScorecard(scorecard, dataset))
  return candidates.map(({ attribute, bin }, i) => {
    const cost = backtest[i]!
    return {
      attribute,
      label: bin.label,
      n: bin.n,
      positives: bin.positives,
      rate: bin.rate,
      ci: bin.ci,
      lift: bin.lift,
      condition: bin.condition,
      wonDealsRemoved: cost.wonDealsRemoved,
      wonRevenueRemoved: cost.wonRevenueRemoved,
      lostDealsRemoved: cost.lostDealsRemoved
    }
  })
}
