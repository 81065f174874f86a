import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { AppInfo, RecentWorkspace, SectionId, WorkspaceFileEntry, WorkspaceSummary } from '@shared/domain/workspace'
import { api } from '../api/api'
import { callApi } from '../queries/query-client'
import { errorShapeOf } from '../api/api-client'

export interface WorkspaceState {
  appInfo: AppInfo | null
  workspace: WorkspaceSummary | null
  recents: RecentWorkspace[]
  /** Browser mode: workspace files in the host's data folder. */
  files: WorkspaceFileEntry[]
  busy: boolean
  /** The last failure, shown where the user acted; cleared by the next success or dismissal. */
  error: ApiErrorShape | null
  /** When the last change was written, for the "Saved" indicator. */
  savedAt: string | null

  boot(): Promise<void>
  refreshLists(): Promise<void>
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
    recents: [],
    files: [],
    busy: false,
    error: null,
    savedAt: null,

    async boot() {
      await attempt(async () => {
        const [appInfo, workspace] = await Promise.all([api().call('app-info', {}), api().call('workspace-current', {})])
        set({ appInfo, workspace, savedAt: workspace?.updatedAt ?? null })
      })
      await get().refreshLists()
    },

    async refreshLists() {
      const appInfo = get().appInfo
      try {
        const [recents, files] = await Promise.all([
          api().call('recent-list', {}),
          appInfo?.locations === 'data-dir' ? api().call('workspace-files', {}) : Promise.resolve([])
        ])
        set({ recents, files })
      } catch (error) {
        set({ error: errorShapeOf(error) })
      }
    },

    async createWorkspace(name, path) {
      const workspace = await attempt(() => callApi('workspace-create', { name, path }))
      if (!workspace) return false
      set({ workspace, savedAt: workspace.updatedAt })
      void get().refreshLists()
      return true
    },

    async openWorkspace(path) {
      const workspace = await attempt(() => callApi('workspace-open', { path }))
      if (!workspace) {
        void get().refreshLists()
        return false
      }
      set({ workspace, savedAt: workspace.updatedAt })
      void get().refreshLists()
      return true
    },

    async openSample() {
      const workspace = await attempt(() => callApi('workspace-open-sample', {}))
      if (!workspace) return false
      set({ workspace, savedAt: workspace.updatedAt })
      void get().refreshLists()
      return true
    },

    async closeWorkspace() {
      await attempt(() => callApi('workspace-close', {}))
      set({ workspace: null, savedAt: null })
      await get().refreshLists()
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
      const recents = await attempt(() => callApi('recent-remove', { path }))
      if (recents) set({ recents })
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
      void get().refreshLists()
    }
  }
})
