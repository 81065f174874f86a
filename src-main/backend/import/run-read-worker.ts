import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ApiErrorShape } from '@shared/contract'
import { AppError } from '../app-error'
import { appRoot, runningFromSource } from '../app-paths'
import type { StageRequest } from './stage-file'
import type { StagedFile } from './staged-file'

export interface ReadJob {
  result: Promise<StagedFile>
  /** Stops the read at once; the promise rejects with a CANCELLED-style error. */
  cancel(): void
}

type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'profiling'; done: number; total: number; rows: number }
  | { type: 'done'; staged: Omit<StagedFile, 'columns'> & { columns: WireColumn[] } }
  | { type: 'error'; error: ApiErrorShape }

interface WireColumn {
  dictionaryJson: string
  codes: Uint32Array
  unique: boolean
}

export class ReadCancelledError extends Error {
  constructor() {
    super('The import was cancelled.')
  }
}

/**
 * Where the worker's code is: the bundle's own entry (out/main/read-worker.js) when this code
 * is the bundle (desktop app, `icp`, browser mode), or the TypeScript source when it runs under
 * tsx or Vitest (tests, scripts), in which case the worker loads tsx itself.
 */
function workerEntry(): { code: string; eval: boolean; env: NodeJS.ProcessEnv } {
  if (!runningFromSource()) return { code: join(appRoot(), 'out', 'main', 'read-worker.js'), eval: false, env: process.env }
  // ESM loader hooks do not reach worker threads on Node 20, so the worker registers tsx's
  // CommonJS hook itself before loading the TypeScript source.
  const source = join(__dirname, 'read-worker.ts')
  const tsconfig = join(appRoot(), 'tsconfig.node.json')
  // Resolved here, not in the worker: its eval'd code resolves modules from the current
  // working folder, which may be anywhere.
  const tsx = createRequire(__filename).resolve('tsx/cjs')
  return {
    code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)})`,
    eval: true,
    env: { ...process.env, TSX_TSCONFIG_PATH: process.env['TSX_TSCONFIG_PATH'] ?? tsconfig }
  }
}

export function runReadWorker(
  request: StageRequest,
  onProgress: (phase: 'reading' | 'profiling', done: number, total: number, rows: number) => void
): ReadJob {
  const entry = workerEntry()
  // A file's bytes that own their whole buffer move to the worker instead of being copied.
  const { bytes } = request
  const movable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: request,
    transferList: movable ? [bytes.buffer as ArrayBuffer] : [],
    env: entry.env,
    // A hostile file must not take the whole app down with it.
    resourceLimits: { maxOldGenerationSizeMb: 3072 }
  })
  let cancelled = false
  const result = new Promise<StagedFile>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.phase, message.done, message.total, message.rows)
      else if (message.type === 'done') {
        const { columns, ...rest } = message.staged
        resolve({
          ...rest,
          columns: columns.map((c) => ({ dictionary: JSON.parse(c.dictionaryJson) as string[], codes: c.codes, unique: c.unique }))
        })
      }
      else reject(new AppError(message.error.code, message.error.message, message.error.details))
    })
    worker.on('error', (error) =>
      reject(
        // Running out of memory is the file's doing (too big to read); anything else is ours.
        error.message.includes('heap') || (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('BAD_INPUT', `${request.fileName} could not be read: it needs more memory than this computer can give it.`)
          : new AppError('INTERNAL', `Reading ${request.fileName} failed inside the app: ${error.message}`)
      )
    )
    worker.on('exit', (code) => {
      if (cancelled) reject(new ReadCancelledError())
      else if (code !== 0) reject(new AppError('INTERNAL', `Reading ${request.fileName} stopped unexpectedly (exit code ${code}).`))
    })
  })
  return {
    result,
    cancel() {
      cancelled = true
      void worker.terminate()
    }
  }
}
