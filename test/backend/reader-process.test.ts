import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withHugePages } from '../../src-main/backend/huge-pages'
import { READER_HEAP_MB, startReader, startSpareReader } from '../../src-main/backend/import/reader-process'
import { runReadWorker } from '../../src-main/backend/import/run-read-worker'

const alive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const exited = (child: ReturnType<typeof startReader>): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))

/**
 * A reader started ahead of its file (`icp import` starts one before loading the backend) is
 * taken by the next read, and keeps nothing alive when no read takes it.
 */
describe('the reading process started ahead of its file', () => {
  it('is taken by the next read with the same heap, and that read answers', async () => {
    const spare = startSpareReader()
    expect(startSpareReader()).toBe(spare)
    expect(startReader(READER_HEAP_MB)).toBe(spare)
    spare.kill()
    // Taken: the next read starts its own.
    const next = startSpareReader()
    expect(next).not.toBe(spare)
    const staged = await runReadWorker(
      { bytes: new TextEncoder().encode('Name,Employees\nAcme,10\nGlobex,250\n'), fileName: 'a.csv', missingTokens: [], knownOutcomes: [] },
      () => undefined
    ).result
    expect(staged.columns.map((c) => c.dictionary)).toEqual([
      ['Acme', 'Globex'],
      ['10', '250']
    ])
    // The read took the spare: the next one is a new process.
    const after = startSpareReader()
    expect(after).not.toBe(next)
    after.kill()
  })

  it('is not taken by a read with another heap, nor once it has died', async () => {
    const spare = startSpareReader()
    const other = startReader(64)
    expect(other).not.toBe(spare)
    other.kill()
    spare.kill()
    await exited(spare)
    const fresh = startReader(READER_HEAP_MB)
    expect(fresh).not.toBe(spare)
    fresh.kill()
  })

  it('lets the process that started it exit, and then exits itself', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs')
    const source = join(__dirname, '../../src-main/backend/import/reader-process.ts')
    const script = `const { startSpareReader } = require(${JSON.stringify(source)});
      const child = startSpareReader();
      child.once('spawn', () => console.log(child.pid))`
    const started = Date.now()
    const run = spawnSync(process.execPath, ['--require', tsx, '-e', script], { encoding: 'utf8', timeout: 20_000 })
    expect(run.status).toBe(0)
    expect(Date.now() - started).toBeLessThan(15_000)
    const pid = Number(run.stdout.trim())
    expect(pid).toBeGreaterThan(0)
    // Its channel closed with its parent: read-worker.ts exits on 'disconnect'.
    const deadline = Date.now() + 10_000
    while (alive(pid) && Date.now() < deadline) spawnSync('sleep', ['0.1'])
    expect(alive(pid)).toBe(false)
  })
})

describe('huge pages for the reader', () => {
  it('asks glibc for them, keeping the tunables a user set', () => {
    expect(withHugePages(undefined)).toBe('glibc.malloc.hugetlb=1')
    expect(withHugePages('')).toBe('glibc.malloc.hugetlb=1')
    expect(withHugePages('glibc.malloc.arena_max=2')).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1')
    expect(withHugePages('glibc.malloc.hugetlb=0')).toBe('glibc.malloc.hugetlb=0')
    expect(withHugePages('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2')).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2')
  })

  it('are asked for in the environment the reader starts with', async () => {
    const child = startReader(READER_HEAP_MB)
    await new Promise((resolve) => child.once('spawn', resolve))
    const { readFileSync } = await import('node:fs')
    const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0')
    child.kill()
    expect(environ).toContain(`GLIBC_TUNABLES=${withHugePages(process.env['GLIBC_TUNABLES'])}`)
  })
})
