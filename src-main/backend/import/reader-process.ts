import { fork, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { appRoot, runningFromSource } from '../app-paths'
import { withHugePages } from '../huge-pages'

/**
 * The reading process itself: how it is started, and one started ahead of its file. This module
 * loads nothing but Node's own, so that `icp import` can start its reader before it loads the
 * backend (SQLite, the spreadsheet libraries, the contract's schemas).
 */

/** Heap of the reading process: room for a 1 GB export (a CSV read from its bytes keeps them off the heap), and a ceiling for a hostile one. */
export const READER_HEAP_MB = 3072

/**
 * The reader's entry: the bundle's own (out/main/read-worker.js) when this code is the bundle
 * (desktop app, `icp`, browser mode), or the TypeScript source under tsx's CommonJS hook when it
 * runs from source (Vitest, scripts).
 */
function readerEntry(heapMb: number): { modulePath: string; execArgv: string[]; env: NodeJS.ProcessEnv } {
  // Electron's own binary runs a child as plain Node only when told to.
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1', GLIBC_TUNABLES: withHugePages(process.env['GLIBC_TUNABLES']) }
  // --expose-gc: the reader collects once between reading and profiling (see read-worker.ts).
  const heap = `--max-old-space-size=${heapMb}`
  if (!runningFromSource()) return { modulePath: join(appRoot(), 'out', 'main', 'read-worker.js'), execArgv: [heap, '--expose-gc'], env }
  const tsx = createRequire(__filename).resolve('tsx/cjs')
  return {
    modulePath: join(__dirname, 'read-worker.ts'),
    execArgv: [heap, '--expose-gc', '--require', tsx],
    env: { ...env, TSX_TSCONFIG_PATH: process.env['TSX_TSCONFIG_PATH'] ?? join(appRoot(), 'tsconfig.node.json') }
  }
}

function forkReader(heapMb: number): ChildProcess {
  const entry = readerEntry(heapMb)
  return fork(entry.modulePath, [], {
    execArgv: entry.execArgv,
    env: entry.env,
    // Typed arrays cross as typed arrays (the JSON channel would turn bytes into objects).
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc']
  })
}

/** A reader started ahead of its file, and the heap it was started with. */
let spare: { child: ChildProcess; heapMb: number } | null = null

/**
 * Starts a reader now, to be taken by the next read. Starting Node and loading the reader takes
 * about 0.15 s, which `icp import` otherwise spends after loading the backend and before the
 * file's first byte is read. The spare keeps nothing alive: if no read takes it, this process
 * still exits, and the reader exits when its channel closes (read-worker.ts).
 */
export function startSpareReader(heapMb = READER_HEAP_MB): ChildProcess {
  if (spare !== null) return spare.child
  const child = forkReader(heapMb)
  // Its death before use only means the next read starts its own.
  child.on('error', () => undefined)
  child.once('exit', () => {
    if (spare?.child === child) spare = null
  })
  child.unref()
  child.channel?.unref()
  ;(child.stderr as Socket | null)?.unref()
  spare = { child, heapMb }
  return child
}

/** A reader for one read: the spare if there is a live one with this heap, otherwise a new one. */
export function startReader(heapMb: number): ChildProcess {
  const ready = spare
  if (ready !== null && ready.heapMb === heapMb && ready.child.connected && ready.child.exitCode === null) {
    spare = null
    ready.child.ref()
    ready.child.channel?.ref()
    ;(ready.child.stderr as Socket | null)?.ref()
    return ready.child
  }
  return forkReader(heapMb)
}
