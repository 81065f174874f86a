import { appHandlers } from './app-handlers'
import type { Handlers } from './dispatch'
import { workspaceHandlers } from './workspace/workspace-handlers'

/** Every feature's handlers in one table, typed against the contract. */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspaceHandlers
}
