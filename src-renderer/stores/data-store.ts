import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { AttributeLevel, ColumnRole, ColumnType, DateOrder, Outcome, TableKind } from '@shared/domain/dataset'
import type { ImportMode, ImportPreview, JoinSettings } from '@shared/domain/import'
import type { AccountPage, HygieneRule, JoinListPage, TableRowsPage } from '@shared/domain/data-views'
import { api } from '../api/api'
import { fetchApi } from '../queries/api-queries'
import { callApi } from '../queries/query-client'
import { errorShapeOf } from '../api/api-client'
import { useWorkspaceStore } from './workspace-store'
import {
  carryOverEdits,
  draftFromPreview,
  hasOutcomeColumn,
  newStagingId,
  withCategory,
  withLevel,
  withCleanup,
  keptCleanups,
  withOutcome,
  withProfile,
  withRole,
  type ImportDraft
} from './import/import-draft'
import { atFile, inspectRequest, newJob, type ImportJob, type ReadOptions } from './import/import-job'

export type { ImportJob } from './import/import-job'

export type DataTab = 'tables' | 'accounts' | 'columns' | 'outcomes' | 'rows' | 'hygiene'
export type JoinList = 'matched-deals' | 'unmatched-deals' | 'accounts-without-deals'

/**
 * The Data section's client state: the import in progress (files, staged preview, the draft the
 * consultant edits), the tab and the last error. The stored data itself (summary, categories,
 * hygiene rules) is read through the query layer and refetched after every change.
 */
export interface DataState {
  /** The last failed change in the overview, shown above it until the next success or dismissal. */
  error: ApiErrorShape | null
  tab: DataTab
  job: ImportJob | null

  reset(): void
  watchProgress(): () => void
  setTab(tab: DataTab): void
  dismissError(): void

  startImport(files: File[], defaultKind?: TableKind): Promise<void>
  replaceFile(file: File): Promise<void>
  reread(options: ReadOptions): Promise<void>
  cancelImport(): Promise<void>
  skipFile(): Promise<void>
  dismissImportError(): void
  setColumnType(index: number, type: ColumnType, dateOrder?: DateOrder | null): Promise<void>
  setColumnRole(index: number, role: ColumnRole): void
  setColumnCategory(index: number, category: string | null): void
  setColumnLevel(index: number, level: AttributeLevel): void
  setCleanup(position: number, kept: boolean): void
  setStagedOutcome(value: string, outcome: Outcome | null): void
  setImportMode(mode: ImportMode, appendKey?: string | null): void
  commitImport(): Promise<void>

  setColumn(
    kind: TableKind,
    index: number,
    change: {
      type?: ColumnType
      role?: ColumnRole
      category?: string | null
      dateOrder?: DateOrder | null
      level?: AttributeLevel
      label?: string | null
    }
  ): Promise<void>
  setPlaceholder(kind: TableKind, index: number, token: string, missing: boolean): Promise<void>
  setOutcome(value: string, outcome: Outcome | null): Promise<void>
  setJoin(settings: JoinSettings): Promise<void>
  removeTable(kind: TableKind): Promise<void>
  setMissingTokens(tokens: string[]): Promise<void>
  addCategory(name: string): Promise<string | null>
  addRules(rules: HygieneRule[]): Promise<boolean>
  removeRule(id: number): Promise<void>
  suggestMerges(kind: TableKind, column: string): Promise<Array<{ to: string; from: Array<{ value: string; count: number }> }>>
  fetchRows(kind: TableKind, offset: number, limit: number): Promise<TableRowsPage>
  fetchAccounts(outcome: 'all' | 'won' | 'lost' | 'open', offset: number, limit: number): Promise<AccountPage>
  fetchJoinList(list: JoinList, offset: number, limit: number): Promise<JoinListPage>
}

const EMPTY = { error: null, tab: 'tables' as const, job: null }

export const useDataStore = create<DataState>((set, get) => {
  const patchJob = (patch: Partial<ImportJob>): void => {
    const job = get().job
    if (job) set({ job: { ...job, ...patch } })
  }
  /** A staging the user has left behind; failing to forget it changes nothing they can see. */
  const discard = (stagingId: string): void => {
    void api()
      .call('import-discard', { stagingId })
      .catch(() => undefined)
  }
  const tableExists = async (kind: TableKind): Promise<boolean> =>
    (await fetchApi('dataset-summary', {})).tables.some((t) => t.kind === kind)

  async function mutate(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work()
      set({ error: null })
      return true
    } catch (error) {
      set({ error: errorShapeOf(error) })
      return false
    }
  }

  /** Rules change values everywhere (counts, outcomes, the grid); the error, if any, is shown after the refresh. */
  async function changeRules(work: () => Promise<void>): Promise<boolean> {
    let failure: unknown = null
    await work().catch((error: unknown) => (failure = error))
    set({ error: failure ? errorShapeOf(failure) : null })
    return !failure
  }

  async function read(options: ReadOptions): Promise<void> {
    const job = get().job
    const file = job?.files[job.position]
    if (!job || !file) return
    const stagingId = newStagingId()
    const fallback =
      job.stage === 'review' && job.preview && job.draft ? { stagingId: job.stagingId, preview: job.preview, draft: job.draft } : null
    patchJob({ stage: 'reading', stagingId, fallback, progress: null, error: null })
    const current = (): boolean => get().job?.stagingId === stagingId
    try {
      const bytes = job.bytes ?? new Uint8Array(await file.arrayBuffer())
      if (!current()) return
      patchJob({ bytes })
      const { input, chosen } = inspectRequest({ ...job, fallback }, file, bytes, stagingId, options)
      const preview = await api().call('import-inspect', input)
      if (!current()) return discard(preview.stagingId)
      // A reader told the kind echoes it back as its suggestion, so the first honest one is kept.
      const suggested = chosen !== null && fallback ? fallback.draft.suggestedKind : preview.suggestedKind
      let draft = draftFromPreview(preview, { chosen, suggested }, 'replace')
      if (fallback) {
        const carried = carryOverEdits(fallback, { preview, draft })
        draft = carried.draft
        for (const edit of carried.typeEdits) {
          const profile = await api().call('import-set-column', { stagingId: preview.stagingId, ...edit })
          preview.columns[profile.index] = profile
          draft = withProfile(draft, profile)
        }
        discard(fallback.stagingId)
      }
      if (!current()) return discard(preview.stagingId)
      patchJob({ stage: 'review', stagingId: preview.stagingId, preview, draft, fallback: null, progress: null })
    } catch (error) {
      if (!current()) return
      if (fallback) patchJob({ stage: 'review', ...fallback, fallback: null, error: errorShapeOf(error) })
      else patchJob({ stage: 'failed', error: errorShapeOf(error), progress: null })
    }
  }

  function editDraft(change: (draft: ImportDraft, preview: ImportPreview) => ImportDraft): void {
    const job = get().job
    if (job?.draft && job.preview) patchJob({ draft: change(job.draft, job.preview) })
  }

  return {
    ...EMPTY,

    reset() {
      const job = get().job
      if (job?.stagingId) discard(job.stagingId)
      set({ ...EMPTY })
    },

    watchProgress() {
      return api().on('import-progress', (progress) => {
        if (get().job?.stagingId === progress.stagingId) patchJob({ progress })
      })
    },

    setTab: (tab) => set({ tab }),
    dismissError: () => set({ error: null }),

    async startImport(files, defaultKind) {
      if (files.length === 0 || get().job) return
      set({ job: newJob(files, defaultKind ?? null) })
      await read({})
    },

    async replaceFile(file) {
      const job = get().job
      if (!job) return
      patchJob({ ...atFile(job.position), files: job.files.map((f, i) => (i === job.position ? file : f)) })
      await read({})
    },

    reread: (options) => read(options),

    async cancelImport() {
      const job = get().job
      if (!job || job.stage === 'saving') return
      if (job.stagingId) discard(job.stagingId)
      if (job.stage === 'reading' && job.fallback) patchJob({ stage: 'review', ...job.fallback, fallback: null, progress: null })
      else set({ job: null })
    },

    async skipFile() {
      const job = get().job
      if (!job || job.position + 1 >= job.files.length) return get().cancelImport()
      if (job.stagingId) discard(job.stagingId)
      patchJob(atFile(job.position + 1))
      await read({})
    },

    dismissImportError: () => patchJob({ error: null }),

    async setColumnType(index, type, dateOrder) {
      const job = get().job
      if (!job || job.stage !== 'review') return
      patchJob({ pendingColumn: index, error: null })
      try {
        const profile = await api().call('import-set-column', {
          stagingId: job.stagingId,
          index,
          type,
          ...(dateOrder !== undefined ? { dateOrder } : {})
        })
        const latest = get().job
        if (!latest?.preview || latest.stagingId !== job.stagingId) return
        const columns = latest.preview.columns.map((c) => (c.index === index ? { ...profile, role: c.role, category: c.category } : c))
        patchJob({
          preview: { ...latest.preview, columns },
          draft: latest.draft && withProfile(latest.draft, profile),
          pendingColumn: null
        })
      } catch (error) {
        patchJob({ pendingColumn: null, error: errorShapeOf(error) })
      }
    },

    setColumnRole: (index, role) => editDraft((draft, preview) => withRole(draft, preview, index, role)),
    setColumnCategory: (index, category) => editDraft((draft) => withCategory(draft, index, category)),
    setColumnLevel: (index, level) => editDraft((draft) => withLevel(draft, index, level)),
    setCleanup: (position, kept) => editDraft((draft) => withCleanup(draft, position, kept)),
    setStagedOutcome: (value, outcome) => editDraft((draft) => ({ ...draft, outcomes: withOutcome(draft.outcomes, value, outcome) })),
    setImportMode: (mode, appendKey) =>
      editDraft((draft) => ({ ...draft, mode, appendKey: appendKey === undefined ? draft.appendKey : appendKey })),

    async commitImport() {
      const job = get().job
      const draft = job?.draft
      if (!job || !draft || job.stage !== 'review') return
      const append = draft.mode === 'append' && (await tableExists(draft.kind).catch(() => false))
      patchJob({ stage: 'saving', progress: null, error: null })
      try {
        await callApi('import-commit', {
          stagingId: job.stagingId,
          kind: draft.kind,
          columns: draft.columns,
          ...(hasOutcomeColumn(draft) ? { outcomeMapping: draft.outcomes.map(({ value, outcome }) => ({ value, outcome })) } : {}),
          mode: append ? 'append' : 'replace',
          ...(append && draft.appendKey ? { appendKey: draft.appendKey } : {}),
          rules: job.preview ? keptCleanups(job.preview, draft) : []
        })
        // The overview shown next must already count the new rows: wait for the refetch the commit started.
        await fetchApi('dataset-summary', {})
        if (job.position + 1 < job.files.length) {
          patchJob(atFile(job.position + 1))
          await read({})
        } else {
          set({ job: null, tab: 'tables' })
        }
      } catch (error) {
        patchJob({ stage: 'review', progress: null, error: errorShapeOf(error) })
      }
    },

    setColumn: async (kind, index, change) => void (await mutate(() => callApi('dataset-set-column', { kind, index, ...change }))),
    setPlaceholder: async (kind, index, token, missing) =>
      void (await mutate(() => callApi('dataset-set-placeholder', { kind, index, token, missing }))),
    async setOutcome(value, outcome) {
      const summary = await fetchApi('dataset-summary', {})
      const mapping = summary.outcomeMapping.map((e) => ({ value: e.value, outcome: e.value === value ? outcome : e.outcome }))
      await mutate(() => callApi('dataset-set-outcomes', { mapping }))
    },
    setJoin: async (settings) => void (await mutate(() => callApi('dataset-set-join', settings))),
    removeTable: async (kind) => void (await mutate(() => callApi('dataset-remove-table', { kind }))),
    setMissingTokens: async (tokens) => void (await mutate(() => callApi('dataset-set-missing-tokens', { tokens }))),

    async addCategory(name) {
      try {
        await callApi('category-add', { name })
        set({ error: null })
        return name.trim()
      } catch (error) {
        set({ error: errorShapeOf(error) })
        return null
      }
    },

    addRules: (rules) =>
      changeRules(async () => {
        for (const rule of rules) await callApi('hygiene-add', { rule })
      }),
    removeRule: async (id) => void (await changeRules(async () => void (await callApi('hygiene-remove', { id })))),

    suggestMerges: (kind, column) => api().call('hygiene-suggest', { kind, column }),
    fetchRows: (kind, offset, limit) => api().call('dataset-rows', { kind, offset, limit }),
    fetchAccounts: (outcome, offset, limit) => api().call('dataset-accounts', { outcome, offset, limit }),
    fetchJoinList: (list, offset, limit) => api().call('dataset-join-list', { list, offset, limit })
  }
})

// A closed or another workspace takes its staged files, tabs and numbers with it, even when the
// same file is opened again (its staged previews were dropped with the session).
useWorkspaceStore.subscribe((state, previous) => {
  if (state.workspace?.path !== previous.workspace?.path) useDataStore.getState().reset()
})
