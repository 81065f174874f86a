import { spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { generateCrm } from '../../scripts/crm-generator/index'
import { writeCsv } from '../../scripts/crm-generator/writers'
import { createWorkspaceFile, openWorkspaceFile } from '../../src-main/backend/store/workspace-file'
import { readWorkspaceRow } from '../../src-main/backend/store/workspace-queries'
import { testBackend } from '../support/backend'
import { crashScorecard, type CrashOp } from '../support/crash-ops'
import { tempDir } from '../support/temp-dir'

const root = join(__dirname, '..', '..')

/** Runs the writer until it has committed at least `minCommits`, then SIGKILLs it. */
function killMidWrite(path: string, minCommits: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'support', 'crash-writer.ts'), path], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let last = 0
    let stderr = ''
    let scheduled = false
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString('utf8').trim().split('\n')
      last = Number(lines[lines.length - 1])
      if (!scheduled && last >= minCommits) {
        scheduled = true
        setTimeout(() => child.kill('SIGKILL'), extraMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last)
      else reject(new Error(`writer exited on its own: ${stderr}`))
    })
  })
}

describe('crash safety', () => {
  it('survives SIGKILL in the middle of writes: the file opens, is intact, and holds the last commit', async () => {
    const path = join(tempDir(), 'crash.icpw')
    createWorkspaceFile(path, 'Start').close()
    for (let round = 0; round < 5; round++) {
      const lastReported = await killMidWrite(path, 5, 7 + round * 11)
      const check = new Database(path)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      check.close()
      const db = openWorkspaceFile(path)
      const row = readWorkspaceRow(db)!
      db.close()
      // Every reported commit is on disk; at most the one in flight when killed is beyond it.
      const saved = Number(row.name.replace('Edit ', ''))
      expect(saved).toBeGreaterThanOrEqual(lastReported)
      expect(saved).toBeLessThanOrEqual(lastReported + 1)
    }
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------
// The real backend killed at random points during imports, scorecard edits and version saves.

const ROUNDS = Number(process.env['ICP_CRASH_ROUNDS'] ?? 12)
const SEED = Number(process.env['ICP_CRASH_SEED'] ?? 20240607)
const IMPORT_ROWS = [120, 260, 410]

interface Observed {
  scorecard: Scorecard
  versions: string[]
  flat: { fileName: string; rowCount: number; columns: number } | null
}

/** The state the workspace must hold after the operations in `log`, from the state `before`. */
function applyOp(before: Observed, op: CrashOp, files: Map<string, { rowCount: number; columns: number }>): Observed {
  if (op.kind === 'save') return { ...before, scorecard: crashScorecard(op.n) }
  if (op.kind === 'version') return { ...before, versions: [...before.versions, `v${op.n}`] }
  return { ...before, flat: { fileName: op.file, ...files.get(op.file)! } }
}

function readLog(path: string): Array<CrashOp & { phase: 'begin' | 'done' }> {
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  const entries: Array<CrashOp & { phase: 'begin' | 'done' }> = []
  for (const line of text.split('\n')) {
    try {
      if (line) entries.push(JSON.parse(line) as CrashOp & { phase: 'begin' | 'done' })
    } catch {
      // A line cut short by the kill: the operation it names is treated as not acknowledged.
    }
  }
  return entries
}

/** Starts the child and SIGKILLs it `delayMs` after it reports the workspace open. */
function runAndKill(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'support', 'crash-backend.ts'), ...args], {
      cwd: root,
      // The killed backend cannot remove its import's read folder (the next read a day later
      // would): it goes in the round's own folder, which the test removes.
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json'), TMPDIR: dirname(args[0]!) },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`the backend exited on its own: ${stderr}`))
    })
  })
}

/**
 * Opens the workspace the way the app does (createBackend + workspace-open) and reads its state.
 * The integrity check runs on that connection: a kill can leave a hot journal beside the file,
 * which only a read-write open rolls back (a read-only connection fails on it instead).
 */
async function observe(dir: string, file: string): Promise<Observed> {
  const backend = testBackend(dir, 'native')
  try {
    await backend.call('workspace-open', { path: file })
    expect(backend.context.session.require().db.pragma('integrity_check', { simple: true })).toBe('ok')
    const [card] = await backend.call('scorecard-list', {})
    const stored = await backend.call('scorecard-get', { id: card!.id })
    const versions = await backend.call('scorecard-version-list', { id: card!.id })
    const dataset = await backend.call('dataset-summary', {})
    const flat = dataset.tables.find((t) => t.kind === 'flat')
    return {
      scorecard: stored.scorecard,
      versions: versions.map((v) => v.note).reverse(),
      flat: flat ? { fileName: flat.fileName, rowCount: flat.rowCount, columns: flat.columns.length } : null
    }
  } finally {
    backend.close()
  }
}

function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('crash safety of the real backend', () => {
  it(
    `SIGKILLed at random points during imports, edits and version saves (${ROUNDS} kills, seed ${SEED}), the workspace holds exactly what was acknowledged`,
    async () => {
      const dir = tempDir()
      const files = new Map<string, { rowCount: number; columns: number }>()
      const paths: string[] = []
      for (const [i, accounts] of IMPORT_ROWS.entries()) {
        const crm = generateCrm({ seed: `crash-${i}`, accounts, mess: 'typical', flavor: 'csv' })
        const path = join(dir, `flat-${i}.csv`)
        writeFileSync(path, writeCsv(crm.flat, {}))
        paths.push(path)
      }
      // What each file becomes once imported, measured once through the same backend.
      const setup = testBackend(dir, 'native')
      await setup.call('workspace-create', { name: 'Crash', path: 'crash.icpw' })
      for (const path of paths) {
        const preview = await setup.call('import-inspect', { source: { kind: 'path', path }, tableKind: 'flat' })
        files.set(basename(path), { rowCount: preview.rowCount, columns: preview.columns.length })
        await setup.call('import-discard', { stagingId: preview.stagingId })
      }
      const card = await setup.call('scorecard-create', { name: 'Crash ICP' })
      await setup.call('scorecard-save', { id: card.id, scorecard: crashScorecard(0) })
      setup.close()

      const random = seeded(SEED)
      const logPath = join(dir, 'ops.log')
      let expected: Observed = { scorecard: crashScorecard(0), versions: [], flat: null }
      let next = 1
      let inFlightCommitted = 0
      const kinds = { import: 0, save: 0, version: 0 }
      for (let round = 0; round < ROUNDS; round++) {
        const delay = Math.floor(150 + random() * 1500)
        const before = readLog(logPath).length
        await runAndKill([join(dir, 'crash.icpw'), logPath, String(next), String(SEED + round), ...paths], delay)
        const entries = readLog(logPath).slice(before)
        let acknowledged = expected
        let inFlight: CrashOp | null = null
        for (const entry of entries) {
          if (entry.phase === 'begin') inFlight = entry
          else {
            acknowledged = applyOp(acknowledged, entry, files)
            kinds[entry.kind]++
            inFlight = null
          }
          next = Math.max(next, entry.n + 1)
        }
        const actual = await observe(dir, 'crash.icpw')
        const where = `round ${round} (seed ${SEED}, killed after ${delay} ms, in flight: ${JSON.stringify(inFlight)})`
        // Exactly the last acknowledged state, or — when the kill fell between the commit and
        // the acknowledgement — that state plus the one operation in flight. Never anything between.
        const candidates = [acknowledged, ...(inFlight ? [applyOp(acknowledged, inFlight, files)] : [])]
        const match = candidates.findIndex((c) => JSON.stringify(c) === JSON.stringify(actual))
        if (match < 0) expect(actual, where).toEqual(acknowledged)
        if (match === 1) inFlightCommitted++
        expected = actual
      }
      console.log(
        `crash safety: ${ROUNDS} kills, ${kinds.import} imports, ${kinds.save} edits, ${kinds.version} version saves acknowledged; ` +
          `${inFlightCommitted} in-flight operations had committed before the kill`
      )
      expect(kinds.save + kinds.version + kinds.import).toBeGreaterThan(ROUNDS)
    },
    30_000 + ROUNDS * 8_000
  )
})
