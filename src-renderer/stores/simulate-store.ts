import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { ScorecardValidation } from '@shared/domain/discover'
import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { conditionKey } from '@shared/engine/scoring/compile'
import { bareCondition, conditionsOf } from '@shared/engine/simulation/simulation-pack'
import { parseSplitDate, type SimulationRequest } from '@shared/engine/simulation/simulation-report'
import { api } from '../api/api'
import { fetchApi } from '../queries/api-queries'
import { callApi } from '../queries/query-client'
import { ApiCallError, errorShapeOf } from '../api/api-client'
import { recordCompute } from '../what-if/latency-probe'
import { useScorecardStore } from './scorecard-store'
import { WhatIfClient } from '../what-if/what-if-client'

export type SimulateOutcome = SimulationReport['outcome']

export interface SimulateState {
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
  /** How the saved scorecard's tiers hold up on the newest deals (null while unknown). */
  validation: ScorecardValidation | null

  open(workspacePath: string): void
  select(scorecardId: number): void
  /**
   * The editor's scorecard (in workspace `workspacePath`) changed: simulate the edit at once
   * (it is saved separately). `inputAt` is when the user made it.
   */
  preview(workspacePath: string, scorecardId: number, scorecard: Scorecard, inputAt?: number | null): void
  /**
   * Follows the Scorecards editor's scorecard `scorecardId` until the returned function is
   * called: every edit is simulated at once. Subscribed here, not in an effect, so the worker
   * starts on an edit while React is still rendering the editor, not after its frame painted.
   */
  followEditor(workspacePath: string, scorecardId: number): () => void
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
  // The scorecard whose pack is on its way: edits meanwhile only update the scorecard to run.
  let loadingFor: number | null = null
  // The scores the shown report came from (see WhatIfAnswer.revision).
  let shownRevision = -1

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
        const conditions = conditionsOf(scorecard)
          .filter((c) => wanted.has(conditionKey(c)))
          .map(bareCondition)
        worker().addMasks(await api().call('simulate-masks', { dataVersion, conditions }))
        if (mine === generation) await compute(fromCapacity, inputAt)
        return
      }
      // The report picks the threshold only when asked to (first load, capacity); otherwise the
      // slider may already have moved on while this answer was computed, and the user's value wins.
      const picked = threshold === null || fromCapacity
      const previous = get().report
      // Same scores: keep the threshold-independent parts, so charts see the same arrays and skip rendering.
      const report =
        previous && result.revision === shownRevision
          ? {
              ...result.report,
              curve: previous.curve,
              distribution: previous.distribution,
              roc: previous.roc,
              bands: previous.bands,
              tiers: previous.tiers,
              knockouts: previous.knockouts
            }
          : result.report
      shownRevision = result.revision
      recordCompute(inputAt, result.computeMs)
      set({
        report,
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
    loadingFor = scorecardId
    set({ loading: true })
    try {
      const current = scorecard ?? (await api().call('scorecard-get', { id: scorecardId })).scorecard
      const pack = await api().call('simulate-pack', { scorecard: current, outcome })
      if (mine !== generation) return
      worker().load(pack)
      shownRevision = -1
      dataVersion = pack.dataVersion
      loaded = { scorecardId, outcome }
      loadingFor = null
      loadValidation()
      // An edit made while the pack travelled is newer than the one the pack was made for.
      set({ scorecard: get().scorecard ?? current })
      await compute(fromCapacity)
    } catch (error) {
      if (mine !== generation) return
      loadingFor = null
      set({ loading: false, error: errorShapeOf(error) })
    }
  }

  /** Another workspace: nothing of the last one's simulation may show or answer late. */
  function switchWorkspace(workspacePath: string): void {
    if (workspacePath === openPath) return
    openPath = workspacePath
    generation++
    loaded = null
    loadingFor = null
    set({ scorecardId: null, scorecard: null, threshold: null, capacity: null, splitDate: '', report: null, error: null, validation: null })
  }

  // The verdict reads the saved scorecard: asked for once edits have had time to be saved.
  let validationTimer: ReturnType<typeof setTimeout> | null = null
  let validationAsked = 0
  function loadValidation(delayMs = 0): void {
    if (validationTimer) clearTimeout(validationTimer)
    validationTimer = setTimeout(() => {
      const { scorecardId, outcome } = get()
      if (scorecardId === null) return
      const asked = ++validationAsked
      api()
        .call('scorecard-validate', { scorecardId, target: outcome })
        .then((validation) => {
          if (asked === validationAsked && get().scorecardId === scorecardId) set({ validation })
        })
        .catch(() => {
          // The verdict is an extra: an error shows in the figures' own call, not twice.
          if (asked === validationAsked) set({ validation: null })
        })
    }, delayMs)
  }

  async function loadScorecards(preferId?: number): Promise<void> {
    try {
      const scorecards = await fetchApi('scorecard-list', {})
      const current = get().scorecardId
      const keep = scorecards.find((s) => s.id === (preferId ?? current))
      const scorecardId = keep?.id ?? scorecards[0]?.id ?? null
      set({ scorecardId })
      if (scorecardId !== null) void loadPack(current !== scorecardId && get().capacity !== null)
    } catch (error) {
      set({ error: errorShapeOf(error) })
    }
  }

  return {
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
    validation: null,

    open(workspacePath) {
      switchWorkspace(workspacePath)
      // Scorecards may have been added in the editor, or data imported, since the last visit.
      void loadScorecards()
    },
    select(scorecardId) {
      if (scorecardId === get().scorecardId) return
      // Another scorecard has its own default (its top tier), unless a capacity decides.
      set({ scorecardId, scorecard: null, threshold: null, report: null, error: null, validation: null })
      void loadPack(get().capacity !== null)
    },
    preview(workspacePath, scorecardId, scorecard, editedAt) {
      const inputAt = editedAt ?? performance.now()
      switchWorkspace(workspacePath)
      if (scorecardId !== get().scorecardId || !loaded || loaded.scorecardId !== scorecardId) {
        if (scorecardId !== get().scorecardId) set({ scorecardId, threshold: null, report: null, error: null })
        set({ scorecard })
        if (loadingFor !== scorecardId) void loadPack(get().capacity !== null, scorecard)
        return
      }
      if (scorecard === get().scorecard) return
      set({ scorecard })
      void compute(false, inputAt)
      loadValidation(1500)
    },
    followEditor(workspacePath, scorecardId) {
      const push = (editor: { scorecard: Scorecard | null; currentId: number | null; editedAt: number | null }): void => {
        if (editor.scorecard && editor.currentId === scorecardId)
          get().preview(workspacePath, scorecardId, editor.scorecard, editor.editedAt)
      }
      push(useScorecardStore.getState())
      return useScorecardStore.subscribe((editor, before) => {
        if (editor.scorecard !== before.scorecard) push(editor)
      })
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
        const created = await callApi('scorecard-suggest', { name: 'Suggested ICP', target: get().outcome })
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
