import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { ScorecardVersion } from '@shared/domain/scorecards'
import type { CompareReport, ScorecardRef } from '@shared/domain/simulation'
import { api } from '../api/api'
import { errorShapeOf } from '../api/api-client'

export type CompareSideId = 'a' | 'b'
export type CompareOutcome = CompareReport['outcome']
// The report's two swap lists, named as the contract names them.
export type SwapList = Extract<keyof CompareReport, 'entering' | 'leaving'>

/** Rows per page of each swap list: a screenful at laptop height without scrolling the page away. */
export const SWAP_PAGE = 25

export interface CompareState {
  /** Whether the Simulate section shows one scorecard or the comparison. */
  /** One scorecard's what-if, two side by side, the 90-day review of one, or a prospect list scored with one. */
  view: 'single' | 'compare' | 'review' | 'prospects'
  a: ScorecardRef | null
  b: ScorecardRef | null
  outcome: CompareOutcome
  /** null: the side's own top-tier minimum. */
  thresholdA: number | null
  thresholdB: number | null
  enteringOffset: number
  leavingOffset: number
  /** Saved versions per scorecard id, for the version pickers. */
  versions: Record<number, ScorecardVersion[]>
  report: CompareReport | null
  loading: boolean
  error: ApiErrorShape | null

  open(workspacePath: string): void
  setView(view: CompareState['view']): void
  /** Opens the comparison with these two sides (from the versions dialog); thresholds and pages start over. */
  preset(workspacePath: string, a: ScorecardRef, b: ScorecardRef): void
  /** Fills empty sides from the scorecard Simulate shows: its newest version against its working copy. */
  ensureSides(scorecardId: number, fallbackOther: number | null): Promise<void>
  setSide(side: CompareSideId, ref: ScorecardRef): void
  swapSides(): void
  setOutcome(outcome: CompareOutcome): void
  setThreshold(side: CompareSideId, threshold: number | null): void
  page(list: SwapList, offset: number): void
  loadVersions(scorecardId: number): Promise<ScorecardVersion[]>
  refresh(): void
  dismiss(): void
}

const sameRef = (x: ScorecardRef | null, y: ScorecardRef | null): boolean =>
  x !== null && y !== null && x.scorecardId === y.scorecardId && x.versionId === y.versionId

export const useCompareStore = create<CompareState>((set, get) => {
  let openPath: string | null = null
  // Only the newest request may write its answer (pickers can change faster than the engine answers).
  let token = 0

  async function run(): Promise<void> {
    const { a, b, outcome, thresholdA, thresholdB, enteringOffset, leavingOffset } = get()
    if (!a || !b) return
    const mine = ++token
    set({ loading: true })
    try {
      const report = await api().call('simulate-compare', {
        a,
        b,
        outcome,
        ...(thresholdA !== null ? { thresholdA } : {}),
        ...(thresholdB !== null ? { thresholdB } : {}),
        enteringOffset,
        leavingOffset,
        swapLimit: SWAP_PAGE
      })
      if (mine === token) set({ report, loading: false, error: null })
    } catch (error) {
      if (mine === token) set({ loading: false, error: errorShapeOf(error), report: null })
    }
  }

  /** A change of sides, outcome or threshold changes both swap lists: start them at their first page. */
  function rerun(changes: Partial<CompareState>): void {
    set({ ...changes, enteringOffset: 0, leavingOffset: 0 })
    void run()
  }

  return {
    view: 'single',
    a: null,
    b: null,
    outcome: 'won',
    thresholdA: null,
    thresholdB: null,
    enteringOffset: 0,
    leavingOffset: 0,
    versions: {},
    report: null,
    loading: false,
    error: null,

    open(workspacePath) {
      if (workspacePath === openPath) return
      openPath = workspacePath
      token++
      set({ view: 'single', a: null, b: null, thresholdA: null, thresholdB: null, versions: {}, report: null, error: null })
    },
    setView(view) {
      set({ view })
    },
    preset(workspacePath, a, b) {
      get().open(workspacePath)
      set({ view: 'compare', report: null, error: null, versions: {} })
      rerun({ a, b, thresholdA: null, thresholdB: null })
    },
    async ensureSides(scorecardId, fallbackOther) {
      const { a, b } = get()
      if (a && b) return
      const versions = await get().loadVersions(scorecardId)
      const newest = versions[0]
      const baseline: ScorecardRef | null = newest
        ? { scorecardId, versionId: newest.id }
        : fallbackOther !== null
          ? { scorecardId: fallbackOther }
          : null
      if (get().a || get().b) return
      rerun({ a: baseline ?? { scorecardId }, b: { scorecardId } })
    },
    setSide(side, ref) {
      if (sameRef(get()[side], ref)) return
      rerun(side === 'a' ? { a: ref, thresholdA: null } : { b: ref, thresholdB: null })
      void get().loadVersions(ref.scorecardId)
    },
    swapSides() {
      const { a, b, thresholdA, thresholdB } = get()
      rerun({ a: b, b: a, thresholdA: thresholdB, thresholdB: thresholdA })
    },
    setOutcome(outcome) {
      if (outcome !== get().outcome) rerun({ outcome })
    },
    setThreshold(side, threshold) {
      const value = threshold === null ? null : Math.max(0, Math.min(100, Math.round(threshold)))
      if (value === get()[side === 'a' ? 'thresholdA' : 'thresholdB']) return
      rerun(side === 'a' ? { thresholdA: value } : { thresholdB: value })
    },
    page(list, offset) {
      set(list === 'entering' ? { enteringOffset: Math.max(0, offset) } : { leavingOffset: Math.max(0, offset) })
      void run()
    },
    async loadVersions(scorecardId) {
      try {
        const list = await api().call('scorecard-version-list', { id: scorecardId })
        set({ versions: { ...get().versions, [scorecardId]: list } })
        return list
      } catch (error) {
        set({ error: errorShapeOf(error) })
        return []
      }
    },
    refresh() {
      void run()
    },
    dismiss() {
      set({ error: null })
    }
  }
})
