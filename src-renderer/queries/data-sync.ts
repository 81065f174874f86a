import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../api/api-client'
import { invalidateData, isOwnWrite, queryClient } from './query-client'

/**
 * Keeps the cache true to the backend: a \`data-changed\` event from another window or tab
 * refetches what it names. The echo of this tab's own write is skipped: callApi has already
 * refetched after it, and a second refetch would cancel the first for nothing.
 */
export function startDataSync(client: ApiClient, cache: QueryClient = queryClient): () => void {
  return client.on('data-changed', ({ keys, method }) => {
    if (isOwnWrite(method)) return
    void invalidateData(keys, cache)
  })
}
