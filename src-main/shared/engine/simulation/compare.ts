/**
 * Two scorecards (or two versions of one) side by side on the same deals and outcome: the
 * headline figures and their differences, and the swap set, the accounts that enter or leave
 * the top tier. An account's tier and score are those of its most recent deal, the rule every
 * screen and export uses (see representative-deals): Disqualified when a knockout hits that deal.
 */

import { representativeDeals } from '@shared/engine/representative-deals'
import type { CompiledScorecard } from '@shared/engine/scoring/compile'
import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import type { ScoreHistograms } from './histograms'
import type { OutcomeView } from './outcome'
import { rankingSummary } from './ranking-summary'
import { sweepPointAt } from './threshold'

export interface ComparedSide {
  view: OutcomeView
  compiled: CompiledScorecard
  scored: ScoredRows
  histograms: ScoreHistograms
}

export interface SideSummary {
  scorecard: string
  threshold: number
  auc: number
  gini: number
  ks: number
  passRate: number
  winRateAbove: number
  lift: number
  recall: number
  revenueKept: number
  topTierAccounts: number
}

export type SummaryDelta = Omit<SideSummary, 'scorecard'>

export interface AccountSwap {
  accountIndex: number
  accountId: string
  accountName: string
  /** The account's tier and score under each scorecard: its most recent deal's (Disqualified when knocked out; null when it has no deal in the view). */
  tierA: string
  tierB: string
  scoreA: number | null
  scoreB: number | null
}

export interface ScorecardComparison {
  a: SideSummary
  b: SideSummary
  /** b - a. */
  delta: SummaryDelta
  entering: AccountSwap[]
  leaving: AccountSwap[]
}

interface AccountTiers {
  /** Per account: its most recent deal's tier index (0 = top); -1 when knocked out; -2 no deals. */
  tier: Int8Array
  /** Per account: its most recent deal's score; -1 when it has no deals. */
  score: Int16Array
  /** Per account: its most recent deal, -1 when none. */
  row: Int32Array
}

function accountTiers(side: ComparedSide): AccountTiers {
  const { dataset, include } = side.view
  const row = representativeDeals(dataset, include)
  const tier = new Int8Array(row.length).fill(-2)
  const score = new Int16Array(row.length).fill(-1)
  const { tiers, scores } = side.scored
  for (let account = 0; account < row.length; account++) {
    const deal = row[account]!
    if (deal < 0) continue
    tier[account] = tiers[deal]!
    score[account] = scores[deal]!
  }
  return { tier, score, row }
}

function summary(side: ComparedSide, threshold: number, topTier: Int8Array): SideSummary {
  const ranking = rankingSummary(side.histograms)
  const point = sweepPointAt(side.histograms, threshold)
  let topTierAccounts = 0
  for (let a = 0; a < topTier.length; a++) if (topTier[a] === 0) topTierAccounts++
  return {
    scorecard: side.compiled.scorecard.name,
    threshold,
    auc: ranking.auc,
    gini: ranking.gini,
    ks: ranking.ks,
    passRate: point.passRate,
    winRateAbove: point.winRateAbove,
    lift: point.lift,
    recall: point.recall,
    revenueKept: point.revenueKept,
    topTierAccounts
  }
}

const topTierMin = (side: ComparedSide): number => side.compiled.scorecard.tiers[0]?.min ?? 0

/** Compares at each scorecard's own top-tier threshold unless thresholds are given. */
export function compareScorecards(
  a: ComparedSide,
  b: ComparedSide,
  options: { thresholdA?: number; thresholdB?: number } = {}
): ScorecardComparison {
  if (a.view.dataset.rowCount !== b.view.dataset.rowCount) throw new RangeError('Scorecards can only be compared on the same deals')
  const byA = accountTiers(a)
  const byB = accountTiers(b)
  const summaryA = summary(a, options.thresholdA ?? topTierMin(a), byA.tier)
  const summaryB = summary(b, options.thresholdB ?? topTierMin(b), byB.tier)
  const { accountIds, accountNames } = a.view.dataset
  const tierName = (side: ComparedSide, tier: number): string =>
    tier >= 0 ? (side.compiled.scorecard.tiers[tier]?.name ?? '') : DISQUALIFIED
  const swap = (account: number): AccountSwap => {
    const row = byA.row[account]! >= 0 ? byA.row[account]! : byB.row[account]!
    const scoreA = byA.score[account]!
    const scoreB = byB.score[account]!
    return {
      accountIndex: account,
      accountId: accountIds[row] ?? '',
      accountName: accountNames[row] ?? '',
      tierA: tierName(a, byA.tier[account]!),
      tierB: tierName(b, byB.tier[account]!),
      scoreA: scoreA < 0 ? null : scoreA,
      scoreB: scoreB < 0 ? null : scoreB
    }
  }
  const entering: AccountSwap[] = []
  const leaving: AccountSwap[] = []
  for (let account = 0; account < byA.tier.length; account++) {
    const inA = byA.tier[account] === 0
    const inB = byB.tier[account] === 0
    if (inB && !inA) entering.push(swap(account))
    else if (inA && !inB) leaving.push(swap(account))
  }
  entering.sort((x, y) => (y.scoreB ?? -1) - (x.scoreB ?? -1))
  leaving.sort((x, y) => (y.scoreA ?? -1) - (x.scoreA ?? -1))
  const { scorecard: _a, ...numbersA } = summaryA
  const delta = Object.fromEntries(
    Object.entries(numbersA).map(([key, value]) => [key, summaryB[key as keyof SummaryDelta] - value])
  ) as SummaryDelta
  return { a: summaryA, b: summaryB, delta, entering, leaving }
}
