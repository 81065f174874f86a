import type { Database } from 'better-sqlite3'
import type { BestCustomerDefinition } from '@shared/domain/discover'
import type { SimulationReport } from '@shared/domain/simulation'
import { bestCustomers, bestTarget } from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate, type Simulation } from '@shared/engine/simulation/simulation'
import { parseSplitDate, simulationReport, type SimulationRequest } from '@shared/engine/simulation/simulation-report'
import { AppError } from '../app-error'
import { NO_DEFINITION } from '../discover/best-cohort'
import { readBestDefinition } from '../discover/best-definition-queries'
import { engineDatasetFor } from '../engine/engine-dataset-cache'

export type { SimulationRequest } from '@shared/engine/simulation/simulation-report'

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

/** Everything `icp simulate` reports for one scorecard, threshold and outcome. */
export function runSimulation(db: Database, scorecard: Scorecard, request: SimulationRequest): SimulationReport {
  if (request.splitDate && parseSplitDate(request.splitDate) === null) {
    throw new AppError('BAD_INPUT', `"${request.splitDate}" is not a date; use YYYY-MM-DD.`)
  }
  return simulationReport(simulationFor(db, scorecard, request.outcome), request)
}
