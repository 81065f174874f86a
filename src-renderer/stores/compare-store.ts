import { create } from 'zustand'
import type { CompareReport, ScorecardRef } from '@shared/domain/simulation'
import { fetchApi } from '../queries/api-queries'

export type CompareSideId = 'a' | 'b'
export type CompareOutcome = CompareReport['outcome']
// The report's two swap lists, named as the contract names them.
export type SwapList = Extract<keyof CompareReport, 'entering' | 'leaving'>

/** Rows per page of each swap list: a screenful at laptop height without scrolling the page away. */
export const SWAP_PAGE = 25

/**
 * What the user chose to compare. The comparison and the version lists are read through
 * queries/compare-queries, keyed by these choices, so a late answer for an old choice is never
 * shown and an edit to either side (here or in another window) refetches it.
 */
export interface CompareState {
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
}

const sameRef = (x: ScorecardRef | null, y: ScorecardRef | null): boolean =>
  x !== null && y !== null && x.scorecardId === y.scorecardId && x.versionId === y.versionId

export const useCompareStore = create<CompareState>((set, get) => {
  let openPath: string | null = null

  /** A change of sides, outcome or threshold changes both swap lists: start them at their first page. */
  const choose = (changes: Partial<CompareState>): void => set({ ...changes, enteringOffset: 0, leavingOffset: 0 })

  return {
    view: 'single',
    a: null,
    b: null,
    outcome: 'won',
    thresholdA: null,
    thresholdB: null,
    enteringOffset: 0,
    leavingOffset: 0,

    open(workspacePath) {
      if (workspacePath === openPath) return
      openPath = workspacePath
      choose({ view: 'single', a: null, b: null, thresholdA: null, thresholdB: null })
    },
    setView(view) {
      set({ view })
    },
    preset(workspacePath, a, b) {
      get().open(workspacePath)
      choose({ view: 'compare', a, b, thresholdA: null, thresholdB: null })
    },
    async ensureSides(scorecardId, fallbackOther) {
      if (get().a && get().b) return
      // A failed read leaves the baseline to the fallback; the comparison's own query shows errors.
      const versions = await fetchApi('scorecard-version-list', { id: scorecardId }).catch(() => [])
      const newest = versions[0]
      const baseline: ScorecardRef | null = newest
        ? { scorecardId, versionId: newest.id }
        : fallbackOther !== null
          ? { scorecardId: fallbackOther }
          : null
      if (get().a || get().b) return
      choose({ a: baseline ?? { scorecardId }, b: { scorecardId } })
    },
    setSide(side, ref) {
      if (sameRef(get()[side], ref)) return
      choose(side === 'a' ? { a: ref, thresholdA: null } : { b: ref, thresholdB: null })
    },
    swapSides() {
      const { a, b, thresholdA, thresholdB } = get()
      choose({ a: b, b: a, thresholdA: thresholdB, thresholdB: thresholdA })
    },
    setOutcome(outcome) {
      if (outcome !== get().outcome) choose({ outcome })
    },
    setThreshold(side, threshold) {
      const value = threshold === null ? null : Math.max(0, Math.min(100, Math.round(threshold)))
      if (value === get()[side === 'a' ? 'thresholdA' : 'thresholdB']) return
      choose(side === 'a' ? { thresholdA: value } : { thresholdB: value })
    },
    page(list, offset) {
      set(list === 'entering' ? { enteringOffset: Math.max(0, offset) } : { leavingOffset: Math.max(0, offset) })
    }
  }
})
