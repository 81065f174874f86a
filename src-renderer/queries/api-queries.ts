import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { api } from '../api/api'
import { useWorkspaceStore } from '../stores/workspace-store'
import { queryClient } from './query-client'

export { callApi } from './query-client'

/**
 * A read as a query, keyed by method, input and the open workspace: equal calls share one answer
 * and one fetch, and an answer about one workspace is never shown for another, not even for the
 * frame in which the other one's answer is on its way.
 */
export function apiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  workspacePath = useWorkspaceStore.getState().workspace?.path ?? null
) {
  return queryOptions<MethodOutput<M>>({
    queryKey: [method, input, workspacePath],
    queryFn: () => api().call(method, input) as Promise<MethodOutput<M>>
  })
}

/**
 * A read from a component: `input` null waits (nothing to ask yet, e.g. no scorecard chosen).
 * `keepPrevious` shows the last answer while a new input's is on its way (a page of a list, a
 * side of a comparison), so the screen does not blank out between the two.
 */
export function useApiQuery<M extends MethodName>(method: M, input: MethodInput<M> | null, options: { keepPrevious?: boolean } = {}) {
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  return useQuery({
    ...apiQuery(method, (input ?? {}) as MethodInput<M>, path),
    enabled: input !== null,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {})
  })
}

/** A read from outside React (commands, stores' actions): the cached answer, or one fetch. */
export function fetchApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  client: QueryClient = queryClient
): Promise<MethodOutput<M>> {
  return client.fetchQuery(apiQuery(method, input))
}
