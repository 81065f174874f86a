import type { Database } from 'better-sqlite3'
import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard, conditionKey } from '@shared/engine/scoring/compile'
import { conditionMask } from '@shared/engine/scoring/condition-mask'
import { conditionsOf, packMasks, packSimulation, type PackedMask, type SimulationPack } from '@shared/engine/simulation/simulation-pack'
import { AppError } from '../app-error'
import { readBestDefinition } from '../discover/best-definition-queries'
import { engineDataVersion, engineDatasetFor } from '../engine/engine-dataset-cache'
import { targetFor, type SimulationRequest } from './run-simulation'

/** The what-if worker's copy of the data for `scorecard` and `outcome` (see shared simulation-pack). */
export function simulationPackFor(
  db: Database,
  scorecard: Scorecard,
  outcome: SimulationRequest['outcome']
): SimulationPack & { dataVersion: string } {
  const dataset = engineDatasetFor(db)
  const target = targetFor(dataset, outcome, outcome === 'best' ? readBestDefinition(db) : null) ?? dataset.outcome
  const compiled = compileScorecard(scorecard, dataset)
  const masks = packMasks(conditionsOf(scorecard), (condition) => compiled.maskCache.get(conditionKey(condition))!)
  return { ...packSimulation(dataset, target, masks), dataVersion: engineDataVersion(db) }
}

/** Masks for conditions added or edited since the pack was made; refused when the data has changed since. */
export function masksFor(db: Database, dataVersion: string, conditions: readonly Condition[]): PackedMask[] {
  if (engineDataVersion(db) !== dataVersion) {
    throw new AppError('STALE', 'The data changed since this simulation was loaded (a new import?); it is being reloaded.')
  }
  const dataset = engineDatasetFor(db)
  return packMasks(conditions, (condition) => conditionMask(dataset.attributes.get(condition.attribute), condition, dataset.rowCount))
}
