import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processTreeRss } from './process-tree-rss'

const ROOT = join(__dirname, '..', '..')
const ICP = join(ROOT, 'bin', 'icp.js')

export interface IcpImportRun {
  /** From starting `icp import` to its exit: the whole process, as a consultant would time it. */
  seconds: number
  /** Peak resident memory of `icp` and its reading process together. */
  peakMb: number
  rows: number
}

/** The built app is what ships: build it now if a source is newer, so no run includes a build. */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs'), '--quiet'], { stdio: 'inherit' })
}

/** One `icp import` of `file` into a fresh workspace, timed and measured from outside. */
export async function runIcpImport(file: string): Promise<IcpImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'icp-bench-cli-'))
  const workspace = join(dir, 'bench.icpw')
  try {
    execFileSync(process.execPath, [ICP, 'workspace', 'create', workspace, '--json'], { stdio: 'ignore' })
    const started = performance.now()
    const child = spawn(process.execPath, [ICP, 'import', workspace, file, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-4000)))
    let peak = 0
    const timer = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, processTreeRss(child.pid) ?? 0)
    }, 10)
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    const seconds = (performance.now() - started) / 1000
    clearInterval(timer)
    if (code !== 0) throw new Error(`icp import exited with ${String(code)}: ${err.trim() || out.trim()}`)
    return { seconds, peakMb: Math.round(peak / 1048576), rows: rowsOf(out) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The imported row count from `icp import --json`. */
function rowsOf(json: string): number {
  const rows = (JSON.parse(json) as { rows?: unknown }).rows
  return typeof rows === 'number' ? rows : NaN
}
