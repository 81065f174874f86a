import { QueryClient } from '@tanstack/react-query'
import type { DataKey, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { changesOf, readsAny } from '@shared/contract/data-keys'
import { api } from '../api/api'
import { useWorkspaceStore } from '../stores/workspace-store'
import { applyOwnAnswer, type Answered } from './own-answers'

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
export function invalidateData(
  keys: readonly DataKey[],
  client: QueryClient = queryClient,
  cancelRefetch = true,
  answered: Answered = () => false
): Promise<void> {
  if (keys.length === 0) return Promise.resolve()
  return client.invalidateQueries(
    {
      predicate: (query) => {
        const method = methodOf(query.queryKey)
        return method !== null && readsAny(method, keys) && !answered(query)
      }
    },
    { cancelRefetch }
  )
}

/**
 * This tab's writes whose data-changed event has not arrived yet. The tab refetches after its own
 * write itself (so a read right after the write is fresh whichever comes first, the answer or the
 * event), and the event, when it comes, is recognised here instead of refetching a second time.
 */
const ownWrites: Array<{ method: MethodName; at: number }> = []
/** An event that never came (a dropped stream) stops being waited for after this long. */
const OWN_WRITE_MS = 10_000

/** Whether a data-changed event is the echo of this tab's own write (consumed if so). */
export function isOwnWrite(method: string, now = Date.now()): boolean {
  while (ownWrites.length > 0 && now - ownWrites[0]!.at > OWN_WRITE_MS) ownWrites.shift()
  const index = ownWrites.findIndex((w) => w.method === method)
  if (index < 0) return false
  ownWrites.splice(index, 1)
  return true
}

/**
 * A write: calls the backend, then refetches what the contract says the method changes, less
 * what the write's own answer already brought up to date (own-answers.ts). Not
 * awaited: the caller goes on with the write's own answer, and a later read of the same data
 * joins the refetch instead of reading the old answer.
 */
export async function callApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  client: QueryClient = queryClient
): Promise<MethodOutput<M>> {
  const keys = changesOf(method)
  // The workspace the write goes to: its answer may only stand in for that workspace's reads.
  const workspacePath = useWorkspaceStore.getState().workspace?.path ?? null
  const mine = { method, at: Date.now() }
  if (keys.length > 0) ownWrites.push(mine)
  try {
    const value = await api().call(method, input)
    void invalidateData(keys, client, true, applyOwnAnswer(method, input, value, workspacePath, client))
    return value
  } catch (error) {
    // A refused write sends no event.
    const index = ownWrites.indexOf(mine)
    if (index >= 0) ownWrites.splice(index, 1)
    throw error
  }
}
