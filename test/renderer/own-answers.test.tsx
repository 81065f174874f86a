// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScorecardSummary, StoredScorecard } from '@shared/domain/scorecards'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { useApiQuery } from '../../src-renderer/queries/api-queries'
import { startDataSync } from '../../src-renderer/queries/data-sync'
import { callApi, createQueryClient } from '../../src-renderer/queries/query-client'
import { useWorkspaceStore } from '../../src-renderer/stores/workspace-store'
import { fakeBackend } from './fake-backend'

const scorecardWith = (points: number, value = 'SaaS'): Scorecard =>
  ({
    name: 'Core ICP',
    categories: [{ name: 'Fit', budget: 50 }],
    criteria: [{ id: 'c1', category: 'Fit', attribute: 'industry', op: 'in', values: [value], points }],
    knockouts: [],
    tiers: []
  }) as unknown as Scorecard

/** The Scorecards section's reads of one scorecard: the list, the stored copy and the evidence. */
function Screen() {
  const list = useApiQuery('scorecard-list', {}).data
  const stored = useApiQuery('scorecard-get', { id: 1 }).data
  const evidence = useApiQuery('scorecard-evidence', { id: 1 }).data
  return (
    <>
      <p>list {list?.map((s) => `${s.name} ${s.criteriaCount} ${s.updatedAt}`).join()}</p>
      <p>stored {stored ? `${stored.scorecard.criteria[0]!.points} ${stored.updatedAt}` : 'loading'}</p>
      <p>evidence {evidence ? evidence.map((e) => e.deals).join() : 'loading'}</p>
    </>
  )
}

describe("a write's own answer stands in for the reads it would refetch (in the tab that wrote)", () => {
  let stored: StoredScorecard
  let evidenceDeals: number
  let backend: ReturnType<typeof fakeBackend>
  let client: ReturnType<typeof createQueryClient>
  let saves: number

  beforeEach(() => {
    saves = 0
    evidenceDeals = 40
    stored = { id: 1, scorecard: scorecardWith(10), updatedAt: 't0' }
    const summary = (): ScorecardSummary => ({
      id: 1,
      name: stored.scorecard.name,
      criteriaCount: stored.scorecard.criteria.length,
      knockoutCount: stored.scorecard.knockouts.length,
      versionCount: 0,
      createdAt: 't0',
      updatedAt: stored.updatedAt
    })
    backend = fakeBackend({
      'scorecard-list': () => [summary()],
      'scorecard-get': () => stored,
      'scorecard-evidence': () => [{ criterionId: 'c1', deals: evidenceDeals, winRate: 0.5, lift: 1 }],
      'scorecard-save': ({ scorecard }) => {
        stored = { id: 1, scorecard: scorecard as Scorecard, updatedAt: `t${++saves}` }
        return stored
      }
    })
    client = createQueryClient()
    useWorkspaceStore.setState({ workspace: { path: '/w/one.icpw' } as never })
  })
  afterEach(cleanup)

  const show = async () => {
    const stop = startDataSync(backend.client, client)
    render(
      <QueryClientProvider client={client}>
        <Screen />
      </QueryClientProvider>
    )
    await screen.findByText('evidence 40')
    await screen.findByText('stored 10 t0')
    return stop
  }

  it('a points save refetches nothing here, and every read shows what the backend now holds', async () => {
    const stop = await show()
    await act(() => callApi('scorecard-save', { id: 1, scorecard: scorecardWith(25) }, client))
    await screen.findByText('stored 25 t1')
    await screen.findByText('list Core ICP 1 t1')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(backend.count('scorecard-get')).toBe(1)
    expect(backend.count('scorecard-list')).toBe(1)
    expect(backend.count('scorecard-evidence')).toBe(1)
    stop()
  })

  it('a change to a condition still refetches the evidence', async () => {
    const stop = await show()
    evidenceDeals = 12
    await act(() => callApi('scorecard-save', { id: 1, scorecard: scorecardWith(10, 'Retail') }, client))
    await screen.findByText('evidence 12')
    expect(backend.count('scorecard-evidence')).toBe(2)
    expect(backend.count('scorecard-get')).toBe(1)
    stop()
  })

  it("another tab's save still refetches all of them", async () => {
    const stop = await show()
    stored = { id: 1, scorecard: scorecardWith(33), updatedAt: 't9' }
    act(() => backend.announce(['scorecards'], 'scorecard-save'))
    await screen.findByText('stored 33 t9')
    await screen.findByText('list Core ICP 1 t9')
    await waitFor(() => expect(backend.count('scorecard-evidence')).toBe(2))
    stop()
  })
})
