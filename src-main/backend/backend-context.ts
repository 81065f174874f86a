import type { EventSink } from '@shared/contract'
import type { HostKind } from '@shared/domain/workspace'
import type { ImportStaging } from './import/import-staging'
import type { RecentWorkspaces } from './workspace/recent-workspaces'
import type { WorkspaceLocations } from './workspace/workspace-locations'
import type { WorkspaceSession } from './workspace/workspace-session'

/** What a host (Electron main, the web host, the CLI) gives the backend. */
export interface BackendHostOptions {
  host: HostKind
  locations: WorkspaceLocations
  recents: RecentWorkspaces
  /** Where the sample workspace is kept (the data folder in browser mode, app data on the desktop). */
  sampleDir: string
  /** Push events to the renderer; the CLI passes a no-op. */
  emit: EventSink
  /**
   * Path of a better-sqlite3 addon built for this runtime's ABI. Electron needs one built for
   * Electron's ABI while Node (tests, CLI, web host) uses the one npm built.
   */
  sqliteNativeBinding?: string
}

/** Everything a handler may use. One per host process. */
export interface BackendContext extends BackendHostOptions {
  session: WorkspaceSession
  /** Imports read but not yet committed. */
  staging: ImportStaging
}
