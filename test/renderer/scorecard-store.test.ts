// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { queryClient } from '../../src-renderer/queries/query-client'
import { updateCriterion } from '../../src-renderer/features/scorecards/commands'
import { useScorecardStore } from '../../src-renderer/stores/scorecard-store'
import { fakeBackend } from './fake-backend'

const base = (name: string): Scorecard => ({
  name,
  categories: [{ name: 'Firmographic', budget: 100 }],
  criteria: [{ id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS'], points: 5 }],
  knockouts: [],
  tiers: [{ name: 'A', min: 80 }]
})
const points = (n: number) => (sc: Scorecard) => updateCriterion(sc, { id: 'c1', patch: { points: n } })

describe('scorecard store: the editor state, saved in order, never overtaken by a late answer', () => {
  let saved: Scorecard[]
  let savedAt: number[]
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => {
    saved = []
    savedAt = []
    queryClient.clear()
    backend = fakeBackend({
      'scorecard-get': ({ id }) => ({ id, scorecard: base(`Scorecard ${String(id)}`) }),
      'scorecard-save': ({ id, scorecard }) => {
        saved.push(scorecard as Scorecard)
        savedAt.push(performance.now())
        return { id, scorecard }
      }
    })
    useScorecardStore.setState({ workspacePath: null })
    useScorecardStore.getState().open('/w/one.icpw')
  })

  it('undo and redo go through the same history as edits, and each state is saved', async () => {
    const store = useScorecardStore.getState()
    await store.select(1)
    store.apply((sc) => points(6)(sc), undefined)
    store.apply((sc) => points(7)(sc), undefined)
    store.undo()
    expect(useScorecardStore.getState().scorecard!.criteria[0]!.points).toBe(6)
    store.redo()
    expect(useScorecardStore.getState().scorecard!.criteria[0]!.points).toBe(7)
    await store.whenSaved()
    expect(saved.at(-1)!.criteria[0]!.points).toBe(7)
  })

  it('a run of edits while a save is out sends the newest one next, never an older one last', async () => {
    const store = useScorecardStore.getState()
    await store.select(1)
    backend.hold()
    store.apply((sc) => points(6)(sc), undefined, 'points:c1')
    // The first save is now out (held); the rest of the run waits behind it.
    await new Promise((resolve) => setTimeout(resolve, 0))
    for (let n = 7; n <= 12; n++) store.apply((sc) => points(n)(sc), undefined, 'points:c1')
    backend.release()
    await store.whenSaved()
    // The first save left before the run; the rest of the run is one save of its last state.
    expect(saved.map((s) => s.criteria[0]!.points)).toEqual([6, 12])
    // And the run is one undo step.
    expect(useScorecardStore.getState().past).toHaveLength(1)
  })

  it('spaces the saves of a run of edits: the first leaves at once, the steps after it as one save of the newest', async () => {
    const store = useScorecardStore.getState()
    await store.select(1)
    store.apply((sc) => points(6)(sc), undefined, 'points:c1')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(saved.map((s) => s.criteria[0]!.points)).toEqual([6])
    for (let n = 7; n <= 12; n++) store.apply((sc) => points(n)(sc), undefined, 'points:c1')
    await new Promise((resolve) => setTimeout(resolve, 0))
    // Within the spacing nothing else has left; then the newest state does, once.
    expect(saved).toHaveLength(1)
    await store.whenSaved()
    expect(saved.map((s) => s.criteria[0]!.points)).toEqual([6, 12])
    expect(savedAt[1]! - savedAt[0]!).toBeGreaterThanOrEqual(190)
  })

  it('sends a spaced save at once when the window goes away, so a drag ended by closing keeps its last step', async () => {
    const store = useScorecardStore.getState()
    await store.select(1)
    store.apply((sc) => points(6)(sc), undefined, 'points:c1')
    await new Promise((resolve) => setTimeout(resolve, 0))
    store.apply((sc) => points(9)(sc), undefined, 'points:c1')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(saved).toHaveLength(1)
    window.dispatchEvent(new Event('pagehide'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(saved.map((s) => s.criteria[0]!.points)).toEqual([6, 9])
    expect(savedAt[1]! - savedAt[0]!).toBeLessThan(150)
  })

  it('a scorecard chosen later wins over an earlier choice answered late', async () => {
    const store = useScorecardStore.getState()
    backend.hold()
    const first = store.select(1)
    const second = store.select(2)
    backend.release()
    await Promise.all([first, second])
    expect(useScorecardStore.getState()).toMatchObject({ currentId: 2, scorecard: { name: 'Scorecard 2' } })
  })

  it('another workspace clears the editor: nothing of the last one stays', async () => {
    const store = useScorecardStore.getState()
    await store.select(1)
    store.apply((sc) => points(9)(sc), undefined)
    store.open('/w/two.icpw')
    expect(useScorecardStore.getState()).toMatchObject({ currentId: null, scorecard: null, past: [], future: [] })
  })

  it("another tab's change to the open scorecard is adopted; the echo of this tab's own save is not", async () => {
    const store = useScorecardStore.getState()
    await store.select(1)
    store.apply((sc) => points(6)(sc), undefined)
    store.apply((sc) => points(7)(sc), undefined)
    // While an edit waits to be saved, nothing read back may replace it.
    store.adoptStored(1, points(99)(base('Elsewhere')))
    expect(useScorecardStore.getState().scorecard!.criteria[0]!.points).toBe(7)
    await store.whenSaved()
    // The stored copy of this tab's own save comes back: history stays.
    store.adoptStored(1, saved.at(-1)!)
    expect(useScorecardStore.getState().past).toHaveLength(2)
    // Written elsewhere: adopted, and this tab's history (about the old copy) starts again.
    store.adoptStored(1, points(42)(base('Scorecard 1')))
    expect(useScorecardStore.getState()).toMatchObject({ past: [], future: [] })
    expect(useScorecardStore.getState().scorecard!.criteria[0]!.points).toBe(42)
    // Another scorecard's copy never replaces the open one.
    store.adoptStored(2, points(1)(base('Scorecard 2')))
    expect(useScorecardStore.getState().scorecard!.criteria[0]!.points).toBe(42)
  })
})
