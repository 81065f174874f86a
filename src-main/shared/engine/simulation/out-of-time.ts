/**
 * Out-of-time validation: does the scorecard still rank the latest deals well? Deals are split
 * by close date (before the cut vs on or after it); each period gets the full set of figures,
 * and the population stability index says how far the score distribution moved between them.
 * Deals without a close date (open ones, mostly) belong to neither period and are counted.
 */

import type { CompiledScorecard } from '@shared/engine/scoring/compile'
import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { populationStability } from '@shared/engine/stats/psi'
import { bandTable, FIXED_BANDS, type BandRow, type ScoreBand } from './bands'
import type { ScoreHistograms } from './histograms'
import { restrictOutcome, type OutcomeView } from './outcome'
import { scoreOutcome } from './scored-outcome'
import { rankingSummary } from './ranking-summary'
import { thresholdMetrics, type ThresholdMetrics } from './threshold'

export interface PeriodReport {
  /** Earliest and latest close date in the period (epoch ms); null when it has no deals. */
  firstClosedAt: number | null
  lastClosedAt: number | null
  auc: number
  gini: number
  ks: number
  metrics: ThresholdMetrics
  bands: BandRow[]
}

export interface BandDrift {
  name: string
  /** Share of the period's decided deals in the band. */
  before: number
  after: number
  psi: number
}

export interface OutOfTimeReport {
  cutMs: number
  before: PeriodReport
  after: PeriodReport
  /** Deals with no close date, in neither period. */
  undated: number
  psi: { total: number; bands: BandDrift[] }
}

/** The first instant (UTC) of the quarter holding the latest close date: "latest quarter vs the rest". */
export function latestQuarterStart(closedAt: Float64Array): number {
  let latest = -Infinity
  for (let i = 0; i < closedAt.length; i++) if (closedAt[i]! > latest) latest = closedAt[i]!
  if (latest === -Infinity) return NaN
  const date = new Date(latest)
  return Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1)
}

function period(view: OutcomeView, compiled: CompiledScorecard, scored: ScoredRows, threshold: number, bands: readonly ScoreBand[]) {
  const outcome = scoreOutcome(view, scored)
  const h = outcome.histograms
  const ranking = rankingSummary(h)
  const closedAt = view.dataset.closedAt
  let first = Infinity
  let last = -Infinity
  view.include!.forEach((kept, i) => {
    if (kept === 0) return
    first = Math.min(first, closedAt[i]!)
    last = Math.max(last, closedAt[i]!)
  })
  const report: PeriodReport = {
    firstClosedAt: first === Infinity ? null : first,
    lastClosedAt: last === -Infinity ? null : last,
    auc: ranking.auc,
    gini: ranking.gini,
    ks: ranking.ks,
    metrics: thresholdMetrics(outcome, threshold),
    bands: bandTable(outcome, bands, { disqualifiedRow: compiled.knockouts.length > 0 })
  }
  return { report, h }
}

function bandCounts(rows: readonly BandRow[]): number[] {
  return rows.map((row) => row.n)
}

export function outOfTime(
  view: OutcomeView,
  compiled: CompiledScorecard,
  scored: ScoredRows,
  cutMs: number,
  options: { threshold: number; bands?: readonly ScoreBand[] }
): OutOfTimeReport {
  const closedAt = view.dataset.closedAt
  const n = closedAt.length
  const beforeRows = new Uint8Array(n)
  const afterRows = new Uint8Array(n)
  let undated = 0
  for (let i = 0; i < n; i++) {
    if (view.include !== null && view.include[i] === 0) continue
    const at = closedAt[i]!
    if (Number.isNaN(at)) undated++
    else if (at < cutMs) beforeRows[i] = 1
    else afterRows[i] = 1
  }
  const bands = options.bands ?? FIXED_BANDS
  const before = period(restrictOutcome(view, beforeRows), compiled, scored, options.threshold, bands)
  const after = period(restrictOutcome(view, afterRows), compiled, scored, options.threshold, bands)
  const stability = populationStability(bandCounts(before.report.bands), bandCounts(after.report.bands))
  const share = (h: ScoreHistograms, count: number): number => {
    const total = h.deals.reduce((a, b) => a + b, 0)
    return total === 0 ? NaN : count / total
  }
  return {
    cutMs,
    before: before.report,
    after: after.report,
    undated,
    psi: {
      total: stability.total,
      bands: before.report.bands.map((row, i) => ({
        name: row.name,
        before: share(before.h, row.n),
        after: share(after.h, after.report.bands[i]!.n),
        psi: stability.bins[i]!
      }))
    }
  }
}
