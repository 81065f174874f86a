/**
 * The Simulate screen's whole answer for one scorecard, outcome and threshold, as plain JSON
 * (no NaN: a rate with nothing to divide by is null). Built from a Simulation, so the backend
 * (CLI, `simulate-run`) and the renderer's what-if worker produce the same report from the
 * same code.
 */

import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import type { BandRow } from './bands'
import type { Simulation } from './simulation'

export interface SimulationRequest {
  threshold?: number | undefined
  capacity?: number | undefined
  outcome: 'won' | 'best' | 'retained'
  /** YYYY-MM-DD: deals closed before it against deals closed on or after it. */
  splitDate?: string | undefined
}

const num = (value: number): number | null => (Number.isFinite(value) ? value : null)
const pair = (values: readonly [number, number]): [number | null, number | null] => [num(values[0]), num(values[1])]

/** Midnight UTC of a YYYY-MM-DD date, or null when it is not a real date (e.g. 2025-02-30). */
export function parseSplitDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null
}

function band(row: BandRow): SimulationBand {
  return {
    name: row.name,
    from: row.from,
    to: row.to,
    n: row.n,
    wins: row.wins,
    winRate: num(row.winRate),
    ci: pair(row.ci),
    medianCycleDays: num(row.medianCycleDays),
    meanWonAmount: num(row.meanWonAmount),
    tooSmall: row.tooSmall
  }
}

/**
 * Read from the score histograms (bucket s + 1 holds score s; bucket 0 the knocked-out deals,
 * which never pass): per-score won/lost counts and the ROC points, one per threshold.
 */
function distributionAndRoc(simulation: Simulation): Pick<SimulationReport, 'distribution' | 'roc'> {
  const { deals, wins } = simulation.histograms
  const distribution: SimulationReport['distribution'] = []
  let totalWins = 0
  let totalLosses = 0
  for (let b = 0; b < deals.length; b++) {
    totalWins += wins[b]!
    totalLosses += deals[b]! - wins[b]!
  }
  for (let score = 0; score <= 100; score++) {
    const b = score + 1
    distribution.push({ score, won: wins[b] ?? 0, lost: (deals[b] ?? 0) - (wins[b] ?? 0) })
  }
  const roc: SimulationReport['roc'] = []
  let winsAbove = 0
  let lossesAbove = 0
  for (let threshold = 100; threshold >= 0; threshold--) {
    winsAbove += distribution[threshold]!.won
    lossesAbove += distribution[threshold]!.lost
    roc.push({
      threshold,
      falsePositiveRate: totalLosses > 0 ? lossesAbove / totalLosses : null,
      truePositiveRate: totalWins > 0 ? winsAbove / totalWins : null
    })
  }
  return { distribution, roc: roc.reverse() }
}

/**
 * Everything the Simulate screen and `icp simulate` report. Without a threshold: the
 * capacity's threshold, else the top tier's minimum. Throws a RangeError for a split date
 * that is not a real date.
 */
export function simulationReport(simulation: Simulation, request: SimulationRequest): SimulationReport {
  const scorecard = simulation.compiled.scorecard
  const capacity = request.capacity !== undefined ? simulation.capacity(request.capacity) : null
  const threshold = request.threshold ?? capacity?.threshold ?? scorecard.tiers[0]?.min ?? 80
  const at = simulation.thresholdMetrics(threshold)
  const ranking = simulation.ranking()
  const report: SimulationReport = {
    scorecard: scorecard.name,
    outcome: request.outcome,
    n: at.n,
    wins: at.wins,
    losses: at.losses,
    excludedOpen: at.excludedOpen,
    auc: num(ranking.auc),
    gini: num(ranking.gini),
    ks: num(ranking.ks),
    threshold,
    passCount: at.passCount,
    passRate: num(at.passRate),
    winRateAbove: num(at.winRateAbove),
    winRateBelow: num(at.winRateBelow),
    ciAbove: pair(at.ciAbove),
    ciBelow: pair(at.ciBelow),
    lift: num(at.lift),
    recall: num(at.recall),
    revenueKept: num(at.revenueKept),
    medianCycleAbove: num(at.medianCycleAbove),
    medianCycleBelow: num(at.medianCycleBelow),
    bands: simulation.bandTable().map(band),
    tiers: simulation.tierTable().map(band),
    curve: simulation.curve().map((p) => ({
      threshold: p.threshold,
      passRate: num(p.passRate),
      recall: num(p.recall),
      winRateAbove: num(p.winRateAbove)
    })),
    knockouts: simulation.knockoutBacktest().map((k) => ({
      name: k.name,
      wonDealsRemoved: k.wonDealsRemoved,
      wonRevenueRemoved: k.wonRevenueRemoved,
      lostDealsRemoved: k.lostDealsRemoved
    })),
    ...distributionAndRoc(simulation)
  }
  if (capacity) {
    report.capacity = { accounts: capacity.capacity, threshold: capacity.threshold, accountsPassing: capacity.accountsPassing }
  }
  if (request.splitDate) {
    const cut = parseSplitDate(request.splitDate)
    if (cut === null) throw new RangeError(`"${request.splitDate}" is not a date; use YYYY-MM-DD.`)
    const split = simulation.outOfTime(cut, threshold)
    const period = (p: typeof split.before) => ({
      n: p.metrics.n,
      wins: p.metrics.wins,
      winRateAbove: num(p.metrics.winRateAbove),
      lift: num(p.metrics.lift),
      auc: num(p.auc)
    })
    report.outOfTime = {
      splitDate: request.splitDate,
      before: period(split.before),
      after: period(split.after),
      psi: num(split.psi.total),
      bandPsi: split.psi.bands.map((b) => ({ name: b.name, psi: num(b.psi) }))
    }
  }
  return report
}
