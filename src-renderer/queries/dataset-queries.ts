import type { OutcomeWords } from '@shared/domain/one-pager'
import { WON_WORDS } from '@shared/export/outcome-words'
import { useApiQuery } from './api-queries'

/** The stored tables, columns, outcomes and join: what every section reads about the data. */
export function useDatasetSummary() {
  return useApiQuery('dataset-summary', {})
}

/**
 * Changes whenever the stored data was refetched after a change: grids that page through rows
 * themselves (virtualised, not cached) start again from it.
 */
export function useDatasetVersion(): number {
  return useDatasetSummary().dataUpdatedAt
}

/**
 * How the screens say the outcome: won and lost deals, or for a churn study (its churn flag's yes
 * mapped to lost) retained and churned customers, as the deliverables say it
 * (shared/export/outcome-words.ts). Won words until the data is known.
 */
export function useOutcomeWords(): OutcomeWords {
  return useDatasetSummary().data?.outcomeWords ?? WON_WORDS
}
