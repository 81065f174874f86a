import Database from 'better-sqlite3'
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiErrorShape, MethodInput, MethodName } from '@shared/contract'
import { testBackend, type TestBackend } from '../support/backend'
import { crashScorecard } from '../support/crash-ops'
import { skipBecause } from '../support/skip'
import { isRoot, remountReadOnly, smallDisk } from '../support/small-disk'
import { writeCrmFiles } from '../support/crm-files'
import { tempDir } from '../support/temp-dir'

// Disk full and read-only files: a clear coded error naming the file, nothing committed before
// is lost, and the workspace still opens afterwards.

async function failure<M extends MethodName>(backend: TestBackend, method: M, input: MethodInput<M>): Promise<ApiErrorShape> {
  const result = await backend.dispatch(method, input)
  if (result.ok) throw new Error(`${method} succeeded but should have failed`)
  return result.error
}

async function importFlat(backend: TestBackend, path: string) {
  const preview = await backend.call('import-inspect', { source: { kind: 'path', path }, tableKind: 'flat' })
  return backend.dispatch('import-commit', {
    stagingId: preview.stagingId,
    kind: 'flat',
    columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
    outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
    mode: 'replace'
  })
}

/** A workspace with a small flat table, a scorecard with one saved edit and one version. */
async function prepared(dir: string, filesDir = dir) {
  const small = writeCrmFiles(filesDir, 'storage-small', 60).flatCsv
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'Storage', path: 'w.icpw' })
  const imported = await importFlat(backend, small)
  expect(imported.ok).toBe(true)
  const card = await backend.call('scorecard-create', { name: 'Crash ICP' })
  await backend.call('scorecard-save', { id: card.id, scorecard: crashScorecard(1) })
  await backend.call('scorecard-version-save', { id: card.id, note: 'v1' })
  return { backend, cardId: card.id, path: join(dir, 'w.icpw') }
}

/** Reopens through the app's own path and reads what a user would see. */
async function reopen(dir: string) {
  const check = new Database(join(dir, 'w.icpw'), { readonly: true })
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
  check.close()
  const backend = testBackend(dir, 'native')
  try {
    await backend.call('workspace-open', { path: 'w.icpw' })
    const [card] = await backend.call('scorecard-list', {})
    const dataset = await backend.call('dataset-summary', {})
    return {
      scorecard: (await backend.call('scorecard-get', { id: card!.id })).scorecard,
      versions: (await backend.call('scorecard-version-list', { id: card!.id })).map((v) => v.note),
      rows: dataset.tables.map((t) => [t.kind, t.fileName, t.rowCount])
    }
  } finally {
    backend.close()
  }
}

describe('a full disk', () => {
  it('SQLite out of pages (max_page_count): DISK_FULL naming the file, nothing lost, the workspace still opens', async () => {
    const dir = tempDir()
    const big = writeCrmFiles(tempDir(), 'storage-big', 600).flatCsv
    const { backend, cardId } = await prepared(dir, tempDir())
    const before = await (async () => {
      backend.close()
      return reopen(dir)
    })()
    await backend.call('workspace-open', { path: 'w.icpw' })
    const { db } = backend.context.session.require()
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)

    const result = await importFlat(backend, big)
    expect(result.ok).toBe(false)
    const error = (result as { error: ApiErrorShape }).error
    expect(error.code).toBe('DISK_FULL')
    expect(error.message).toContain('w.icpw')
    expect(error.message).toMatch(/disk is full/)

    // Version saves until the file cannot grow: every acknowledged one is kept, the failed one is not.
    const acknowledged = ['v1']
    let full: ApiErrorShape | null = null
    for (let i = 2; i < 400 && !full; i++) {
      const saved = await backend.dispatch('scorecard-version-save', { id: cardId, note: `v${i} ${'x'.repeat(400)}` })
      if (saved.ok) acknowledged.push(`v${i} ${'x'.repeat(400)}`)
      else full = saved.error
    }
    expect(full?.code).toBe('DISK_FULL')
    backend.close()

    const after = await reopen(dir)
    expect(after.rows).toEqual(before.rows)
    expect(after.scorecard).toEqual(before.scorecard)
    expect(after.versions).toEqual([...acknowledged].reverse())
  }, 60_000)

  it('a real full file system (a tiny tmpfs): DISK_FULL, nothing lost, opens once space is freed', async (ctx) => {
    // Room for the workspace (1.2 MB empty, in 16 KB pages) and little more.
    const disk = smallDisk(3072)
    if (!disk) {
      skipBecause(
        ctx,
        'a 3 MB tmpfs could not be mounted here (needs root with mount rights); the max_page_count test above covers DISK_FULL'
      )
    }
    const filesDir = tempDir()
    const big = writeCrmFiles(filesDir, 'storage-big', 1500).flatCsv
    const { backend, cardId } = await prepared(disk, filesDir)
    backend.close()
    const before = await reopen(disk)
    await backend.call('workspace-open', { path: 'w.icpw' })
    // Fill the disk but for a few KB.
    const filler = join(disk, 'filler.bin')
    try {
      writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024))
    } catch {
      // ENOSPC: the filler took what there was.
    }
    const result = await importFlat(backend, big)
    expect(result.ok).toBe(false)
    expect((result as { error: ApiErrorShape }).error.code).toBe('DISK_FULL')
    expect((result as { error: ApiErrorShape }).error.message).toContain('w.icpw')
    const edit = await backend.dispatch('scorecard-save', { id: cardId, scorecard: crashScorecard(2) })
    if (!edit.ok) expect(edit.error.code).toBe('DISK_FULL')
    const editSaved = edit.ok
    backend.close()

    rmSync(filler)
    const after = await reopen(disk)
    expect(after.rows).toEqual(before.rows)
    expect(after.versions).toEqual(before.versions)
    expect(after.scorecard).toEqual(editSaved ? crashScorecard(2) : before.scorecard)
  }, 60_000)
})

describe('read-only workspaces', () => {
  it('a read-only file or folder is refused on open with PERMISSION_DENIED naming the file, unchanged', async (ctx) => {
    const dir = tempDir()
    const { backend } = await prepared(dir, tempDir())
    backend.close()
    const original = readFileSync(join(dir, 'w.icpw'))

    let folder = dir
    if (isRoot) {
      // Root writes through file modes, so a read-only file system stands in for them.
      const disk = smallDisk(4096)
      if (!disk) {
        skipBecause(ctx, 'a read-only tmpfs could not be mounted here, and root ignores file modes')
      }
      copyFileSync(join(dir, 'w.icpw'), join(disk, 'w.icpw'))
      remountReadOnly(disk)
      folder = disk
    } else {
      chmodSync(join(dir, 'w.icpw'), 0o444)
    }
    const other = testBackend(folder, 'native')
    const error = await failure(other, 'workspace-open', { path: 'w.icpw' })
    expect(error.code).toBe('PERMISSION_DENIED')
    expect(error.message).toContain('w.icpw')
    expect(error.message).toMatch(/read-only/)
    // Reading it (the CLI's `icp workspace info`) still works.
    expect((await other.call('workspace-inspect', { path: 'w.icpw' })).name).toBe('Storage')
    other.close()
    expect(readFileSync(join(folder, 'w.icpw')).equals(original)).toBe(true)

    if (!isRoot) {
      chmodSync(join(dir, 'w.icpw'), 0o644)
      chmodSync(dir, 0o555)
      try {
        const inFolder = testBackend(dir, 'native')
        const folderError = await failure(inFolder, 'workspace-open', { path: 'w.icpw' })
        expect(folderError.code).toBe('PERMISSION_DENIED')
        expect(folderError.message).toContain('w.icpw')
        inFolder.close()
      } finally {
        chmodSync(dir, 0o755)
      }
      expect(readFileSync(join(dir, 'w.icpw')).equals(original)).toBe(true)
    }
  }, 60_000)

  it('a connection that can no longer write (as when the disk turns read-only under it): PERMISSION_DENIED on save, nothing lost', async () => {
    // A file system cannot be remounted read-only while the workspace is open for writing (EBUSY),
    // so SQLite's own read-only switch stands in: the same SQLITE_READONLY a write then gets.
    const dir = tempDir()
    const { backend, cardId } = await prepared(dir, tempDir())
    backend.close()
    const before = await reopen(dir)
    await backend.call('workspace-open', { path: 'w.icpw' })
    backend.context.session.require().db.pragma('query_only = ON')
    const error = await failure(backend, 'scorecard-save', { id: cardId, scorecard: crashScorecard(3) })
    expect(error.code).toBe('PERMISSION_DENIED')
    expect(error.message).toContain('w.icpw')
    expect(error.message).toMatch(/read-only/)
    const version = await failure(backend, 'scorecard-version-save', { id: cardId, note: 'lost?' })
    expect(version.code).toBe('PERMISSION_DENIED')
    backend.close()
    expect(await reopen(dir)).toEqual(before)
  }, 60_000)
})
