/**
 * Two scorecards (or two versions of one) side by side on the same deals and outcome: the
 * headline figures and their differences, and the swap set, the accounts that enter or leave
 * the top tier. An account is in the top tier when any of its deals is.
 */

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
  /** The account's best tier and score under each scorecard (score of its best deal that is not knocked out; null when all are). */
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

interface AccountBest {
  /** Lowest tier index per account (0 = top); -1 when every deal is knocked out; -2 no deals. */
  tier: Int8Array
  score: Int16Array
  firstRow: Int32Array
}

function accountBest(side: ComparedSide): AccountBest {
  const { accountIndex, accountCount } = side.view.dataset
  const tier = new Int8Array(accountCount).fill(-2)
  const score = new Int16Array(accountCount).fill(-1)
  const firstRow = new Int32Array(accountCount).fill(-1)
  const { include } = side.view
  const { tiers, scores } = side.scored
  for (let i = 0; i < accountIndex.length; i++) {
    const account = accountIndex[i]!
    if (account < 0 || (include !== null && include[i] === 0)) continue
    if (firstRow[account] === -1) firstRow[account] = i
    const t = tiers[i]!
    const current = tier[account]!
    if (t >= 0) {
      if (current < 0 || t < current) tier[account] = t
      if (scores[i]! > score[account]!) score[account] = scores[i]!
    } else if (current === -2) tier[account] = -1
  }
  return { tier, score, firstRow }
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
export function compareScorecards(a: ComparedSide, b: ComparedSide, options: { thresholdA?: number; thresholdB?: number } = {}): ScorecardComparison {
  if (a.view.dataset.rowCount !== b.view.dataset.rowCount) throw new RangeError('Scorecards can only be compared on the same deals')
  const bestA = accountBest(a)
  const bestB = accountBest(b)
  const summaryA = summary(a, options.thresholdA ?? topTierMin(a), bestA.tier)
  const summaryB = summary(b, options.thresholdB ?? topTierMin(b), bestB.tier)
  const { accountIds, accountNames } = a.view.dataset
  const tierName = (side: ComparedSide, tier: number): string => (tier >= 0 ? (side.compiled.scorecard.tiers[tier]?.name ?? '') : DISQUALIFIED)
  const swap = (account: number): AccountSwap => {
    const row = bestA.firstRow[account]! >= 0 ? bestA.firstRow[account]! : bestB.firstRow[account]!
    const scoreA = bestA.score[account]!
    const scoreB = bestB.score[account]!
    return {
      accountIndex: account,
      accountId: accountIds[row] ?? '',
      accountName: accountNames[row] ?? '',
      tierA: tierName(a, bestA.tier[account]!),
      tierB: tierName(b, bestB.tier[account]!),
      scoreA: scoreA < 0 ? null : scoreA,
      scoreB: scoreB < 0 ? null : scoreB
    }
  }
  const entering: AccountSwap[] = []
  const leaving: AccountSwap[] = []
  for (let account = 0; account < bestA.tier.length; account++) {
    const inA = bestA.tier[account] === 0
    const inB = bestB.tier[account] === 0
    if (inB && !inA) entering.push(swap(account))
    else if (inA && !inB) leaving.push(swap(account))
  }
  entering.sort((x, y) => (y.scoreB ?? -1) - (x.scoreB ?? -1))
  leaving.sort((x, y) => (y.scoreA ?? -1) - (x.scoreA ?? -1))
  const { scorecard: _a, ...numbersA } = summaryA
  const delta = Object.fromEntries(Object.entries(numbersA).map(([key, value]) => [key, summaryB[key as keyof SummaryDelta] - value])) as SummaryDelta
  return { a: summaryA, b: summaryB, delta, entering, leaving }
}
