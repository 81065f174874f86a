import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../api/api-client'
import { invalidateData, queryClient } from './query-client'

/**
 * Keeps the cache true to the backend: a `data-changed` event (from this tab's writes or any
 * other window's) refetches what it names. The writing tab has already asked for the refetch,
 * so the event joins it instead of starting another.
 */
export function startDataSync(client: ApiClient, cache: QueryClient = queryClient): () => void {
  return client.on('data-changed', ({ keys }) => void invalidateData(keys, cache, false))
}
