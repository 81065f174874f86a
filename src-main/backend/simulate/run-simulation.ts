import type { Database } from 'better-sqlite3'
import type { BestCustomerDefinition } from '@shared/domain/discover'
import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import { bestCustomers, bestTarget } from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import type { BandRow } from '@shared/engine/simulation/bands'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate, type Simulation } from '@shared/engine/simulation/simulation'
import { AppError } from '../app-error'
import { NO_DEFINITION } from '../discover/best-cohort'
import { readBestDefinition } from '../discover/best-definition-queries'
import { engineDatasetFor } from '../engine/engine-dataset-cache'

export interface SimulationRequest {
  threshold?: number | undefined
  capacity?: number | undefined
  outcome: 'won' | 'best' | 'retained'
  /** YYYY-MM-DD: deals closed before it against deals closed on or after it. */
  splitDate?: string | undefined
}

/** JSON has no NaN: a rate with nothing to divide by is null. */
const num = (value: number): number | null => (Number.isFinite(value) ? value : null)
const pair = (values: readonly [number, number]): [number | null, number | null] => [num(values[0]), num(values[1])]

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
 * Which deals count as positive: won deals (won vs lost), won deals of best-customer
 * accounts (best vs the rest, from the saved definition), or won deals whose account stayed
 * (retained vs churned).
 */
export function targetFor(
  dataset: EngineDataset,
  outcome: SimulationRequest['outcome'],
  definition: BestCustomerDefinition | null = null
): Int8Array | undefined {
  if (outcome === 'won') return undefined
  if (outcome === 'best') {
    if (!definition) throw new AppError('NOT_SUPPORTED', NO_DEFINITION)
    return bestTarget(dataset, bestCustomers(dataset, definition))
  }
  const churned = dataset.churned
  if (!churned) throw new AppError('BAD_INPUT', 'Retained vs churned needs a column with the role "Churned"; set one in the Data section.')
  const target = new Int8Array(dataset.rowCount).fill(-1)
  for (let row = 0; row < dataset.rowCount; row++) {
    if (dataset.outcome[row] === 1 && churned[row] !== -1) target[row] = churned[row] === 1 ? 0 : 1
  }
  return target
}

export function simulationFor(db: Database, scorecard: Scorecard, outcome: SimulationRequest['outcome']): Simulation {
  const dataset = engineDatasetFor(db)
  const target = targetFor(dataset, outcome, outcome === 'best' ? readBestDefinition(db) : null)
  const compiled = compileScorecard(scorecard, dataset)
  return simulate(prepareOutcome(dataset, target ? { target } : {}), compiled, scoreCompiled(compiled))
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

/** Everything `icp simulate` reports for one scorecard, threshold and outcome. */
export function runSimulation(db: Database, scorecard: Scorecard, request: SimulationRequest): SimulationReport {
  const simulation = simulationFor(db, scorecard, request.outcome)
  const capacity = request.capacity !== undefined ? simulation.capacity(request.capacity) : null
  // Without a threshold: the capacity's threshold, else the top tier's minimum.
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
      wonRevenueRemoved: k.wonRevenueRemoved
    })),
    ...distributionAndRoc(simulation)
  }
  if (capacity) {
    report.capacity = { accounts: capacity.capacity, threshold: capacity.threshold, accountsPassing: capacity.accountsPassing }
  }
  if (request.splitDate) {
    const cut = Date.parse(`${request.splitDate}T00:00:00Z`)
    if (Number.isNaN(cut)) throw new AppError('BAD_INPUT', `"${request.splitDate}" is not a date; use YYYY-MM-DD.`)
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
