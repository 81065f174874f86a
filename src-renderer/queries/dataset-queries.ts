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
