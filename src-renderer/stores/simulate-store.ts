import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { conditionKey } from '@shared/engine/scoring/compile'
import { conditionsOf } from '@shared/engine/simulation/simulation-pack'
import { parseSplitDate, type SimulationRequest } from '@shared/engine/simulation/simulation-report'
import { api } from '../api/api'
import { ApiCallError, errorShapeOf } from '../api/api-client'
import { WhatIfClient } from '../features/simulate/what-if/what-if-client'

export type SimulateOutcome = SimulationReport['outcome']

export interface SimulateState {
  scorecards: ScorecardSummary[] | null
  scorecardId: number | null
  /** The scorecard being simulated: the saved working copy, or the editor's latest edit. */
  scorecard: Scorecard | null
  outcome: SimulateOutcome
  /** What the slider shows; null until the first report says which default threshold applies. */
  threshold: number | null
  capacity: number | null
  splitDate: string
  /** The last good report stays while the next one runs, so figures never blank out mid-drag. */
  report: SimulationReport | null
  /** performance.now() of the input the report answers, for the input-to-paint measurement. */
  reportInputAt: number | null
  /** The worker's engine time for the report (ms). */
  computeMs: number | null
  loading: boolean
  error: ApiErrorShape | null
  suggesting: boolean

  open(workspacePath: string): void
  select(scorecardId: number): void
  /** The editor changed the scorecard: simulate the edit at once (it is saved separately). */
  preview(scorecardId: number, scorecard: Scorecard): void
  setOutcome(outcome: SimulateOutcome): void
  setThreshold(threshold: number): void
  setCapacity(capacity: number | null): void
  setSplitDate(splitDate: string): void
  suggest(): Promise<void>
  dismiss(): void
}

export const useSimulateStore = create<SimulateState>((set, get) => {
  let openPath: string | null = null
  let client: WhatIfClient | null = null
  // A new pack (scorecard, outcome or workspace) starts a generation; older answers are dropped.
  let generation = 0
  let dataVersion = ''
  let loaded: { scorecardId: number; outcome: SimulateOutcome } | null = null

  const worker = (): WhatIfClient => (client ??= new WhatIfClient())

  /** Runs the what-if; `fromCapacity` lets the capacity pick the threshold instead of the slider. */
  async function compute(fromCapacity = false, inputAt = performance.now()): Promise<void> {
    const { scorecard, outcome, threshold, capacity, splitDate } = get()
    if (!scorecard || !loaded) return
    const mine = generation
    const request: SimulationRequest = {
      outcome,
      ...(threshold !== null && !fromCapacity ? { threshold } : {}),
      ...(capacity !== null ? { capacity } : {}),
      ...(parseSplitDate(splitDate) !== null ? { splitDate } : {})
    }
    try {
      const result = await worker().run(scorecard, request)
      if (mine !== generation || result.kind === 'superseded') return
      if (result.kind === 'missing') {
        const wanted = new Set(result.conditionKeys)
        const conditions = conditionsOf(scorecard).filter((c) => wanted.has(conditionKey(c)))
        worker().addMasks(await api().call('simulate-masks', { dataVersion, conditions }))
        if (mine === generation) await compute(fromCapacity, inputAt)
        return
      }
      // The report picks the threshold only when asked to (first load, capacity); otherwise the
      // slider may already have moved on while this answer was computed, and the user's value wins.
      const picked = threshold === null || fromCapacity
      set({
        report: result.report,
        reportInputAt: inputAt,
        computeMs: result.computeMs,
        loading: false,
        error: null,
        ...(picked ? { threshold: result.report.threshold } : {})
      })
    } catch (error) {
      if (mine !== generation) return
      if (error instanceof ApiCallError && error.code === 'STALE') {
        void loadPack(fromCapacity)
        return
      }
      set({ loading: false, error: errorShapeOf(error) })
    }
  }

  /** Fetches the data the worker simulates on (per scorecard and outcome), then computes. */
  async function loadPack(fromCapacity = false, scorecard?: Scorecard): Promise<void> {
    const { scorecardId, outcome } = get()
    if (scorecardId === null) return
    const mine = ++generation
    loaded = null
    set({ loading: true })
    try {
      const current = scorecard ?? (await api().call('scorecard-get', { id: scorecardId })).scorecard
      const pack = await api().call('simulate-pack', { scorecard: current, outcome })
      if (mine !== generation) return
      worker().load(pack)
      dataVersion = pack.dataVersion
      loaded = { scorecardId, outcome }
      set({ scorecard: current })
      await compute(fromCapacity)
    } catch (error) {
      if (mine === generation) set({ loading: false, error: errorShapeOf(error) })
    }
  }

  async function loadScorecards(preferId?: number): Promise<void> {
    try {
      const scorecards = await api().call('scorecard-list', {})
      const current = get().scorecardId
      const keep = scorecards.find((s) => s.id === (preferId ?? current))
      const scorecardId = keep?.id ?? scorecards[0]?.id ?? null
      set({ scorecards, scorecardId })
      if (scorecardId !== null) void loadPack(current !== scorecardId && get().capacity !== null)
    } catch (error) {
      set({ scorecards: [], error: errorShapeOf(error) })
    }
  }

  return {
    scorecards: null,
    scorecardId: null,
    scorecard: null,
    outcome: 'won',
    threshold: null,
    capacity: null,
    splitDate: '',
    report: null,
    reportInputAt: null,
    computeMs: null,
    loading: false,
    error: null,
    suggesting: false,

    open(workspacePath) {
      if (workspacePath !== openPath) {
        openPath = workspacePath
        generation++
        loaded = null
        set({ scorecards: null, scorecardId: null, scorecard: null, threshold: null, capacity: null, splitDate: '', report: null, error: null })
      }
      // Scorecards may have been added in the editor, or data imported, since the last visit.
      void loadScorecards()
    },
    select(scorecardId) {
      if (scorecardId === get().scorecardId) return
      // Another scorecard has its own default (its top tier), unless a capacity decides.
      set({ scorecardId, scorecard: null, threshold: null, report: null, error: null })
      void loadPack(get().capacity !== null)
    },
    preview(scorecardId, scorecard) {
      const inputAt = performance.now()
      if (scorecardId !== get().scorecardId || !loaded || loaded.scorecardId !== scorecardId) {
        if (scorecardId !== get().scorecardId) set({ scorecardId, threshold: null, report: null, error: null })
        set({ scorecard })
        void loadPack(get().capacity !== null, scorecard)
        return
      }
      if (scorecard === get().scorecard) return
      set({ scorecard })
      void compute(false, inputAt)
    },
    setOutcome(outcome) {
      if (outcome === get().outcome) return
      set({ outcome, report: null, error: null })
      void loadPack(get().capacity !== null, get().scorecard ?? undefined)
    },
    setThreshold(threshold) {
      const inputAt = performance.now()
      const clamped = Math.max(0, Math.min(100, Math.round(threshold)))
      if (clamped === get().threshold) return
      set({ threshold: clamped })
      void compute(false, inputAt)
    },
    setCapacity(capacity) {
      const inputAt = performance.now()
      set({ capacity })
      if (capacity !== null) void compute(true, inputAt)
    },
    setSplitDate(splitDate) {
      const inputAt = performance.now()
      set({ splitDate })
      if (splitDate === '' || parseSplitDate(splitDate) !== null) void compute(false, inputAt)
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
