import { statSync } from 'node:fs'
import { AppError } from '../app-error'
import { loadReaderRequest, type ReaderRequest } from './import-source'
import { stageFile } from './stage-file'
import { HELPER_MIN_BYTES } from './read/csv-columns'
import { isTextFileName } from './read/detect-format'
import { COLUMNS_TASK, csvColumnsTask, ThreadColumnsHelper } from './read/csv-columns-helper'
import { collect, collectWhenGrown } from './collect-garbage'
import { ColumnsHandOver, WRITE_COLUMNS_TASK, writeColumnsTask } from './staged-columns-task'
import { HelperThread, isHelperThread, serveHelperTasks, type HelperTask } from './helper-thread'

/**
 * Child-process entry: reading and profiling a file runs in its own process, not a thread, so
 * that a file which makes V8 abort ("invalid table size", an out-of-memory that no heap limit
 * catches) ends only this process; the parent reports its death as an error about the file.
 * Its stdout and stderr are not the user's terminal (libraries' warnings stay here).
 */
function serveOneRead(): void {
  const send = process.send?.bind(process)
  if (!send) throw new Error('read-worker must run as a child process with an IPC channel')
  // The parent went away (closed, crashed): there is no one left to read for.
  process.on('disconnect', () => process.exit(0))
  process.once('message', (message: ReaderRequest & { columnsFile: string }) => void read(message, send))
}

type Send = NonNullable<typeof process.send>

async function read(message: ReaderRequest & { columnsFile: string }, send: Send): Promise<void> {
  const { columnsFile, fileName } = message
  let lastSent = 0
  const thread = new HelperThread(__filename)
  const handOver = new ColumnsHandOver(thread, columnsFile, fileName)
  let columnsHelper: ThreadColumnsHelper | undefined
  try {
    // A text file large enough for a second thread (helper-thread.ts) starts it now: it loads
    // while this thread loads the file. A workbook is read on one thread.
    if (isTextFileName(fileName) && sizeOf(message) >= HELPER_MIN_BYTES) thread.warm()
    const request = loadReaderRequest(message, HELPER_MIN_BYTES)
    // Uploaded bytes: the stage request must be their only holder, since stageFile lets go of
    // them once they are read (and a large upload was copied into shared memory).
    ;(message as { bytes?: Uint8Array }).bytes = undefined
    // A thread that cannot load is known before staging.
    if (thread.started && !(await thread.ready(2_000))) thread.close()
    if (thread.started) columnsHelper = new ThreadColumnsHelper(thread)
    const { columns: _columns, ...staged } = stageFile(request, {
      onProgress(phase, done, total, rows) {
        if (phase === 'profiling') collectWhenGrown()
        const now = Date.now()
        if (now - lastSent < 100 && done < total) return
        lastSent = now
        send({ type: 'progress', phase, done, total, rows })
      },
      isCancelled: () => false,
      // Reading leaves hundreds of MB of garbage V8 has not collected yet (measured on the
      // 1M-row CSV: 440 MB of heap in use, 320 MB of it live). Collecting it here, once, lets
      // profiling reuse that space instead of growing the heap past it (peak 750 -> 660 MB).
      // The other thread, if it read some columns, profiles and writes some of them meanwhile
      // (staged-columns-task.ts).
      onRead(columns, headers) {
        handOver.start(
          columns,
          { headers, missingTokens: request.missingTokens, placeholderChoices: request.placeholderChoices ?? [] },
          columnsHelper
        )
        collect()
      },
      profilingShare: handOver,
      // A large CSV's columns are built on two threads (read/csv-columns-helper.ts).
      ...(columnsHelper !== undefined ? { columnsHelper } : {})
    })
    // The columns go through a file the app named (see staged-columns-file.ts), and the app takes
    // them only once profiling is done: taking them over while this process still held its own copy
    // made the two processes' peaks add up (830 MB against 520 MB on the 1M-row CSV, for a
    // second or so saved on two cores).
    const sections = handOver.finish()
    thread.close()
    send({ type: 'done', staged: { ...staged, sections } }, undefined, {}, () => process.disconnect())
  } catch (error) {
    thread.close()
    send(
      {
        type: 'error',
        error:
          error instanceof AppError
            ? error.toShape()
            : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
      },
      undefined,
      {},
      () => process.disconnect()
    )
  }
}

/** The file's size, without reading it (0 when it cannot be told: the read then says what is wrong). */
function sizeOf(message: ReaderRequest): number {
  if (message.path === undefined) return message.bytes.length
  try {
    return statSync(message.path).size
  } catch {
    return 0
  }
}

// The same file is the entry of the reading process's second thread (helper-thread.ts): one
// bundle, and one way to start it, from source or bundled.
if (isHelperThread())
  serveHelperTasks({ [COLUMNS_TASK]: csvColumnsTask as HelperTask, [WRITE_COLUMNS_TASK]: writeColumnsTask as HelperTask })
else serveOneRead()
