import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { AppInfo, SectionId, WorkspaceSummary } from '@shared/domain/workspace'
import { api } from '../api/api'
import { callApi, invalidateData } from '../queries/query-client'
import { errorShapeOf } from '../api/api-client'

/**
 * Which workspace this window has open (every query is keyed by it) and the start screen's
 * busy and error state. The recent list and the data folder's files are queries
 * (`recent-list`, `workspace-files`), refetched when a workspace is opened, created or renamed.
 */
export interface WorkspaceState {
  appInfo: AppInfo | null
  workspace: WorkspaceSummary | null
  busy: boolean
  /** The last failure, shown where the user acted; cleared by the next success or dismissal. */
  error: ApiErrorShape | null
  /** When the last change was written, for the "Saved" indicator. */
  savedAt: string | null

  boot(): Promise<void>
  createWorkspace(name: string, path: string): Promise<boolean>
  openWorkspace(path: string): Promise<boolean>
  openSample(): Promise<boolean>
  closeWorkspace(): Promise<void>
  renameWorkspace(name: string): Promise<boolean>
  goToSection(section: SectionId): Promise<void>
  removeRecent(path: string): Promise<void>
  chooseFile(purpose: 'create' | 'open', suggestedName?: string): Promise<string | null>
  dismissError(): void
  /** A push from the backend (another window, the menu, a rename). */
  workspaceChanged(summary: WorkspaceSummary | null): void
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  /** Runs one backend call with busy/error bookkeeping; returns undefined on failure. */
  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    set({ busy: true })
    try {
      const value = await work()
      set({ busy: false, error: null })
      return value
    } catch (error) {
      set({ busy: false, error: errorShapeOf(error) })
      return undefined
    }
  }

  return {
    appInfo: null,
    workspace: null,
    busy: false,
    error: null,
    savedAt: null,

    async boot() {
      await attempt(async () => {
        const [appInfo, workspace] = await Promise.all([api().call('app-info', {}), api().call('workspace-current', {})])
        set({ appInfo, workspace, savedAt: workspace?.updatedAt ?? null })
      })
    },

    async createWorkspace(name, path) {
      const workspace = await attempt(() => callApi('workspace-create', { name, path }))
      if (!workspace) return false
      set({ workspace, savedAt: workspace.updatedAt })
      return true
    },

    async openWorkspace(path) {
      const workspace = await attempt(() => callApi('workspace-open', { path }))
      // A file that failed to open may be gone: read the list again, which marks it missing.
      if (!workspace) {
        void invalidateData(['recents'])
        return false
      }
      set({ workspace, savedAt: workspace.updatedAt })
      return true
    },

    async openSample() {
      const workspace = await attempt(() => callApi('workspace-open-sample', {}))
      if (!workspace) return false
      set({ workspace, savedAt: workspace.updatedAt })
      return true
    },

    async closeWorkspace() {
      await attempt(() => callApi('workspace-close', {}))
      set({ workspace: null, savedAt: null })
    },

    async renameWorkspace(name) {
      const workspace = await attempt(() => callApi('workspace-rename', { name }))
      if (!workspace) return false
      set({ workspace, savedAt: workspace.updatedAt })
      return true
    },

    async goToSection(section) {
      const current = get().workspace
      if (!current || current.currentSection === section) return
      // Switch at once; the write follows and is reverted if it fails.
      set({ workspace: { ...current, currentSection: section } })
      const workspace = await attempt(() => callApi('workspace-set-section', { section }))
      if (workspace) set({ workspace, savedAt: workspace.updatedAt })
      else set({ workspace: current })
    },

    async removeRecent(path) {
      await attempt(() => callApi('recent-remove', { path }))
    },

    async chooseFile(purpose, suggestedName) {
      const chosen = await attempt(() =>
        api().call('workspace-choose-file', suggestedName === undefined ? { purpose } : { purpose, suggestedName })
      )
      return chosen?.path ?? null
    },

    dismissError() {
      set({ error: null })
    },

    workspaceChanged(summary) {
      set({ workspace: summary, savedAt: summary?.updatedAt ?? null })
    }
  }
})
