/**
 * `icp` on Linux runs its command in a child started with glibc's huge pages asked for (see
 * huge-pages.ts): the child must see the same arguments and streams, and its exit code or
 * signal must be the command's.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { withHugePages } from '../../src-main/backend/huge-pages'
import { relaunchWithHugePages, wantsHugePagesRelaunch } from '../../src-main/cli/relaunch-with-huge-pages'
import { tempDir } from '../support/temp-dir'

const root = join(__dirname, '..', '..')
const linux = process.platform === 'linux'

describe('whether icp starts again with huge pages', () => {
  it('does for a command on Linux whose environment does not decide', () => {
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'deals.csv'], {}, 'linux')).toBe(true)
    expect(wantsHugePagesRelaunch(['discover', 'w.icpw'], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux')).toBe(true)
  })

  it('does not once the environment names them, or where the user turned them off', () => {
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], { GLIBC_TUNABLES: withHugePages(undefined) }, 'linux')).toBe(false)
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux')).toBe(false)
  })

  it('does not for text answered at once, nor off Linux', () => {
    for (const argv of [[], ['--version'], ['-V'], ['--help'], ['help'], ['import', '--help']]) {
      expect(wantsHugePagesRelaunch(argv, {}, 'linux'), argv.join(' ')).toBe(false)
    }
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], {}, 'darwin')).toBe(false)
    expect(wantsHugePagesRelaunch(['import', 'w.icpw', 'f.csv'], {}, 'win32')).toBe(false)
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
  // The second case starts the built entry itself, to see its processes without bin/icp.js's build check.
  beforeAll(() => {
    spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs'), '--quiet'], { stdio: 'inherit' })
  }, 600_000)

  it('runs the command in a child that asks for huge pages, passing its output and exit code through', () => {
    const dir = tempDir()
    const icp = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'icp.js'), ...args], { cwd: dir, encoding: 'utf8' })
    const created = icp('workspace', 'create', 'x.icpw', '--json')
    expect(created.status).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({ fileName: 'x.icpw' })
    const failed = icp('workspace', 'info', 'nope.icpw')
    expect(failed.status).toBe(2)
    expect(failed.stderr.trim()).toMatch(/^icp: .*nope\.icpw does not exist\.$/)
  })

  it('is the child that works, with the huge pages in its environment, and a TERM to icp ends it', async () => {
    // `icp bench` on a few million synthetic deals runs long enough to look at its processes.
    const icp = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'bench', '--rows', '3000000', '--json'], {
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
    // Between fork and exec the child still shows icp's own environment (an empty setting here).
    const tunables = (): string | undefined =>
      readFileSync(`/proc/${child}/environ`, 'utf8')
        .split('\0')
        .find((entry) => entry.startsWith('GLIBC_TUNABLES='))
    while (tunables() === 'GLIBC_TUNABLES=' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(tunables()).toBe(`GLIBC_TUNABLES=${withHugePages(undefined)}`)
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      icp.once('exit', (code, signal) => resolve({ code, signal }))
    )
    icp.kill('SIGTERM')
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' })
    // The child went with it.
    expect(() => readFileSync(`/proc/${child}/environ`)).toThrow()
  }, 30_000)
})
