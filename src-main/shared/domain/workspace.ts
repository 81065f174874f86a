/** The app's sections, in navigation order. */
export const SECTIONS = ['data', 'discover', 'scorecards', 'simulate', 'export'] as const
export type SectionId = (typeof SECTIONS)[number]

/** What the app knows about the open workspace file. */
export interface WorkspaceSummary {
  path: string
  fileName: string
  name: string
  createdAt: string
  updatedAt: string
  /** Schema version of the file (PRAGMA user_version). */
  formatVersion: number
  createdByVersion: string
  currentSection: SectionId
  sizeBytes: number
}

export interface RecentWorkspace {
  path: string
  name: string
  lastOpenedAt: string
  /** The file is no longer where it was last opened. */
  missing: boolean
}

/** A workspace file found in browser mode's data folder. */
export interface WorkspaceFileEntry {
  path: string
  fileName: string
  sizeBytes: number
  modifiedAt: string
}

export type HostKind = 'desktop' | 'browser' | 'cli'

/**
 * How the host lets the user pick workspace files: a native file dialog (desktop, CLI paths),
 * or a single folder the host was given (browser mode, where a page cannot see native paths).
 */
export type WorkspaceLocationKind = 'native' | 'data-dir'

export interface AppInfo {
  name: string
  version: string
  host: HostKind
  locations: WorkspaceLocationKind
  /** The folder workspaces live in, in data-dir mode. */
  dataDir: string | null
  platform: 'mac' | 'windows' | 'linux'
}
