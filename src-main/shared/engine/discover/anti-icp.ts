/**
 * The anti-ICP: values whose win (or retention) rate is below the base rate beyond doubt —
 * the Wilson interval's upper bound under it, on enough deals — each with the knockout that
 * would exclude it and what that knockout would have cost in historical wins. Missing bins are
 * left out (an empty field is a data-quality issue, not a trait), and so are leaky attributes.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { defaultScorecard, type Condition, type Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { knockoutBacktest } from '@shared/engine/simulation/knockout-backtest'
import type { DiscoverResult } from './discover'
import { TOO_SMALL } from './woe-iv'

export const MAX_ANTI_ICP = 12

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
    .filter((attribute) => !attribute.leakageSuspected)
    .flatMap((attribute) =>
      attribute.bins
        .filter((bin) => bin.condition.op !== 'is_missing' && bin.n >= TOO_SMALL && bin.ci[1] < result.baseRate)
        .map((bin) => ({ attribute: attribute.name, bin }))
    )
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
