// A child process for the crash-safety test: the real backend (createBackend + dispatch) on a real
// workspace file, doing what a user does — imports (import-inspect + import-commit), scorecard
// edits (scorecard-save) and version saves (scorecard-version-save) — in a seeded random order,
// until the parent SIGKILLs it. Before each operation it appends `begin` to the log, after the call
// returns `done`; both are fsync'd, so the parent knows exactly which operations completed and
// which one (at most) was in flight when it was killed.
//
// argv: workspace path, log path, first operation number, seed, import file paths...
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { createBackend } from '../../src-main/backend/create-backend'
import { fileRecentWorkspaces } from '../../src-main/backend/workspace/recent-workspaces'
import { nativeLocations } from '../../src-main/backend/workspace/workspace-locations'
import { crashScorecard, type CrashOp } from './crash-ops'

const [workspace, logPath, firstArg, seedArg, ...importFiles] = process.argv.slice(2) as [string, string, string, string, ...string[]]
const dir = dirname(workspace)
const backend = createBackend({
  host: 'cli',
  locations: nativeLocations({ cwd: dir }),
  recents: fileRecentWorkspaces(join(dir, '.crash-recents.json')),
  sampleDir: dir,
  emit: () => undefined
})
const log = openSync(logPath, 'a')

function record(entry: Record<string, unknown>): void {
  writeSync(log, `${JSON.stringify(entry)}\n`)
  fsyncSync(log)
}

async function call(method: string, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(method, input)
  if (!result.ok) {
    process.stderr.write(`${method} failed: ${result.error.code} ${result.error.message}\n`)
    closeSync(log)
    process.exit(1)
  }
  return result.value
}

let state = Number(seedArg) >>> 0
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

async function main(): Promise<void> {
  await call('workspace-open', { path: basename(workspace) })
  const [card] = (await call('scorecard-list', {})) as Array<{ id: number }>
  process.stdout.write('ready\n')
  for (let n = Number(firstArg); ; n++) {
    const roll = random()
    const op: CrashOp =
      roll < 0.2
        ? { n, kind: 'import', file: basename(importFiles[Math.floor(random() * importFiles.length)]!) }
        : roll < 0.75
          ? { n, kind: 'save' }
          : { n, kind: 'version' }
    record({ ...op, phase: 'begin' })
    if (op.kind === 'import') {
      const preview = (await call('import-inspect', {
        source: { kind: 'path', path: join(dirname(importFiles[0]!), op.file) },
        tableKind: 'flat'
      })) as {
        stagingId: string
        columns: Array<{ index: number; type: string; role: string; category: string }>
        outcomeMapping: Array<{ value: string; outcome: string }>
      }
      await call('import-commit', {
        stagingId: preview.stagingId,
        kind: 'flat',
        columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
        outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
        mode: 'replace'
      })
    } else if (op.kind === 'save') {
      await call('scorecard-save', { id: card!.id, scorecard: crashScorecard(n) })
    } else {
      await call('scorecard-version-save', { id: card!.id, note: `v${n}` })
    }
    record({ ...op, phase: 'done' })
  }
}

void main()
