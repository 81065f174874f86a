import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { ApiErrorShape } from '@shared/contract'
import type { DiscoverReport } from '@shared/domain/discover'
import type { DatasetSummary } from '@shared/domain/import'
import type { ScorecardSummary, ScorecardVersion } from '@shared/domain/scorecards'
import type { Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { api } from '../api/api'
import { errorShapeOf } from '../api/api-client'

export interface CriterionEvidence {
  deals: number
  winRate: number | null
  lift: number | null
}

/** An edit as a plain function of the scorecard, so history is just the scorecards before and after. */
export type ScorecardCommand<I> = (scorecard: Scorecard, input: I) => Scorecard

const HISTORY_LIMIT = 200
/** Slider and stepper runs within this window are one undo step, not one per pixel. */
const COALESCE_MS = 800

export interface ScorecardState {
  list: ScorecardSummary[]
  currentId: number | null
  scorecard: Scorecard | null
  past: Scorecard[]
  future: Scorecard[]
  /** performance.now() of the last edit, undo or redo: where the live figures' latency is measured from. */
  editedAt: number | null
  evidence: Record<string, CriterionEvidence>
  versions: ScorecardVersion[]
  summary: DatasetSummary | null
  discover: DiscoverReport | null
  /** The last deleted scorecard, kept in memory so Undo can re-create it. */
  deleted: Scorecard | null
  note: string | null
  error: ApiErrorShape | null

  open(workspacePath: string): void
  select(id: number): Promise<void>
  apply<I>(command: ScorecardCommand<I>, input: I, coalesceKey?: string): void
  undo(): void
  redo(): void
  create(name: string, from?: number): Promise<void>
  rename(name: string): Promise<void>
  remove(): Promise<void>
  restoreDeleted(): Promise<void>
  saveVersion(note: string): Promise<boolean>
  loadVersions(): Promise<void>
  restoreVersion(versionId: number): Promise<void>
  importFile(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>
  exportFile(): Promise<void>
  /** Resolves once every edit made so far is saved (a comparison must read the working copy as shown). */
  whenSaved(): Promise<void>
  dismiss(): void
}

export const useScorecardStore = create<ScorecardState>((set, get) => {
  let openPath: string | null = null
  let saving: Promise<unknown> = Promise.resolve()
  let lastEdit = { key: '', at: 0 }
  let evidenceTimer: ReturnType<typeof setTimeout> | undefined

  const fail = (error: unknown): void => set({ error: errorShapeOf(error) })

  async function refreshList(): Promise<void> {
    set({ list: await api().call('scorecard-list', {}) })
  }

  function loadEvidence(): void {
    clearTimeout(evidenceTimer)
    evidenceTimer = setTimeout(() => {
      const id = get().currentId
      if (id === null) return
      api()
        .call('scorecard-evidence', { id })
        .then((rows) => {
          if (get().currentId !== id) return
          set({ evidence: Object.fromEntries(rows.map(({ criterionId, ...rest }) => [criterionId, rest])) })
        })
        .catch(() => set({ evidence: {} }))
    }, 300)
  }

  /** Saves in order: a later edit must never be overwritten by an earlier save finishing last. */
  /**
   * Saves in order, one at a time. A save still waiting behind the one in flight takes the newest
   * edit of the same scorecard instead of queueing another: a dragged slider sends one save per
   * round trip, not one per step, and the last state is always the one written.
   */
  let waiting: { id: number; scorecard: Scorecard } | null = null
  function persist(id: number, scorecard: Scorecard): void {
    if (waiting && waiting.id === id) {
      waiting.scorecard = scorecard
      return
    }
    const entry = { id, scorecard }
    waiting = entry
    saving = saving
      .then(() => {
        if (waiting === entry) waiting = null
        return api().call('scorecard-save', { id: entry.id, scorecard: entry.scorecard })
      })
      .then(() => {
        loadEvidence()
        void refreshList().catch(() => undefined)
      })
      .catch(fail)
  }

  function show(id: number, scorecard: Scorecard): void {
    lastEdit = { key: '', at: 0 }
    set({ currentId: id, scorecard, past: [], future: [], evidence: {}, versions: [] })
    loadEvidence()
    void get().loadVersions()
  }

  return {
    list: [],
    currentId: null,
    scorecard: null,
    past: [],
    editedAt: null,
    future: [],
    evidence: {},
    versions: [],
    summary: null,
    discover: null,
    deleted: null,
    note: null,
    error: null,

    open(workspacePath) {
      if (workspacePath === openPath) return
      openPath = workspacePath
      set({ list: [], currentId: null, scorecard: null, past: [], future: [], summary: null, discover: null, deleted: null, note: null })
      void (async () => {
        try {
          await refreshList()
          const first = get().list[0]
          if (first) await get().select(first.id)
          set({ summary: await api().call('dataset-summary', {}) })
        } catch (error) {
          fail(error)
        }
        // Strength badges are a nicety: the palette works without them, so a failure stays quiet.
        api()
          .call('discover-run', {})
          .then((discover) => set({ discover }))
          .catch(() => undefined)
      })()
    },
    async select(id) {
      try {
        const stored = await api().call('scorecard-get', { id })
        show(stored.id, stored.scorecard)
      } catch (error) {
        fail(error)
      }
    },
    apply(command, input, coalesceKey) {
      const { scorecard, currentId, past } = get()
      if (!scorecard || currentId === null) return
      const next = command(scorecard, input)
      if (next === scorecard) return
      const now = Date.now()
      const coalesce = coalesceKey !== undefined && coalesceKey === lastEdit.key && now - lastEdit.at < COALESCE_MS
      lastEdit = { key: coalesceKey ?? '', at: now }
      set({ scorecard: next, past: coalesce ? past : [...past, scorecard].slice(-HISTORY_LIMIT), future: [], editedAt: performance.now() })
      persist(currentId, next)
    },
    undo() {
      const { past, scorecard, currentId, future } = get()
      const previous = past[past.length - 1]
      if (!previous || !scorecard || currentId === null) return
      lastEdit = { key: '', at: 0 }
      set({ scorecard: previous, past: past.slice(0, -1), future: [scorecard, ...future], editedAt: performance.now() })
      persist(currentId, previous)
    },
    redo() {
      const { past, scorecard, currentId, future } = get()
      const next = future[0]
      if (!next || !scorecard || currentId === null) return
      lastEdit = { key: '', at: 0 }
      set({ scorecard: next, past: [...past, scorecard], future: future.slice(1), editedAt: performance.now() })
      persist(currentId, next)
    },
    async create(name, from) {
      try {
        const stored = await api().call('scorecard-create', { name, from })
        await refreshList()
        show(stored.id, stored.scorecard)
      } catch (error) {
        fail(error)
      }
    },
    async rename(name) {
      const { currentId, scorecard } = get()
      if (currentId === null || !scorecard) return
      try {
        const stored = await api().call('scorecard-rename', { id: currentId, name })
        set({ scorecard: { ...scorecard, name: stored.scorecard.name } })
        await refreshList()
      } catch (error) {
        fail(error)
      }
    },
    async remove() {
      const { currentId, scorecard } = get()
      if (currentId === null || !scorecard) return
      try {
        await saving
        const list = await api().call('scorecard-delete', { id: currentId })
        set({ list, deleted: scorecard, currentId: null, scorecard: null, past: [], future: [], note: `Deleted “${scorecard.name}”.` })
        if (list[0]) await get().select(list[0].id)
      } catch (error) {
        fail(error)
      }
    },
    async restoreDeleted() {
      const deleted = get().deleted
      if (!deleted) return
      try {
        const stored = await api().call('scorecard-create', { name: deleted.name })
        const saved = await api().call('scorecard-save', { id: stored.id, scorecard: deleted })
        set({ deleted: null, note: null })
        await refreshList()
        show(saved.id, saved.scorecard)
      } catch (error) {
        fail(error)
      }
    },
    async saveVersion(note) {
      const id = get().currentId
      if (id === null) return false
      try {
        await saving
        set({ versions: await api().call('scorecard-version-save', { id, note }), note: `Version “${note}” saved.`, deleted: null })
        void refreshList()
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    async loadVersions() {
      const id = get().currentId
      if (id === null) return
      try {
        set({ versions: await api().call('scorecard-version-list', { id }) })
      } catch (error) {
        fail(error)
      }
    },
    async restoreVersion(versionId) {
      const { currentId: id, scorecard, past } = get()
      if (id === null || !scorecard) return
      try {
        await saving
        const stored = await api().call('scorecard-version-restore', { id, versionId })
        // Restoring is an edit like any other: the working copy before it stays one undo away.
        set({ scorecard: stored.scorecard, past: [...past, scorecard], future: [], note: 'Version restored. Undo brings back the previous working copy.', deleted: null })
        loadEvidence()
      } catch (error) {
        fail(error)
      }
    },
    async importFile(fileName, bytes) {
      try {
        const imported = await api().call('scorecard-import-file', { source: { kind: 'upload', fileName, bytes } })
        await refreshList()
        show(imported.id, imported.scorecard)
        const warnings = imported.warnings.length ? ` ${imported.warnings.length} warning(s): ${imported.warnings.join('; ')}` : ''
        set({ note: `Imported “${imported.scorecard.name}”.${warnings}`, deleted: null })
      } catch (error) {
        fail(error)
      }
    },
    async exportFile() {
      const id = get().currentId
      if (id === null) return
      try {
        await saving
        const file = await api().call('scorecard-export-file', { id })
        const url = URL.createObjectURL(new Blob([file.bytes], { type: 'application/json' }))
        const link = document.createElement('a')
        link.href = url
        link.download = file.fileName
        link.click()
        setTimeout(() => URL.revokeObjectURL(url), 1000)
      } catch (error) {
        fail(error)
      }
    },
    whenSaved() {
      return saving.then(() => undefined)
    },
    dismiss() {
      set({ error: null, note: null, deleted: null })
    }
  }
})

const NO_CRITERIA: Criterion[] = []

/**
 * One category's criteria, as a list that keeps its identity until one of them changes: a
 * category re-renders on its own edits only, and the board around it not at all.
 */
export function useCategoryCriteria(category: string): Criterion[] {
  return useScorecardStore(useShallow((s) => s.scorecard?.criteria.filter((c) => c.category === category) ?? NO_CRITERIA))
}
