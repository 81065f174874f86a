import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type {
  AntiIcpEntry,
  BestCustomerCohort,
  BestCustomerDefinition,
  DiscoverReport,
  ScorecardCheck,
  ScorecardValidation
} from '@shared/domain/discover'
import type { StoredScorecard } from '@shared/domain/scorecards'
import type { Condition } from '@shared/engine/scorecard/model'
import { api } from '../api/api'
import { callApi } from '../queries/query-client'
import { errorShapeOf } from '../api/api-client'

export type DiscoverTarget = DiscoverReport['target']

/** A call's life on screen: nothing yet, running, its answer, or its failure. */
export interface Slot<T> {
  loading: boolean
  value: T | null
  error: ApiErrorShape | null
}

const idle = <T>(): Slot<T> => ({ loading: false, value: null, error: null })

export type SuggestResult = StoredScorecard & { auc: number | null; attributes: string[]; validation: ScorecardValidation }

export const COHORT_PAGE = 10

export interface DiscoverState {
  target: DiscoverTarget
  report: Slot<DiscoverReport>
  antiIcp: Slot<AntiIcpEntry[]>
  definition: Slot<BestCustomerDefinition>
  cohort: Slot<BestCustomerCohort>
  cohortOffset: number
  suggestion: Slot<SuggestResult>
  check: Slot<ScorecardCheck>
  checkedId: number | null
  /** A confirmation of the last write (knockout added, re-weights applied). */
  savedNote: string | null

  /** Loads everything for the open workspace; forgets the previous workspace's answers first. */
  open(workspacePath: string): void
  setTarget(target: DiscoverTarget): void
  run(): Promise<void>
  /** Overrules (or restores) an attribute's leakage flag; Discover answers again. */
  setLeak(attribute: string, overruled: boolean): Promise<void>
  loadAntiIcp(): Promise<void>
  loadDefinition(): Promise<void>
  defineBest(definition: BestCustomerDefinition): Promise<boolean>
  pageCohort(offset: number): Promise<void>
  suggest(name: string): Promise<void>
  checkScorecard(id: number): Promise<void>
  applyProposal(): Promise<void>
  addKnockout(scorecardId: number, name: string, condition: Condition): Promise<void>
  dismiss(slot: 'report' | 'antiIcp' | 'cohort' | 'suggestion' | 'check' | 'definition'): void
  clearNote(): void
}

export const useDiscoverStore = create<DiscoverState>((set, get) => {
  /** Runs one call into one slot; a later call for the same slot wins over an earlier one still running. */
  const tokens: Record<string, number> = {}
  let openPath: string | null = null
  async function into<K extends 'report' | 'antiIcp' | 'definition' | 'cohort' | 'suggestion' | 'check'>(
    key: K,
    work: () => Promise<NonNullable<DiscoverState[K]['value']>>,
    keepValue = true
  ): Promise<boolean> {
    const token = (tokens[key] = (tokens[key] ?? 0) + 1)
    set((s) => ({ [key]: { loading: true, value: keepValue ? s[key].value : null, error: null } }) as Partial<DiscoverState>)
    try {
      const value = await work()
      if (tokens[key] === token) set({ [key]: { loading: false, value, error: null } } as Partial<DiscoverState>)
      return true
    } catch (error) {
      if (tokens[key] === token)
        set((s) => ({ [key]: { loading: false, value: s[key].value, error: errorShapeOf(error) } }) as Partial<DiscoverState>)
      return false
    }
  }

  // Anti-ICP only knows won and retained; "best" falls back to won vs lost there.
  const antiTarget = (): 'won' | 'retained' => (get().target === 'retained' ? 'retained' : 'won')

  return {
    target: 'won',
    report: idle(),
    antiIcp: idle(),
    definition: idle(),
    cohort: idle(),
    cohortOffset: 0,
    suggestion: idle(),
    check: idle(),
    checkedId: null,
    savedNote: null,

    open(workspacePath) {
      if (workspacePath !== openPath) {
        openPath = workspacePath
        set({
          report: idle(),
          antiIcp: idle(),
          definition: idle(),
          cohort: idle(),
          suggestion: idle(),
          check: idle(),
          checkedId: null,
          savedNote: null
        })
      }
      void get().run()
      void get().loadAntiIcp()
      void get().loadDefinition()
    },
    setTarget(target) {
      if (target === get().target) return
      set({ target, check: idle(), checkedId: null })
      void get().run()
      void get().loadAntiIcp()
    },
    async run() {
      const target = get().target
      // A report for another target must never be read as this one's: drop it while loading.
      await into('report', () => api().call('discover-run', { target }), get().report.value?.target === target)
    },
    async setLeak(attribute, overruled) {
      const target = get().target
      if (await into('report', () => callApi('discover-set-leak', { attribute, overruled, target }))) void get().loadAntiIcp()
    },
    async loadAntiIcp() {
      const target = antiTarget()
      await into('antiIcp', () => api().call('discover-anti-icp', { target }), false)
    },
    async loadDefinition() {
      await into('definition', async () => {
        const definition = await api().call('best-definition-get', {})
        if (definition) void get().pageCohort(0)
        return definition ?? { metrics: [], topPercent: 20 }
      })
    },
    async defineBest(definition) {
      set({ cohortOffset: 0 })
      // The answer may carry more members than a page; show the first page, page on with best-cohort.
      const ok = await into('cohort', async () => {
        const cohort = await callApi('best-definition-set', { definition })
        return { ...cohort, members: cohort.members.slice(0, COHORT_PAGE) }
      })
      if (!ok) return false
      set({ definition: { loading: false, value: definition, error: null } })
      if (get().target === 'best') void get().run()
      return true
    },
    async pageCohort(offset) {
      set({ cohortOffset: offset })
      await into('cohort', () => api().call('best-cohort', { offset, limit: COHORT_PAGE }))
    },
    async suggest(name) {
      const target = get().target
      await into('suggestion', () => callApi('scorecard-suggest', { name, target }), false)
    },
    async checkScorecard(id) {
      set({ checkedId: id })
      const target = get().target
      await into('check', () => api().call('scorecard-check', { id, target }), false)
    },
    async applyProposal() {
      const { checkedId, check } = get()
      const proposal = check.value?.proposal
      if (checkedId === null || !proposal) return
      try {
        await callApi('scorecard-save', { id: checkedId, scorecard: proposal })
        set({ savedNote: `Re-weights applied to “${proposal.name}”. Open it in Scorecards to review or undo.` })
        void get().checkScorecard(checkedId)
      } catch (error) {
        set((s) => ({ check: { ...s.check, error: errorShapeOf(error) } }))
      }
    },
    async addKnockout(scorecardId, name, condition) {
      try {
        const stored = await api().call('scorecard-get', { id: scorecardId })
        const scorecard = { ...stored.scorecard, knockouts: [...stored.scorecard.knockouts, { name, ...condition }] }
        await callApi('scorecard-save', { id: scorecardId, scorecard })
        set({ savedNote: `Knockout “${name}” added to “${scorecard.name}”.` })
      } catch (error) {
        set((s) => ({ antiIcp: { ...s.antiIcp, error: errorShapeOf(error) } }))
      }
    },
    dismiss(slot) {
      set((s) => ({ [slot]: { ...s[slot], error: null } }) as Partial<DiscoverState>)
    },
    clearNote() {
      set({ savedNote: null })
    }
  }
})
