/**
 * Files given by path (desktop, CLI) that are not ordinary files, or cannot be read (issue 17,
 * items 2 and 9): each ends quickly in a coded error about that file, never a hang, a 10 GB read,
 * a stack trace, or a message blaming the workspace.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '@shared/contract'
import { testBackend } from '../support/backend'
import { tempDir } from '../support/temp-dir'

async function failure(result: Promise<Result<unknown>>): Promise<{ code: string; message: string }> {
  const reply = await result
  if (reply.ok) throw new Error('expected a refusal')
  return reply.error
}

async function backendWithWorkspace() {
  const dir = tempDir()
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'W', path: join(dir, 'w.icpw') })
  return { dir, backend }
}

describe('non-regular input files', () => {
  it('refuses /dev/zero behind a symlink at once, without reading it', async () => {
    const { dir, backend } = await backendWithWorkspace()
    const link = join(dir, 'zeros.csv')
    symlinkSync('/dev/zero', link)
    const started = performance.now()
    for (const method of ['import-inspect', 'scorecard-import-file'] as const) {
      const error = await failure(backend.dispatch(method, { source: { kind: 'path', path: link } }))
      expect(error.code).toBe('BAD_INPUT')
      expect(error.message).toBe('zeros.csv is not an ordinary file (it is a device, pipe or socket), so it cannot be imported.')
    }
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('refuses a FIFO instead of waiting for a writer', async () => {
    const { dir, backend } = await backendWithWorkspace()
    const fifo = join(dir, 'pipe.csv')
    execFileSync('mkfifo', [fifo])
    const error = await failure(backend.dispatch('import-inspect', { source: { kind: 'path', path: fifo } }))
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toContain('pipe.csv is not an ordinary file')
  })

  it('refuses a folder in words, without a stack trace', async () => {
    const { dir, backend } = await backendWithWorkspace()
    const folder = join(dir, 'export.csv')
    mkdirSync(folder)
    for (const method of ['import-inspect', 'scorecard-import-file'] as const) {
      const error = await failure(backend.dispatch(method, { source: { kind: 'path', path: folder } }))
      expect(error).toEqual({
        code: 'BAD_INPUT',
        message: 'export.csv is a folder, not a file; choose a file inside it.',
        details: expect.anything()
      })
    }
  })

  it('caps what it reads, not what stat says', async () => {
    const { readInputFile } = await import('../../src-main/backend/fs/read-input-file')
    const file = join(tempDir(), 'big.csv')
    writeFileSync(file, 'x'.repeat(5000))
    expect(() => readInputFile(file, 4096, (name) => `${name} too big`)).toThrow('big.csv too big')
    expect(() => readInputFile('/dev/zero', 4096, (name) => `${name} too big`)).toThrow('not an ordinary file')
    expect(readInputFile(file, 5000, () => 'no')).toHaveLength(5000)
  })
})

describe('an input file that cannot be read', () => {
  it('is blamed on the input file, not on the workspace', async () => {
    const dir = tempDir()
    const file = join(dir, 'locked.csv')
    writeFileSync(file, 'Account,Size\nAcme,1\n')
    chmodSync(file, 0o000)
    // Root reads any file whatever its mode: the reading side runs as nobody there.
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs')
    const source = join(__dirname, '../../src-main/backend/fs/read-input-file.ts')
    const script = `const { readInputFile } = require(${JSON.stringify(source)}); try { readInputFile(${JSON.stringify(file)}, 1e6, () => 'big') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })) }`
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
    const run = spawnSync(process.execPath, ['--require', tsx, '-e', script], {
      encoding: 'utf8',
      ...asNobody,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '../../tsconfig.node.json') }
    })
    const error = JSON.parse(run.stdout.trim()) as { code: string; message: string }
    expect(error.code).toBe('PERMISSION_DENIED')
    expect(error.message).toBe('locked.csv cannot be read: you do not have permission to read it. Nothing was imported.')
    expect(error.message).not.toMatch(/saved|workspace/i)
  })
})
