import type { Result } from './errors'
import type { EventName, Events } from './events'

/** Channel names shared by the Electron preload and main process. */
export const IPC_INVOKE_CHANNEL = 'icp:invoke'
export const IPC_EVENT_CHANNEL = 'icp:event'

/** What the preload exposes as `window.icp`: nothing but these two functions. */
export interface IcpBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
