// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useDiscoverReport } from '../../src-renderer/queries/discover-queries'
import { queryClient } from '../../src-renderer/queries/query-client'
import { useCompareStore } from '../../src-renderer/stores/compare-store'
import { useDiscoverStore } from '../../src-renderer/stores/discover-store'
import { useWorkspaceStore } from '../../src-renderer/stores/workspace-store'
import { fakeBackend } from './fake-backend'

beforeEach(() => {
  queryClient.clear()
  useWorkspaceStore.setState({ workspace: { path: '/w/one.icpw' } as never })
})
afterEach(cleanup)

describe('compare store: only what the user chose', () => {
  beforeEach(() => useCompareStore.getState().open(`/w/${Math.random()}.icpw`))

  it('a new side, outcome or threshold starts both swap lists at their first page; paging moves one', () => {
    const store = useCompareStore.getState()
    store.setSide('a', { scorecardId: 1 })
    store.setSide('b', { scorecardId: 2 })
    store.page('entering', 25)
    store.page('leaving', 50)
    expect(useCompareStore.getState()).toMatchObject({ enteringOffset: 25, leavingOffset: 50 })
    store.setThreshold('a', 70.4)
    expect(useCompareStore.getState()).toMatchObject({ thresholdA: 70, enteringOffset: 0, leavingOffset: 0 })
    store.page('leaving', 25)
    store.setOutcome('best')
    expect(useCompareStore.getState()).toMatchObject({ outcome: 'best', leavingOffset: 0 })
    store.swapSides()
    expect(useCompareStore.getState()).toMatchObject({ a: { scorecardId: 2 }, b: { scorecardId: 1 }, thresholdA: null, thresholdB: 70 })
  })

  it('fills empty sides with the newest saved version against the working copy, else the other scorecard', async () => {
    fakeBackend({ 'scorecard-version-list': ({ id }) => (id === 1 ? [{ id: 9 }, { id: 4 }] : []) })
    await useCompareStore.getState().ensureSides(1, 2)
    expect(useCompareStore.getState()).toMatchObject({ a: { scorecardId: 1, versionId: 9 }, b: { scorecardId: 1 } })
    useCompareStore.getState().open('/w/other.icpw')
    await useCompareStore.getState().ensureSides(3, 2)
    expect(useCompareStore.getState()).toMatchObject({ a: { scorecardId: 2 }, b: { scorecardId: 3 } })
  })
})

function DiscoverScreen() {
  const target = useDiscoverStore((s) => s.target)
  const report = useDiscoverReport(target)
  return <p>{report.data ? `${report.data.target}: ${report.data.n}` : 'loading'}</p>
}

describe('discover store: the evidence is read through queries, writes keep their errors beside their panel', () => {
  it('refetches the report after a leak overrule, and shows a refused write beside the report', async () => {
    let n = 100
    const backend = fakeBackend({
      'discover-run': ({ target }) => ({ target, n }),
      'discover-set-leak': () => {
        n = 101
        return { target: 'won', n }
      }
    })
    useDiscoverStore.getState().open('/w/one.icpw')
    render(
      <QueryClientProvider client={queryClient}>
        <DiscoverScreen />
      </QueryClientProvider>
    )
    await screen.findByText('won: 100')
    await act(() => useDiscoverStore.getState().setLeak('Industry', true))
    await waitFor(() => expect(screen.getByText('won: 101')).toBeTruthy())
    expect(backend.count('discover-run')).toBe(2)
    expect(useDiscoverStore.getState().errors.report).toBeUndefined()

    // The target is part of the key: another target's answer is never shown for this one.
    act(() => useDiscoverStore.getState().setTarget('retained'))
    await screen.findByText('retained: 101')
  })

  it('a refused definition stays beside the definition, and a new workspace forgets it', async () => {
    fakeBackend({})
    const ok = await useDiscoverStore
      .getState()
      .defineBest({ metrics: [{ metric: 'ltv', direction: 'higher', weight: 1 }], topPercent: 20 })
    expect(ok).toBe(false)
    expect(useDiscoverStore.getState().errors.definition?.code).toBe('UNKNOWN_METHOD')
    expect(useDiscoverStore.getState().busy).toBeNull()
    useDiscoverStore.getState().open('/w/two.icpw')
    expect(useDiscoverStore.getState().errors).toEqual({})
  })
})
