import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import type { SimulationReport } from '@shared/domain/simulation'
import { api } from '../api/api'
import { errorShapeOf } from '../api/api-client'

export type SimulateOutcome = SimulationReport['outcome']

/** Long enough to merge a burst of slider steps, short enough to feel live while dragging. */
const DEBOUNCE_MS = 60

export interface SimulateState {
  scorecards: ScorecardSummary[] | null
  scorecardId: number | null
  outcome: SimulateOutcome
  /** What the slider shows; null until the first report says which default threshold applies. */
  threshold: number | null
  capacity: number | null
  splitDate: string
  /** The last good report stays while the next one runs, so figures never blank out mid-drag. */
  report: SimulationReport | null
  loading: boolean
  error: ApiErrorShape | null
  suggesting: boolean

  open(workspacePath: string): void
  select(scorecardId: number): void
  setOutcome(outcome: SimulateOutcome): void
  setThreshold(threshold: number): void
  setCapacity(capacity: number | null): void
  setSplitDate(splitDate: string): void
  suggest(): Promise<void>
  dismiss(): void
}

export const useSimulateStore = create<SimulateState>((set, get) => {
  let openPath: string | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  // Only the newest request may write its answer: a slow earlier one must not overwrite a later threshold.
  let token = 0

  /** Runs the simulation; `fromCapacity` lets the capacity pick the threshold instead of the slider. */
  async function run(fromCapacity = false): Promise<void> {
    const { scorecardId, outcome, threshold, capacity, splitDate } = get()
    if (scorecardId === null) return
    const mine = ++token
    set({ loading: true })
    try {
      const report = await api().call('simulate-run', {
        scorecardId,
        outcome,
        ...(threshold !== null && !fromCapacity ? { threshold } : {}),
        ...(capacity !== null ? { capacity } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(splitDate) ? { splitDate } : {})
      })
      if (mine !== token) return
      // The report picks the threshold only when asked to (first load, capacity); otherwise the
      // slider may already have moved on while this answer travelled, and the user's value wins.
      const picked = threshold === null || fromCapacity
      set({ report, loading: false, error: null, ...(picked ? { threshold: report.threshold } : {}) })
    } catch (error) {
      if (mine === token) set({ loading: false, error: errorShapeOf(error) })
    }
  }

  function schedule(fromCapacity = false): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void run(fromCapacity)
    }, DEBOUNCE_MS)
  }

  async function loadScorecards(preferId?: number): Promise<void> {
    try {
      const scorecards = await api().call('scorecard-list', {})
      const current = get().scorecardId
      const keep = scorecards.find((s) => s.id === (preferId ?? current))
      const scorecardId = keep?.id ?? scorecards[0]?.id ?? null
      set({ scorecards, scorecardId })
      if (scorecardId !== null) void run(current !== scorecardId && get().capacity !== null)
    } catch (error) {
      set({ scorecards: [], error: errorShapeOf(error) })
    }
  }

  return {
    scorecards: null,
    scorecardId: null,
    outcome: 'won',
    threshold: null,
    capacity: null,
    splitDate: '',
    report: null,
    loading: false,
    error: null,
    suggesting: false,

    open(workspacePath) {
      if (workspacePath !== openPath) {
        openPath = workspacePath
        token++
        set({ scorecards: null, scorecardId: null, threshold: null, capacity: null, splitDate: '', report: null, error: null })
      }
      // Scorecards may have been added in the editor since the last visit.
      void loadScorecards()
    },
    select(scorecardId) {
      if (scorecardId === get().scorecardId) return
      // Another scorecard has its own default (its top tier), unless a capacity decides.
      set({ scorecardId, threshold: null, report: null, error: null })
      void run(get().capacity !== null)
    },
    setOutcome(outcome) {
      if (outcome === get().outcome) return
      set({ outcome, report: null, error: null })
      void run(get().capacity !== null)
    },
    setThreshold(threshold) {
      const clamped = Math.max(0, Math.min(100, Math.round(threshold)))
      if (clamped === get().threshold) return
      set({ threshold: clamped })
      schedule()
    },
    setCapacity(capacity) {
      set({ capacity })
      if (capacity !== null) schedule(true)
    },
    setSplitDate(splitDate) {
      set({ splitDate })
      if (splitDate === '' || /^\d{4}-\d{2}-\d{2}$/.test(splitDate)) schedule()
    },
    async suggest() {
      set({ suggesting: true, error: null })
      try {
        const created = await api().call('scorecard-suggest', { name: 'Suggested ICP', target: get().outcome })
        set({ suggesting: false })
        await loadScorecards(created.id)
      } catch (error) {
        set({ suggesting: false, error: errorShapeOf(error) })
      }
    },
    dismiss() {
      set({ error: null })
    }
  }
})
