import { afterEach, describe, expect, it } from 'vitest'
import { dataAccess, methods, type MethodName } from '@shared/contract'
import { testBackend, type TestBackend } from '../support/backend'
import { tempDir } from '../support/temp-dir'

/** The data-changed events a backend sent, oldest first. */
const changes = (backend: TestBackend) =>
  backend.events.filter((e) => e.event === 'data-changed').map((e) => e.payload as { keys: string[]; method: string })

describe('data-changed: one event after every committed write, with the keys the contract declares', () => {
  let backend: TestBackend | null = null
  afterEach(() => backend?.close())

  it('a write announces its keys once; reads and refused writes announce nothing', async () => {
    backend = testBackend(tempDir())
    await backend.call('workspace-create', { name: 'Events', path: 'events.icpw' })
    expect(changes(backend).map((c) => c.method)).toEqual(['workspace-create'])

    backend.events.length = 0
    await backend.call('scorecard-list', {})
    await backend.call('dataset-summary', {})
    expect(changes(backend)).toEqual([])

    const created = await backend.call('scorecard-create', { name: 'Core ICP' })
    expect(changes(backend)).toEqual([{ keys: ['scorecards'], method: 'scorecard-create' }])

    backend.events.length = 0
    const refused = await backend.dispatch('scorecard-rename', { id: created.id + 100, name: 'Nobody' })
    expect(refused.ok).toBe(false)
    const invalid = await backend.dispatch('scorecard-rename', { id: created.id, name: '' })
    expect(invalid.ok).toBe(false)
    expect(changes(backend)).toEqual([])

    await backend.call('category-add', { name: 'Intent' })
    expect(changes(backend)).toEqual([{ keys: ['dataset'], method: 'category-add' }])
  })

  it('every method is declared a read or a write, and no read is left without what it reads', () => {
    for (const method of Object.keys(methods) as MethodName[]) {
      const access = dataAccess[method]
      expect('changes' in access || 'reads' in access, method).toBe(true)
    }
    // Methods named as changing something are writes (a typo'd read would never refresh a screen).
    for (const method of [
      'scorecard-save',
      'dataset-set-column',
      'import-commit',
      'best-definition-set',
      'export-document-save'
    ] as const) {
      expect('changes' in dataAccess[method] && dataAccess[method].changes.length > 0, method).toBe(true)
    }
  })
})
