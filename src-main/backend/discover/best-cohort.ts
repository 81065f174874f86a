import type { Database } from 'better-sqlite3'
import type { BestCustomerCohort, BestCustomerDefinition } from '@shared/domain/discover'
import { bestCustomers, firstRowOfAccounts } from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { AppError } from '../app-error'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { readBestDefinition } from './best-definition-queries'

export const NO_DEFINITION = 'Best customers need a definition. Define best customers first (Discover > Target).'

export function requireBestDefinition(db: Database): BestCustomerDefinition {
  const definition = readBestDefinition(db)
  if (!definition) throw new AppError('NOT_SUPPORTED', NO_DEFINITION)
  return definition
}

/** The cohort a definition selects, one page of its members (best first) with the metrics that put them there. */
export function cohortPage(dataset: EngineDataset, definition: BestCustomerDefinition, offset: number, limit: number): BestCustomerCohort {
  const best = bestCustomers(dataset, definition)
  const firstRow = firstRowOfAccounts(dataset)
  const members = best.cohort.slice(offset, offset + limit).map((account) => {
    const row = firstRow[account]!
    return {
      accountId: dataset.accountIds[row] ?? '',
      accountName: dataset.accountNames[row] ?? '',
      composite: best.composite[account]!,
      metrics: definition.metrics.map(({ metric }) => {
        const value = best.values.get(metric)?.[account]
        return { metric, value: value === undefined || Number.isNaN(value) ? null : value }
      })
    }
  })
  return {
    definition,
    wonAccounts: best.wonAccounts,
    cohortSize: best.cohort.length,
    missingMetrics: best.missingMetrics,
    members,
    total: best.cohort.length
  }
}

export function bestCohort(db: Database, offset: number, limit: number): BestCustomerCohort {
  return cohortPage(engineDatasetFor(db), requireBestDefinition(db), offset, limit)
}
