import type { EventSink } from '@shared/contract'
import type { HostKind } from '@shared/domain/workspace'
import type { DesktopFiles } from './export/desktop-files'
import type { PdfPrinter } from './export/pdf-printer'
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
  /** Prints the one-pager to PDF; without it, headless Chromium from the built renderer (browser mode, CLI). */
  printPdf?: PdfPrinter
  /** The desktop's native Save dialog and shell; absent in browser mode and the CLI. */
  desktopFiles?: DesktopFiles
}

/** Everything a handler may use. One per host process. */
export interface BackendContext extends BackendHostOptions {
  session: WorkspaceSession
  /** Imports read but not yet committed. */
  staging: ImportStaging
}
