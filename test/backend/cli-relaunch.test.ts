/**
 * `icp` on Linux runs its command in a child started with glibc's huge pages asked for (see
 * huge-pages.ts): the child must see the same arguments and streams, and its exit code or
 * signal must be the command's.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { withHugePages } from '../../src-main/backend/huge-pages'
import {
  fileSizeFrom,
  HUGE_PAGES_FROM_BYTES,
  relaunchWithHugePages,
  wantsHugePagesRelaunch
} from '../../src-main/cli/relaunch-with-huge-pages'
import { tempDir } from '../support/temp-dir'

const root = join(__dirname, '..', '..')
const linux = process.platform === 'linux'

describe('whether icp starts again with huge pages', () => {
  const big = HUGE_PAGES_FROM_BYTES
  const sizes = (known: Record<string, number>) => (argument: string) => known[argument] ?? null

  it('does for a command on Linux naming a large file, when the environment does not decide', () => {
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'deals.csv'], {}, 'linux', sizes({ 'deals.csv': big }))).toBe(true)
    expect(
      wantsHugePagesRelaunch(['discover', 'w.icpw'], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux', sizes({ 'w.icpw': big + 1 }))
    ).toBe(true)
  })

  it('does not when every file it names is small, or it names none', () => {
    expect(
      wantsHugePagesRelaunch(['import', 'w.icpw', 'deals.xlsx'], {}, 'linux', sizes({ 'w.icpw': 40_960, 'deals.xlsx': big - 1 }))
    ).toBe(false)
    expect(wantsHugePagesRelaunch(['bench', '--rows', '5000000'], {}, 'linux', sizes({}))).toBe(false)
    // An option's value is no file to weigh.
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv', '--sheet', '-big'], {}, 'linux', sizes({ '-big': big }))).toBe(false)
  })

  it('does not once the environment names them, or where the user turned them off', () => {
    const large = sizes({ 'f.csv': big })
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], { GLIBC_TUNABLES: withHugePages(undefined) }, 'linux', large)).toBe(false)
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux', large)).toBe(false)
  })

  it('does not for text answered at once, nor off Linux', () => {
    const large = sizes({ 'f.csv': big })
    for (const argv of [[], ['--version'], ['-V'], ['--help'], ['help'], ['import', 'w.icpw', 'f.csv', '--help']]) {
      expect(wantsHugePagesRelaunch(argv, {}, 'linux', large), argv.join(' ')).toBe(false)
    }
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], {}, 'darwin', large)).toBe(false)
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], {}, 'win32', large)).toBe(false)
  })

  it('weighs regular files from the folder icp runs in', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'small.csv'), 'a,b\n1,2\n')
    truncateSync(join(dir, 'small.csv'), 5000)
    const sizeOf = fileSizeFrom(dir)
    expect(sizeOf('small.csv')).toBe(5000)
    expect(sizeOf(join(dir, 'small.csv'))).toBe(5000)
    expect(sizeOf('missing.csv')).toBeNull()
    expect(sizeOf('.')).toBeNull()
  })
})

describe('the relaunched run', () => {
  /** A stand-in for the CLI's entry: records what it was started with, then does as told. */
  function script(dir: string, body: string): string {
    const path = join(dir, 'entry.cjs')
    writeFileSync(
      path,
      `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'seen.json'))}, JSON.stringify({ argv: process.argv.slice(2), tunables: process.env.GLIBC_TUNABLES, cwd: process.cwd() }))\n${body}\n`
    )
    return path
  }

  it('gets the same arguments and folder, the huge pages, and ends with its exit code', async () => {
    const dir = tempDir()
    const end = await relaunchWithHugePages(['import', 'w.icpw', 'a b.csv', '--json'], script(dir, 'process.exitCode = 3'))
    expect(end).toEqual({ code: 3, signal: null })
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { argv: string[]; tunables: string; cwd: string }
    expect(seen.argv).toEqual(['import', 'w.icpw', 'a b.csv', '--json'])
    expect(seen.tunables).toBe(withHugePages(process.env['GLIBC_TUNABLES']))
    expect(seen.cwd).toBe(process.cwd())
  })

  it('reports the signal that ended it', async () => {
    const dir = tempDir()
    const end = await relaunchWithHugePages([], script(dir, "process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 10000)"))
    expect(end).toEqual({ code: null, signal: 'SIGTERM' })
  })
})

describe.runIf(linux)('icp itself', () => {
  // These start the built entry itself, to see its processes without bin/icp.js's build check.
  beforeAll(() => {
    spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs'), '--quiet'], { stdio: 'inherit' })
  }, 600_000)

  /** A file of `bytes` (sparse: no disk used) that is not a workspace. */
  function largeFile(dir: string, name: string, bytes: number): string {
    const path = join(dir, name)
    writeFileSync(path, '')
    truncateSync(path, bytes)
    return path
  }

  it("passes the command's message and exit code through the second process", () => {
    const dir = tempDir()
    largeFile(dir, 'big.icpw', HUGE_PAGES_FROM_BYTES)
    const icp = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin', 'icp.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GLIBC_TUNABLES: '' }
      })
    const refused = icp('workspace', 'info', 'big.icpw')
    expect(refused.status).toBe(2)
    expect(refused.stderr.trim()).toMatch(/^icp: .*big\.icpw/)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('is the child that works, with the huge pages in its environment, and a TERM to icp ends it', async () => {
    // A file above the threshold that takes seconds to import: nine million two-cell rows.
    const dir = tempDir()
    writeFileSync(join(dir, 'big.csv'), `Name,Count\n${'a,1\n'.repeat(9_000_000)}`)
    expect(spawnSync(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'workspace', 'create', 'w.icpw'], { cwd: dir }).status).toBe(0)
    const icp = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'import', 'w.icpw', 'big.csv', '--json'], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, GLIBC_TUNABLES: '' }
    })
    const children = (): number[] => {
      try {
        return readFileSync(`/proc/${icp.pid}/task/${icp.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
      } catch {
        return []
      }
    }
    const deadline = Date.now() + 15_000
    while (children().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    const [child] = children()
    expect(child).toBeGreaterThan(0)
    // Between fork and exec the child still shows icp's own environment (an empty setting here),
    // and during the exec none at all: wait for the one it runs with.
    const expected = `GLIBC_TUNABLES=${withHugePages(undefined)}`
    const tunables = (): string | undefined =>
      readFileSync(`/proc/${child}/environ`, 'utf8')
        .split('\0')
        .find((entry) => entry.startsWith('GLIBC_TUNABLES='))
    while (tunables() !== expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(tunables()).toBe(expected)
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      icp.once('exit', (code, signal) => resolve({ code, signal }))
    )
    icp.kill('SIGTERM')
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' })
    // The child went with it.
    expect(() => readFileSync(`/proc/${child}/environ`)).toThrow()
  }, 60_000)
})
