import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testBackend } from '../support/backend'
import { LATEST_FORMAT_VERSION } from '../../src-main/backend/store/migrations'
import { tempDir } from '../support/temp-dir'

describe('workspace handlers (through dispatch, on real files)', () => {
  it('keeps every change: create, rename, move between sections, close, reopen', async () => {
    const dir = tempDir()
    const first = testBackend(dir)
    const created = await first.call('workspace-create', { name: 'Acme Q3', path: 'acme.icpw' })
    expect(created).toMatchObject({ name: 'Acme Q3', fileName: 'acme.icpw', currentSection: 'data', formatVersion: LATEST_FORMAT_VERSION })
    await first.call('workspace-rename', { name: 'Acme — Q3 ICP' })
    await first.call('workspace-set-section', { section: 'simulate' })
    await first.call('workspace-close', {})
    expect(await first.call('workspace-current', {})).toBeNull()
    first.close()

    // A new host process (same data folder) sees exactly the same state.
    const second = testBackend(dir)
    const reopened = await second.call('workspace-open', { path: created.path })
    expect(reopened).toMatchObject({ name: 'Acme — Q3 ICP', currentSection: 'simulate', createdAt: created.createdAt })
    expect((await second.call('recent-list', {})).map((r) => r.name)).toEqual(['Acme — Q3 ICP'])
    second.close()
  })

  it('pushes workspace-changed on open, rename and close', async () => {
    const backend = testBackend(tempDir())
    await backend.call('workspace-create', { name: 'A', path: 'a.icpw' })
    await backend.call('workspace-rename', { name: 'B' })
    await backend.call('workspace-close', {})
    // data-changed follows each write too (data-changed.test.ts); this is about workspace-changed.
    const changed = backend.events.filter((e) => e.event === 'workspace-changed')
    expect(changed.map((e) => [e.event, (e.payload as { name?: string } | null)?.name ?? null])).toEqual([
      ['workspace-changed', 'A'],
      ['workspace-changed', 'B'],
      ['workspace-changed', null]
    ])
    backend.close()
  })

  it('keeps the current workspace open when opening another one fails', async () => {
    const dir = tempDir()
    const backend = testBackend(dir)
    await backend.call('workspace-create', { name: 'Good', path: 'good.icpw' })
    writeFileSync(join(dir, 'bad.icpw'), 'not a database')
    const result = await backend.dispatch('workspace-open', { path: 'bad.icpw' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_WORKSPACE' } })
    expect((await backend.call('workspace-current', {}))?.name).toBe('Good')
    backend.close()
  })

  it('lists workspace files in the data folder, newest first, and marks vanished recents as missing', async () => {
    const dir = tempDir()
    const backend = testBackend(dir)
    const a = await backend.call('workspace-create', { name: 'A', path: 'a' })
    await backend.call('workspace-create', { name: 'B', path: 'b.icpw' })
    writeFileSync(join(dir, 'notes.txt'), 'ignored')
    const files = await backend.call('workspace-files', {})
    expect(files.map((f) => f.fileName).sort()).toEqual(['a.icpw', 'b.icpw'])
    await backend.call('workspace-close', {})
    rmSync(a.path)
    const recents = await backend.call('recent-list', {})
    expect(recents.map((r) => [r.name, r.missing])).toEqual([
      ['B', false],
      ['A', true]
    ])
    expect((await backend.call('recent-remove', { path: a.path })).map((r) => r.name)).toEqual(['B'])
    backend.close()
  })

  it('refuses names that would leave the data folder', async () => {
    const backend = testBackend(tempDir())
    for (const path of ['../escape.icpw', 'sub/dir.icpw', '/etc/passwd', '.hidden.icpw', '..', 'a\\b.icpw']) {
      const result = await backend.dispatch('workspace-create', { name: 'X', path })
      expect(result, path).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      const opened = await backend.dispatch('workspace-open', { path })
      expect(opened.ok, path).toBe(false)
    }
    backend.close()
  })

  it('answers unknown methods, bad input and missing workspaces with coded errors', async () => {
    const backend = testBackend(tempDir())
    expect(await backend.dispatch('workspace-destroy', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(await backend.dispatch('workspace-open', { path: 7 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('field "path"') }
    })
    expect(await backend.dispatch('workspace-rename', { name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'NO_WORKSPACE_OPEN' }
    })
    expect(await backend.dispatch('workspace-choose-file', { purpose: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SUPPORTED' }
    })
    backend.close()
  })

  it('takes native paths relative to the working folder and adds the extension on create', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    const created = await backend.call('workspace-create', { name: 'Native', path: 'client' })
    expect(created.path).toBe(join(dir, 'client.icpw'))
    const info = await backend.call('app-info', {})
    expect(info).toMatchObject({ name: 'ICP Workbench', locations: 'native', dataDir: null })
    backend.close()
  })
})
