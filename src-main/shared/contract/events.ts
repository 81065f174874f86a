import type { ImportProgress } from '../domain/import'
import type { WorkspaceSummary } from '../domain/workspace'
import type { DataKey } from './data-keys'

/** Commands a host can ask the renderer to run (native menu items, a second instance, ...). */
export const APP_COMMANDS = [
  'workspace-new',
  'workspace-open',
  'workspace-open-path',
  'workspace-close',
  'edit-undo',
  'edit-redo',
  'section-data',
  'section-discover',
  'section-scorecards',
  'section-simulate',
  'section-export',
  'show-about',
  'show-shortcuts',
  'theme-system',
  'theme-light',
  'theme-dark'
] as const
export type AppCommand = (typeof APP_COMMANDS)[number]

/** Push events from the backend (or the host) to the renderer. */
export interface Events {
  /** The open workspace changed (opened, renamed, closed: null). */
  'workspace-changed': WorkspaceSummary | null
  'app-command': { command: AppCommand; path?: string }
  /** A long import is reading, profiling or saving; sent at most a few times a second. */
  'import-progress': ImportProgress
  /**
   * A write committed: the stored data named by `keys` (the method's `changes` in data-keys.ts)
   * may differ now. Sent to every window and tab, so one open on the same workspace refreshes.
   */
  'data-changed': { keys: readonly DataKey[]; method: string }
}
export type EventName = keyof Events

export type EventSink = <E extends EventName>(event: E, payload: Events[E]) => void
