import type { Database } from 'better-sqlite3'
import type { CompareReport, CompareSide, CompareSwap, CompareSwapPage, ScorecardRef } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { AccountSwap, SideSummary } from '@shared/engine/simulation/compare'
import { sum } from '@shared/engine/simulation/histograms'
import { AppError } from '../app-error'
import { readContent } from '../scorecards/scorecard-content'
import { findScorecard, listVersions } from '../scorecards/scorecard-queries'
import { simulationFor, type SimulationRequest } from './run-simulation'

export const WORKING_COPY = 'Working copy'

export interface ResolvedScorecard {
  ref: { scorecardId: number; versionId: number | null }
  scorecard: Scorecard
  revision: string
}

/** A scorecard's working copy, or one of its saved versions, read as the engine needs it. */
export function resolveScorecard(db: Database, ref: ScorecardRef): ResolvedScorecard {
  const record = findScorecard(db, ref.scorecardId)
  if (!record) {
    throw new AppError('NOT_FOUND', `There is no scorecard ${ref.scorecardId} in this workspace; it may have been deleted.`, {
      id: ref.scorecardId
    })
  }
  if (ref.versionId === undefined) {
    return {
      ref: { scorecardId: record.id, versionId: null },
      scorecard: readContent(db, record.workingRevisionId, record.name),
      revision: WORKING_COPY
    }
  }
  // listVersions also gives the note, which names the side on screen ("Q3 review").
  const version = listVersions(db, record.id).find((v) => v.id === ref.versionId)
  if (!version) throw new AppError('NOT_FOUND', `"${record.name}" has no saved version ${ref.versionId}.`, { versionId: ref.versionId })
  return {
    ref: { scorecardId: record.id, versionId: version.id },
    scorecard: readContent(db, version.id, record.name),
    revision: version.note
  }
}

/** JSON has no NaN: a figure with nothing to divide by is null. */
const num = (value: number): number | null => (Number.isFinite(value) ? value : null)

function side(resolved: ResolvedScorecard, summary: SideSummary): CompareSide {
  const top = resolved.scorecard.tiers[0]
  return {
    scorecardId: resolved.ref.scorecardId,
    versionId: resolved.ref.versionId,
    scorecard: resolved.scorecard.name,
    revision: resolved.revision,
    topTier: top?.name ?? '',
    topTierMin: top?.min ?? 0,
    threshold: summary.threshold,
    auc: num(summary.auc),
    gini: num(summary.gini),
    ks: num(summary.ks),
    passRate: num(summary.passRate),
    winRateAbove: num(summary.winRateAbove),
    lift: num(summary.lift),
    recall: num(summary.recall),
    revenueKept: num(summary.revenueKept),
    topTierAccounts: summary.topTierAccounts
  }
}

function page(swaps: readonly AccountSwap[], offset: number, limit: number): CompareSwapPage {
  const rows = swaps.slice(offset, offset + limit).map(({ accountId, accountName, tierA, tierB, scoreA, scoreB }): CompareSwap => ({
    accountId,
    accountName,
    tierA,
    tierB,
    scoreA,
    scoreB
  }))
  return { total: swaps.length, offset, rows }
}

export interface CompareRequest {
  a: ScorecardRef
  b: ScorecardRef
  outcome: SimulationRequest['outcome']
  thresholdA?: number | undefined
  thresholdB?: number | undefined
  enteringOffset?: number | undefined
  leavingOffset?: number | undefined
  swapLimit?: number | undefined
}

const DEFAULT_SWAP_LIMIT = 50

/** Both sides scored on the same deals and outcome by the engine's own comparison, made JSON-safe. */
export function compareRefs(db: Database, request: CompareRequest): CompareReport {
  const a = resolveScorecard(db, request.a)
  const b = resolveScorecard(db, request.b)
  const simA = simulationFor(db, a.scorecard, request.outcome)
  const simB = simulationFor(db, b.scorecard, request.outcome)
  const comparison = simA.compare(simB, {
    ...(request.thresholdA !== undefined ? { thresholdA: request.thresholdA } : {}),
    ...(request.thresholdB !== undefined ? { thresholdB: request.thresholdB } : {})
  })
  const sideA = side(a, comparison.a)
  const sideB = side(b, comparison.b)
  const difference = (x: number | null, y: number | null): number | null => (x === null || y === null ? null : y - x)
  const limit = request.swapLimit ?? DEFAULT_SWAP_LIMIT
  return {
    outcome: request.outcome,
    n: sum(simA.histograms.deals),
    a: sideA,
    b: sideB,
    delta: {
      threshold: sideB.threshold - sideA.threshold,
      auc: difference(sideA.auc, sideB.auc),
      gini: difference(sideA.gini, sideB.gini),
      ks: difference(sideA.ks, sideB.ks),
      passRate: difference(sideA.passRate, sideB.passRate),
      winRateAbove: difference(sideA.winRateAbove, sideB.winRateAbove),
      lift: difference(sideA.lift, sideB.lift),
      recall: difference(sideA.recall, sideB.recall),
      revenueKept: difference(sideA.revenueKept, sideB.revenueKept),
      topTierAccounts: sideB.topTierAccounts - sideA.topTierAccounts
    },
    entering: page(comparison.entering, request.enteringOffset ?? 0, limit),
    leaving: page(comparison.leaving, request.leavingOffset ?? 0, limit)
  }
}
