import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { BestCustomerDefinition, ScorecardValidation } from '@shared/domain/discover'
import type { StoredScorecard } from '@shared/domain/scorecards'
import type { Condition } from '@shared/engine/scorecard/model'
import { errorShapeOf } from '../api/api-client'
import { callApi, fetchApi } from '../queries/api-queries'
import type { DiscoverTarget } from '../queries/discover-queries'

export type SuggestResult = StoredScorecard & { auc: number | null; attributes: string[]; validation: ScorecardValidation }

/** Where a refused write is shown: beside the panel the user acted in. */
export type DiscoverPanel = 'report' | 'antiIcp' | 'definition' | 'suggestion' | 'check'

/**
 * Discover's client state: what the user chose and the answers of the writes they made. The
 * evidence itself (report, anti-ICP, cohort, check) is read through queries/discover-queries,
 * so it refreshes when the data changes, here or in another window.
 */
export interface DiscoverState {
  target: DiscoverTarget
  cohortOffset: number
  /** The scorecard the user asked to check (null until they do). */
  checkedId: number | null
  suggestion: { loading: boolean; value: SuggestResult | null }
  /** A write in flight (a leak overrule, a definition, re-weights). */
  busy: DiscoverPanel | null
  errors: Partial<Record<DiscoverPanel, ApiErrorShape>>
  /** A confirmation of the last write (knockout added, re-weights applied). */
  savedNote: string | null

  /** A different workspace: forget the previous one's choices and answers. */
  open(workspacePath: string): void
  setTarget(target: DiscoverTarget): void
  /** Overrules (or restores) an attribute's leakage flag; the report refetches from the change. */
  setLeak(attribute: string, overruled: boolean): Promise<void>
  defineBest(definition: BestCustomerDefinition): Promise<boolean>
  pageCohort(offset: number): void
  suggest(name: string): Promise<void>
  checkScorecard(id: number): void
  /** Saves the check's proposed re-weights into the checked scorecard. */
  applyProposal(proposal: StoredScorecard['scorecard']): Promise<void>
  addKnockout(scorecardId: number, name: string, condition: Condition): Promise<void>
  dismiss(panel: DiscoverPanel): void
  clearNote(): void
}

export const useDiscoverStore = create<DiscoverState>((set, get) => {
  let openPath: string | null = null

  /** Runs a write, showing its failure beside `panel`; true when it went through. */
  async function write(panel: DiscoverPanel, work: () => Promise<unknown>): Promise<boolean> {
    set((s) => ({ busy: panel, errors: { ...s.errors, [panel]: undefined } }))
    try {
      await work()
      return true
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [panel]: errorShapeOf(error) } }))
      return false
    } finally {
      if (get().busy === panel) set({ busy: null })
    }
  }

  return {
    target: 'won',
    cohortOffset: 0,
    checkedId: null,
    suggestion: { loading: false, value: null },
    busy: null,
    errors: {},
    savedNote: null,

    open(workspacePath) {
      if (workspacePath === openPath) return
      openPath = workspacePath
      set({ cohortOffset: 0, checkedId: null, suggestion: { loading: false, value: null }, busy: null, errors: {}, savedNote: null })
    },
    setTarget(target) {
      if (target === get().target) return
      set({ target, checkedId: null, errors: {} })
    },
    async setLeak(attribute, overruled) {
      const target = get().target
      await write('report', () => callApi('discover-set-leak', { attribute, overruled, target }))
    },
    async defineBest(definition) {
      const ok = await write('definition', () => callApi('best-definition-set', { definition }))
      if (ok) set({ cohortOffset: 0 })
      return ok
    },
    pageCohort(offset) {
      set({ cohortOffset: Math.max(0, offset) })
    },
    async suggest(name) {
      const target = get().target
      set({ suggestion: { loading: true, value: null } })
      let value: SuggestResult | null = null
      await write('suggestion', async () => {
        value = await callApi('scorecard-suggest', { name, target })
      })
      set({ suggestion: { loading: false, value } })
    },
    checkScorecard(id) {
      set((s) => ({ checkedId: id, errors: { ...s.errors, check: undefined } }))
    },
    async applyProposal(proposal) {
      const { checkedId } = get()
      if (checkedId === null) return
      const ok = await write('check', () => callApi('scorecard-save', { id: checkedId, scorecard: proposal }))
      if (ok) set({ savedNote: `Re-weights applied to “${proposal.name}”. Open it in Scorecards to review or undo.` })
    },
    async addKnockout(scorecardId, name, condition) {
      await write('antiIcp', async () => {
        const stored = await fetchApi('scorecard-get', { id: scorecardId })
        const scorecard = { ...stored.scorecard, knockouts: [...stored.scorecard.knockouts, { name, ...condition }] }
        await callApi('scorecard-save', { id: scorecardId, scorecard })
        set({ savedNote: `Knockout “${name}” added to “${scorecard.name}”.` })
      })
    },
    dismiss(panel) {
      set((s) => ({ errors: { ...s.errors, [panel]: undefined } }))
    },
    clearNote() {
      set({ savedNote: null })
    }
  }
})
