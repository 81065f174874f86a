import type { BackendContext, BackendHostOptions } from './backend-context'
import { createDispatch, type Dispatch } from './dispatch'
import { handlers } from './handlers'
import { ImportStaging } from './import/import-staging'
import { WorkspaceSession } from './workspace/workspace-session'

export interface Backend {
  dispatch: Dispatch
  context: BackendContext
  /** Closes the open workspace; every change is already on disk. */
  close(): void
}

/** The same backend for every host: Electron main, the web host, the CLI and the tests. */
export function createBackend(options: BackendHostOptions): Backend {
  const context: BackendContext = {
    ...options,
    session: new WorkspaceSession({ nativeBinding: options.sqliteNativeBinding }),
    staging: new ImportStaging()
  }
  return {
    dispatch: createDispatch(handlers, context),
    context,
    close: () => {
      context.staging.clear()
      context.session.close()
    }
  }
}
