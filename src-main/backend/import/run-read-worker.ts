import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiErrorShape } from '@shared/contract'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { AppError } from '../app-error'
import type { ReaderRequest } from './import-source'
import { READER_HEAP_MB, startReader } from './reader-process'
import type { StagedFile } from './staged-file'
import { readStagedColumns, type ColumnSection } from './staged-columns-file'

export interface ReadJob {
  result: Promise<StagedFile>
  /** Stops the read at once; the promise rejects with a CANCELLED-style error. */
  cancel(): void
}

type ReaderMessage =
  | { type: 'progress'; phase: 'reading' | 'profiling'; done: number; total: number; rows: number }
  | { type: 'done'; staged: Omit<StagedFile, 'columns'> & { sections: ColumnSection[] } }
  | { type: 'error'; error: ApiErrorShape }

export class ReadCancelledError extends Error {
  constructor() {
    super('The import was cancelled.')
  }
}

/** The end of the reader's stderr is kept (never shown raw) to tell out-of-memory from other deaths. */
const STDERR_TAIL = 4096

const READ_FOLDER_PREFIX = 'icp-read-'
/** Older than this, a read folder belongs to no read still running (a 5M-row file reads in minutes). */
const LEFT_FOLDER_AGE_MS = 24 * 3600_000
let swept = false

/**
 * Folders of reads still running. An app (or a test process) that exits normally during a read
 * never sees the read end, so its folder is removed on the way out; only a killed app leaves one,
 * for the sweep.
 */
const liveFolders = new Set<string>()
process.on('exit', () => {
  for (const folder of liveFolders) rmSync(folder, { recursive: true, force: true })
})

/**
 * A read folder is deleted when its read ends, but not if the app itself was killed during the
 * read: a day later such a folder (hundreds of MB for a large file) is removed by the next read.
 */
function sweepLeftFolders(): void {
  if (swept) return
  swept = true
  const base = tmpdir()
  try {
    for (const name of readdirSync(base)) {
      if (!name.startsWith(READ_FOLDER_PREFIX)) continue
      const path = join(base, name)
      try {
        if (Date.now() - statSync(path).mtimeMs > LEFT_FOLDER_AGE_MS) rmSync(path, { recursive: true, force: true })
      } catch {
        // Gone already, or another user's: not ours to report.
      }
    }
  } catch {
    // An unreadable temporary folder only means nothing is swept.
  }
}

/** Why the reading process ended without an answer, in words about the file. */
function deathError(fileName: string, code: number | null, signal: NodeJS.Signals | null, stderr: string): AppError {
  const outOfMemory = /heap out of memory|invalid table size|allocation failed|invalid array length|out of memory/i.test(stderr)
  const how = signal !== null ? `signal ${signal}` : `exit code ${String(code)}`
  const message = outOfMemory
    ? `${fileName} could not be read: it needs more memory than the app allows one file (the reader stopped, ${how}). Nothing was imported; filter the export to fewer rows or split it.`
    : `${fileName} could not be read: the reader stopped on it (${how}). Nothing was imported; export the data again as .xlsx or .csv and import that.`
  return new AppError('BAD_INPUT', message, {
    file: fileName,
    reason: outOfMemory ? 'out-of-memory' : 'reader-died',
    exitCode: code,
    signal
  })
}

/**
 * Reads a file in a child process. Whatever the file does to that process (abort, run out of
 * memory, hang until Cancel), the app and browser-mode server stay up and answer with a coded error.
 */
export function runReadWorker(
  request: ReaderRequest,
  onProgress: (phase: 'reading' | 'profiling', done: number, total: number, rows: number) => void,
  /** Tests lower it to see a reader run out of memory on a small file. */
  heapMb = READER_HEAP_MB
): ReadJob {
  // The app names the file the reader hands its columns over in, and deletes it whatever happens.
  sweepLeftFolders()
  const folder = mkdtempSync(join(tmpdir(), READ_FOLDER_PREFIX))
  liveFolders.add(folder)
  const columnsFile = join(folder, 'columns.bin')
  const child = startReader(heapMb)
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL)
  })
  let cancelled = false
  let settled = false
  const result = new Promise<StagedFile>((resolve, reject) => {
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      rmSync(folder, { recursive: true, force: true })
      liveFolders.delete(folder)
      fn()
    }
    child.on('message', (message: ReaderMessage) => {
      if (message.type === 'progress') onProgress(message.phase, message.done, message.total, message.rows)
      else if (message.type === 'done') {
        const { sections, ...staged } = message.staged
        let columns: DictionaryColumn[]
        try {
          columns = readStagedColumns(columnsFile, sections)
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error)
          settle(() => reject(new AppError('INTERNAL', `Reading ${request.fileName}: its columns could not be taken over (${why}).`)))
          return
        }
        settle(() => resolve({ ...staged, columns }))
      } else settle(() => reject(new AppError(message.error.code, message.error.message, message.error.details)))
    })
    child.on('error', (error) =>
      settle(() => reject(new AppError('INTERNAL', `Reading ${request.fileName} could not start: ${error.message}`)))
    )
    // 'close', not 'exit': by then every message the reader sent has been delivered.
    child.on('close', (code, signal) => {
      if (cancelled) settle(() => reject(new ReadCancelledError()))
      else settle(() => reject(deathError(request.fileName, code, signal, stderr)))
    })
  })
  child.send({ ...request, columnsFile })
  return {
    result,
    cancel() {
      cancelled = true
      child.kill('SIGKILL')
    }
  }
}
