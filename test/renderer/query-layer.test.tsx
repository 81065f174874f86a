// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import { useApiQuery } from '../../src-renderer/queries/api-queries'
import { startDataSync } from '../../src-renderer/queries/data-sync'
import { callApi, createQueryClient } from '../../src-renderer/queries/query-client'
import { useWorkspaceStore } from '../../src-renderer/stores/workspace-store'
import { fakeBackend } from './fake-backend'

const summary = (id: number, name: string) => ({ id, name }) as ScorecardSummary

function Screen() {
  const list = useApiQuery('scorecard-list', {}).data
  const discover = useApiQuery('best-definition-get', {}).data
  return (
    <>
      <ul aria-label="Scorecards">
        {list?.map((s) => (
          <li key={s.id}>{s.name}</li>
        ))}
      </ul>
      <p>{discover === undefined ? 'loading' : discover === null ? 'no definition' : 'defined'}</p>
    </>
  )
}

describe('query layer: reads keyed by method and input, refetched from what writes declare', () => {
  let scorecards: ScorecardSummary[]
  let backend: ReturnType<typeof fakeBackend>
  let client: ReturnType<typeof createQueryClient>

  beforeEach(() => {
    scorecards = [summary(1, 'Core ICP')]
    backend = fakeBackend({
      'scorecard-list': () => [...scorecards],
      'best-definition-get': () => null,
      'scorecard-create': ({ name }) => {
        scorecards.push(summary(scorecards.length + 1, String(name)))
        return { id: scorecards.length }
      }
    })
    client = createQueryClient()
    useWorkspaceStore.setState({ workspace: { path: '/w/one.icpw' } as never })
  })
  afterEach(cleanup)

  const show = () =>
    render(
      <QueryClientProvider client={client}>
        <Screen />
      </QueryClientProvider>
    )

  it('two components reading the same method and input share one fetch', async () => {
    render(
      <QueryClientProvider client={client}>
        <Screen />
        <Screen />
      </QueryClientProvider>
    )
    await waitFor(() => expect(screen.getAllByText('Core ICP')).toHaveLength(2))
    expect(backend.count('scorecard-list')).toBe(1)
  })

  it('a write here refetches the reads of what it changes, and only those', async () => {
    show()
    await screen.findByText('Core ICP')
    await act(() => callApi('scorecard-create', { name: 'Adjacent ICP' }, client))
    await screen.findByText('Adjacent ICP')
    expect(backend.count('scorecard-list')).toBe(2)
    // best-definition-get reads 'discover', which a scorecard write does not change.
    expect(backend.count('best-definition-get')).toBe(1)
  })

  it("another tab's write arrives as data-changed and refetches what it names", async () => {
    const stop = startDataSync(backend.client, client)
    show()
    await screen.findByText('Core ICP')
    scorecards.push(summary(2, 'Written elsewhere'))
    act(() => backend.announce(['scorecards']))
    await screen.findByText('Written elsewhere')
    act(() => backend.announce(['dataset']))
    await waitFor(() => expect(backend.count('scorecard-list')).toBe(2))
    stop()
  })

  it("the writing tab's own event joins its refetch instead of starting a second one", async () => {
    const stop = startDataSync(backend.client, client)
    show()
    await screen.findByText('Core ICP')
    await act(() => callApi('scorecard-create', { name: 'Adjacent ICP' }, client))
    await screen.findByText('Adjacent ICP')
    expect(backend.count('scorecard-list')).toBe(2)
    stop()
  })

  it("answers are kept per workspace: another workspace never shows the last one's list", async () => {
    show()
    await screen.findByText('Core ICP')
    scorecards = [summary(7, 'Other client')]
    act(() => useWorkspaceStore.setState({ workspace: { path: '/w/two.icpw' } as never }))
    await screen.findByText('Other client')
    expect(screen.queryByText('Core ICP')).toBeNull()
  })
})
