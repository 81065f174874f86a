import { spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { existsSync, linkSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiErrorShape } from '@shared/contract'
import { runCli } from '../../src-main/cli/run-cli'
import { acquireWorkspaceLock, lockPathOf, readLockOwner } from '../../src-main/backend/store/workspace-lock'
import { testBackend } from '../support/backend'
import { tempDir } from '../support/temp-dir'

// The same workspace opened twice (two app windows or instances, the app and the CLI, browser
// mode and the desktop) is refused with who has it open; nothing is written over.

async function refusal(promise: Promise<{ ok: boolean; error?: ApiErrorShape }>): Promise<ApiErrorShape> {
  const result = await promise
  if (result.ok) throw new Error('expected a refusal')
  return result.error!
}

async function icp(args: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** The pid of a process that has exited (and been reaped): what a crashed app leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('one session per workspace', () => {
  it('refuses a second backend on the same file, naming the process, until the first closes it', async () => {
    const dir = tempDir()
    const first = testBackend(dir)
    const second = testBackend(dir)
    await first.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    expect(readLockOwner(join(dir, 'acme.icpw'))).toMatchObject({ pid: process.pid, host: hostname() })

    const error = await refusal(second.dispatch('workspace-open', { path: 'acme.icpw' }))
    expect(error.code).toBe('WORKSPACE_IN_USE')
    expect(error.message).toMatch(
      new RegExp(
        `^acme\\.icpw is open in another ICP Workbench window \\(pid ${process.pid} since \\d{4}-\\d\\d-\\d\\dT[^)]+\\); close it there first\\.`
      )
    )
    expect(error.details).toMatchObject({ pid: process.pid, path: join(dir, 'acme.icpw') })
    // The refused session has nothing open and wrote nothing; the first keeps working.
    expect(await second.call('workspace-current', {})).toBeNull()
    expect((await second.dispatch('workspace-rename', { name: 'Overwritten' })).ok).toBe(false)
    await first.call('workspace-rename', { name: 'Acme Corp' })
    // The file list of browser mode never shows the lock.
    expect((await second.call('workspace-files', {})).map((f) => f.fileName)).toEqual(['acme.icpw'])

    first.close()
    expect(existsSync(lockPathOf(join(dir, 'acme.icpw')))).toBe(false)
    expect((await second.call('workspace-open', { path: 'acme.icpw' })).name).toBe('Acme Corp')
    second.close()
  })

  it('switching workspaces releases the previous lock; reopening the same file in the same session is fine', async () => {
    const dir = tempDir()
    const backend = testBackend(dir)
    await backend.call('workspace-create', { name: 'A', path: 'a.icpw' })
    await backend.call('workspace-open', { path: 'a.icpw' })
    await backend.call('workspace-create', { name: 'B', path: 'b.icpw' })
    expect(existsSync(lockPathOf(join(dir, 'a.icpw')))).toBe(false)
    expect(existsSync(lockPathOf(join(dir, 'b.icpw')))).toBe(true)
    await backend.call('workspace-close', {})
    expect(existsSync(lockPathOf(join(dir, 'b.icpw')))).toBe(false)
    backend.close()
  })

  it('the CLI reads a workspace the app has open (icp workspace info) but is refused writing to it', async () => {
    const dir = tempDir()
    const app = testBackend(dir, 'native')
    await app.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    const info = await icp(['workspace', 'info', 'acme.icpw', '--json'], dir)
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({ name: 'Acme' })

    writeFileSync(join(dir, 'card.json'), '{}')
    const write = await icp(['scorecard', 'import', 'acme.icpw', 'card.json'], dir)
    expect(write.code).toBe(2)
    expect(write.stderr).toContain(`acme.icpw is open in another ICP Workbench window (pid ${process.pid} since`)
    // The app's lock is untouched by the refused CLI run.
    expect(readLockOwner(join(dir, 'acme.icpw'))).toMatchObject({ pid: process.pid })
    app.close()
  })

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const dir = tempDir()
    const setup = testBackend(dir)
    await setup.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    setup.close()
    const file = join(dir, 'acme.icpw')
    const pid = deadPid()
    writeFileSync(lockPathOf(file), JSON.stringify({ pid, host: hostname(), startedAt: '2024-01-01T00:00:00.000Z', id: 'crashed' }))
    const backend = testBackend(dir)
    expect((await backend.call('workspace-open', { path: 'acme.icpw' })).name).toBe('Acme')
    expect(readLockOwner(file)).toMatchObject({ pid: process.pid })
    backend.close()
  })

  it('never takes over a lock from another computer (a shared folder), and names it', async () => {
    const dir = tempDir()
    const setup = testBackend(dir)
    await setup.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    setup.close()
    const file = join(dir, 'acme.icpw')
    writeFileSync(
      lockPathOf(file),
      JSON.stringify({ pid: deadPid(), host: 'laptop-of-someone-else', startedAt: '2024-01-01T00:00:00.000Z', id: 'x' })
    )
    const error = await refusal(testBackend(dir).dispatch('workspace-open', { path: 'acme.icpw' }))
    expect(error.code).toBe('WORKSPACE_IN_USE')
    expect(error.message).toContain('on laptop-of-someone-else')
    expect(error.message).toContain('delete acme.icpw.lock')
  })

  it('an empty lock is one being written right now (refused) until it is old enough to be a crash leftover (taken over)', async () => {
    const dir = tempDir()
    const file = join(dir, 'acme.icpw')
    writeFileSync(lockPathOf(file), '')
    expect(() => acquireWorkspaceLock(file)).toThrow(/is being opened by another ICP Workbench window right now/)
    const old = new Date(Date.now() - 60_000)
    utimesSync(lockPathOf(file), old, old)
    const lock = acquireWorkspaceLock(file)
    expect(readLockOwner(file)?.id).toBe(lock.owner.id)
    lock.release()
    expect(existsSync(lockPathOf(file))).toBe(false)
  })

  it('releases only its own lock', () => {
    const dir = tempDir()
    const file = join(dir, 'acme.icpw')
    const lock = acquireWorkspaceLock(file)
    // Someone removed ours (by hand) and another session locked the file since.
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: 1, host: hostname(), startedAt: 'now', id: 'theirs' }))
    lock.release()
    expect(JSON.parse(readFileSync(lockPathOf(file), 'utf8'))).toMatchObject({ id: 'theirs' })
  })
})

describe('one lock per file, whatever its name (issue 17, item 6)', () => {
  it('refuses a second session that opens the same file through a symbolic link', async () => {
    const dir = tempDir()
    const first = testBackend(dir)
    const second = testBackend(dir)
    await first.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    symlinkSync(join(dir, 'acme.icpw'), join(dir, 'link.icpw'))
    const error = await refusal(second.dispatch('workspace-open', { path: 'link.icpw' }))
    expect(error.code).toBe('WORKSPACE_IN_USE')
    expect(existsSync(join(dir, 'link.icpw.lock'))).toBe(false)
    await first.call('workspace-close', {})
    // Free again: the link opens the file, and the lock sits beside the real one.
    await second.call('workspace-open', { path: 'link.icpw' })
    expect(existsSync(join(dir, 'acme.icpw.lock'))).toBe(true)
  })

  it('refuses a file with hard links (another name for it could be locked separately)', async () => {
    const dir = tempDir()
    const first = testBackend(dir)
    await first.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    await first.call('workspace-close', {})
    linkSync(join(dir, 'acme.icpw'), join(dir, 'other-name.icpw'))
    const before = readFileSync(join(dir, 'acme.icpw'))
    for (const name of ['acme.icpw', 'other-name.icpw']) {
      const error = await refusal(testBackend(dir).dispatch('workspace-open', { path: name }))
      expect(error.code).toBe('NOT_SUPPORTED')
      expect(error.message).toContain(`${name} has 2 names on disk (hard links)`)
    }
    expect(readFileSync(join(dir, 'acme.icpw')).equals(before)).toBe(true)
  })

  it('maps SQLITE_BUSY from another program holding the file to WORKSPACE_IN_USE, not a stack trace', async () => {
    const dir = tempDir()
    const backend = testBackend(dir)
    await backend.call('workspace-create', { name: 'Acme', path: 'acme.icpw' })
    const other = new Database(join(dir, 'acme.icpw'))
    other.exec('BEGIN EXCLUSIVE')
    try {
      const error = await refusal(backend.dispatch('workspace-rename', { name: 'Renamed' }))
      expect(error.code).toBe('WORKSPACE_IN_USE')
      expect(error.message).toMatch(/^acme\.icpw is being written by another program right now/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect((await backend.call('workspace-rename', { name: 'Renamed' })).name).toBe('Renamed')
  }, 20_000)
})
