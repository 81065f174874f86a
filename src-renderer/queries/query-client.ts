import { QueryClient } from '@tanstack/react-query'
import type { DataKey, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { changesOf, readsAny } from '@shared/contract/data-keys'
import { api } from '../api/api'

/**
 * The one cache of backend data. Answers never go stale by age: they are refetched when a write
 * (here or in another tab) announces a change to what they read, and nothing else.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false }
    }
  })
}

export const queryClient = createQueryClient()

/** The method a cached query calls: its key is [method, input]. */
function methodOf(queryKey: readonly unknown[]): MethodName | null {
  return typeof queryKey[0] === 'string' ? (queryKey[0] as MethodName) : null
}

/**
 * Refetches the shown queries that read any of `keys` and marks the rest stale. `cancelRefetch`
 * false joins a refetch already on its way (the tab that wrote and the event both ask for one).
 */
export function invalidateData(keys: readonly DataKey[], client: QueryClient = queryClient, cancelRefetch = true): Promise<void> {
  if (keys.length === 0) return Promise.resolve()
  return client.invalidateQueries(
    {
      predicate: (query) => {
        const method = methodOf(query.queryKey)
        return method !== null && readsAny(method, keys)
      }
    },
    { cancelRefetch }
  )
}

/**
 * A write: calls the backend, then refetches what the contract says the method changes. Not
 * awaited: the caller goes on with the write's own answer, and a later read of the same data
 * joins the refetch instead of reading the old answer.
 */
export async function callApi<M extends MethodName>(method: M, input: MethodInput<M>, client: QueryClient = queryClient): Promise<MethodOutput<M>> {
  const value = await api().call(method, input)
  void invalidateData(changesOf(method), client)
  return value
}
