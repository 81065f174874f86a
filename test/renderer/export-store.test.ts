import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OnePagerContent, OnePagerDocument } from '@shared/domain/one-pager'
import { apiQuery } from '../../src-renderer/queries/api-queries'
import { queryClient } from '../../src-renderer/queries/query-client'
import { useExportStore } from '../../src-renderer/stores/export-store'
import { useWorkspaceStore } from '../../src-renderer/stores/workspace-store'
import { fakeBackend } from './fake-backend'

const doc = (clientName: string) => ({ clientName, paper: 'letter' }) as OnePagerDocument
const content = (clientName: string) => ({ document: doc(clientName), draftedStatements: [] }) as unknown as OnePagerContent

describe('export store: typing is a draft over the stored one-pager until the backend has it', () => {
  let stored: OnePagerContent
  beforeEach(() => {
    vi.useFakeTimers()
    queryClient.clear()
    useWorkspaceStore.setState({ workspace: { path: '/w/one.icpw' } as never })
    stored = content('Acme')
    fakeBackend({
      'scorecard-list': () => [{ id: 1, name: 'Core ICP' }],
      'export-document-get': () => stored,
      'export-document-save': ({ document }) => (stored = { ...stored, document: document as OnePagerDocument })
    })
  })
  afterEach(() => vi.useRealTimers())

  it('saves the latest of several quick edits once, then shows the stored content with no draft', async () => {
    const store = useExportStore.getState()
    await store.open(`/w/${Math.random()}.icpw`)
    expect(useExportStore.getState().scorecardId).toBe(1)
    const shown = (await queryClient.fetchQuery(apiQuery('export-document-get', { scorecardId: 1 }))).document
    store.edit(shown, (d) => ({ ...d, clientName: 'Acm' }))
    // A second edit in the same frame builds on the first, not on the stale stored document.
    store.edit(shown, (d) => ({ ...d, paper: 'a4' }))
    expect(useExportStore.getState()).toMatchObject({ saveState: 'saving', draft: { document: { clientName: 'Acm', paper: 'a4' } } })
    await vi.advanceTimersByTimeAsync(1000)
    await store.flush()
    expect(stored.document).toMatchObject({ clientName: 'Acm', paper: 'a4' })
    expect(useExportStore.getState()).toMatchObject({ saveState: 'saved', draft: null })
    expect(queryClient.getQueryData(apiQuery('export-document-get', { scorecardId: 1 }).queryKey)).toMatchObject({
      document: { clientName: 'Acm', paper: 'a4' }
    })
  })

  it('another scorecard drops the draft after writing it', async () => {
    const store = useExportStore.getState()
    await store.open(`/w/${Math.random()}.icpw`)
    store.edit(doc('Acme'), (d) => ({ ...d, clientName: 'Typed' }))
    await store.select(2)
    expect(stored.document.clientName).toBe('Typed')
    expect(useExportStore.getState()).toMatchObject({ scorecardId: 2, draft: null })
  })
})
