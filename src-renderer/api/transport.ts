import type { EventName, Events, Result } from '@shared/contract'

/** How the renderer reaches the backend: Electron IPC or HTTP. Nothing else differs. */
export interface Transport {
  kind: 'ipc' | 'http'
  invoke(method: string, input: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
