import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { ApiErrorShape } from '@shared/contract'
import type { Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { errorShapeOf } from '../api/api-client'
import { callApi, fetchApi } from '../queries/api-queries'
import { recordEdit, redoEdit, startHistory, undoEdit, type History } from './editor-history'

/** An edit as a plain function of the scorecard, so history is just the scorecards before and after. */
export type ScorecardCommand<I> = (scorecard: Scorecard, input: I) => Scorecard

/**
 * The editor's client state: which scorecard is open, its working copy as edited here, the undo
 * history and the notices. Stored data (the list, evidence, versions, the dataset) is read
 * through the query layer, so it cannot go stale here.
 */
export interface ScorecardState {
  /** The workspace this editor state belongs to. */
  workspacePath: string | null
  currentId: number | null
  scorecard: Scorecard | null
  past: Scorecard[]
  future: Scorecard[]
  /** performance.now() of the last edit, undo or redo: where the live figures' latency is measured from. */
  editedAt: number | null
  /** The last deleted scorecard, kept in memory so Undo can re-create it. */
  deleted: Scorecard | null
  note: string | null
  error: ApiErrorShape | null

  /** A workspace was opened: nothing of the last one's editor may stay. */
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
  restoreVersion(versionId: number): Promise<void>
  importFile(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>
  exportFile(): Promise<void>
  /**
   * The stored working copy as last read: adopted when another window or tab changed it (not an
   * answer about this tab's own saves, and never while an edit of this tab waits to be saved).
   */
  adoptStored(id: number, scorecard: Scorecard): void
  /** Resolves once every edit made so far is saved (a comparison must read the working copy as shown). */
  whenSaved(): Promise<void>
  dismiss(): void
}

/** The least time between two saves (the first edit after a pause is saved at once). */
const SAVE_SPACING_MS = 200

const CLOSED = { currentId: null, scorecard: null, past: [], future: [], deleted: null, note: null, error: null }

export const useScorecardStore = create<ScorecardState>((set, get) => {
  let saving: Promise<unknown> = Promise.resolve()
  let last = { key: '', at: 0 }
  // A select answered after a later one must not replace it.
  let selecting = 0
  // The stored copies the backend answered this tab with (loads and saves), newest last: a read
  // returning one of them is about this tab's own work (perhaps answered late); anything else
  // was written elsewhere. The backend's answers, not what was sent: it stores a canonical form.
  let known: string[] = []
  let unsaved = 0
  const remember = (scorecard: Scorecard): void => {
    known = [...known, JSON.stringify(scorecard)].slice(-50)
  }

  const fail = (error: unknown): void => set({ error: errorShapeOf(error) })
  const history = (): History<Scorecard> | null => {
    const { scorecard, past, future } = get()
    return scorecard ? { present: scorecard, past, future, last } : null
  }
  const setHistory = (next: History<Scorecard>): void => {
    last = next.last
    set({ scorecard: next.present, past: next.past, future: next.future, editedAt: performance.now() })
  }

  /**
   * Saves in order, one at a time. A save still waiting behind the one in flight takes the newest
   * edit of the same scorecard instead of queueing another, and a save leaves at most every
   * SAVE_SPACING_MS: a dragged slider sends a few saves a second, not one per step, and the last
   * state is always the one written. Each save costs the page its request and the refetches it
   * causes (list, stored copy, evidence: about 2 ms of main thread per request), which a save
   * per step put between every slider step and its live figures.
   */
  let waiting: { id: number; scorecard: Scorecard } | null = null
  let lastSaveAt = -Infinity
  /** Ends the current spacing wait at once (the window is going away: the edit must not wait). */
  let endSpacing: (() => void) | null = null
  function spacing(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        endSpacing = null
        resolve()
      }
      const timer = setTimeout(done, ms)
      endSpacing = done
    })
  }
  // A window closed or reloaded within the spacing would otherwise drop the last edit of a drag:
  // on pagehide the waiting save leaves at once (its request is made before the page is gone).
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => endSpacing?.())
  function persist(id: number, scorecard: Scorecard): void {
    if (waiting && waiting.id === id) {
      waiting.scorecard = scorecard
      return
    }
    const entry = { id, scorecard }
    waiting = entry
    unsaved++
    saving = saving
      .then(() => {
        const wait = lastSaveAt + SAVE_SPACING_MS - performance.now()
        return wait > 0 ? spacing(wait) : undefined
      })
      .then(() => {
        if (waiting === entry) waiting = null
        lastSaveAt = performance.now()
        return callApi('scorecard-save', { id: entry.id, scorecard: entry.scorecard })
      })
      .then((saved) => remember(saved.scorecard))
      .catch(fail)
      .finally(() => unsaved--)
  }

  /** An edit, undo or redo: one step of the history, shown and saved (nothing when it changes nothing). */
  function move(step: (current: History<Scorecard>) => History<Scorecard>): void {
    const current = history()
    const id = get().currentId
    if (!current || id === null) return
    const next = step(current)
    if (next === current) return
    setHistory(next)
    persist(id, next.present)
  }

  function show(id: number, scorecard: Scorecard): void {
    last = startHistory(scorecard).last
    // Saves are spaced within one scorecard's run of edits; another one starts afresh.
    lastSaveAt = -Infinity
    remember(scorecard)
    selecting++
    set({ currentId: id, scorecard, past: [], future: [] })
  }

  return {
    workspacePath: null,
    ...CLOSED,
    editedAt: null,

    open(workspacePath) {
      if (workspacePath === get().workspacePath) return
      selecting++
      set({ workspacePath, ...CLOSED })
    },
    async select(id) {
      const mine = ++selecting
      try {
        await saving
        const stored = await fetchApi('scorecard-get', { id })
        if (mine === selecting) show(stored.id, stored.scorecard)
      } catch (error) {
        if (mine === selecting) fail(error)
      }
    },
    apply(command, input, coalesceKey) {
      move((current) => recordEdit(current, command(current.present, input), Date.now(), coalesceKey))
    },
    undo: () => move(undoEdit),
    redo: () => move(redoEdit),
    async create(name, from) {
      try {
        await saving
        const stored = await callApi('scorecard-create', { name, from })
        show(stored.id, stored.scorecard)
      } catch (error) {
        fail(error)
      }
    },
    async rename(name) {
      const { currentId, scorecard } = get()
      if (currentId === null || !scorecard) return
      try {
        await saving
        const stored = await callApi('scorecard-rename', { id: currentId, name })
        remember(stored.scorecard)
        set({ scorecard: { ...scorecard, name: stored.scorecard.name } })
      } catch (error) {
        fail(error)
      }
    },
    async remove() {
      const { currentId, scorecard } = get()
      if (currentId === null || !scorecard) return
      try {
        await saving
        const list = await callApi('scorecard-delete', { id: currentId })
        selecting++
        set({ deleted: scorecard, currentId: null, scorecard: null, past: [], future: [], note: `Deleted “${scorecard.name}”.` })
        if (list[0]) await get().select(list[0].id)
      } catch (error) {
        fail(error)
      }
    },
    async restoreDeleted() {
      const deleted = get().deleted
      if (!deleted) return
      try {
        const stored = await callApi('scorecard-create', { name: deleted.name })
        const saved = await callApi('scorecard-save', { id: stored.id, scorecard: deleted })
        set({ deleted: null, note: null })
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
        await callApi('scorecard-version-save', { id, note })
        set({ note: `Version “${note}” saved.`, deleted: null })
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    async restoreVersion(versionId) {
      const { currentId: id, scorecard, past } = get()
      if (id === null || !scorecard) return
      try {
        await saving
        const stored = await callApi('scorecard-version-restore', { id, versionId })
        remember(stored.scorecard)
        // Restoring is an edit like any other: the working copy before it stays one undo away.
        set({
          scorecard: stored.scorecard,
          past: [...past, scorecard],
          future: [],
          editedAt: performance.now(),
          note: 'Version restored. Undo brings back the previous working copy.',
          deleted: null
        })
      } catch (error) {
        fail(error)
      }
    },
    async importFile(fileName, bytes) {
      try {
        const imported = await callApi('scorecard-import-file', { source: { kind: 'upload', fileName, bytes } })
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
        const file = await callApi('scorecard-export-file', { id })
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
    adoptStored(id, scorecard) {
      if (id !== get().currentId || unsaved > 0 || known.includes(JSON.stringify(scorecard))) return
      remember(scorecard)
      // Another window's edit: its history is not ours to undo, so ours starts again from it.
      last = startHistory(scorecard).last
      set({ scorecard, past: [], future: [], editedAt: performance.now() })
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
