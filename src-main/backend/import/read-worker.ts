import { columnEntries, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { getHeapStatistics } from 'node:v8'
import { AppError } from '../app-error'
import { loadReaderRequest, type ReaderRequest } from './import-source'
import { stageFile } from './stage-file'
import { StagedColumnsWriter, type ColumnSection } from './staged-columns-file'
import { HELPER_MIN_BYTES } from './read/csv-columns'
import { COLUMNS_TASK, csvColumnsTask, ThreadColumnsHelper } from './read/csv-columns-helper'
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
  process.once('message', (message: ReaderRequest & { columnsFile: string }) => read(message, send))
}

const gc = (globalThis as { gc?: () => void }).gc
/** Heap in use after the last collection this process asked for. */
let liveAfterCollect = 0
function collect(): void {
  if (!gc) return
  gc()
  liveAfterCollect = getHeapStatistics().used_heap_size
}
/**
 * Profiling a column of a million dates or numbers leaves a hundred MB or more of short-lived
 * values; V8 lets several such columns pile up before it collects, and the heap grew by 280 MB
 * over the live data on the 1M-row CSV. Collecting between columns once that much garbage is
 * there keeps the reader's peak near its live data, at the cost of a collection or two.
 */
const GARBAGE_BEFORE_COLLECT = 128 * 1048576
function collectWhenGrown(): void {
  if (getHeapStatistics().used_heap_size - liveAfterCollect > GARBAGE_BEFORE_COLLECT) collect()
}

type Send = NonNullable<typeof process.send>

function read({ columnsFile, ...message }: ReaderRequest & { columnsFile: string }, send: Send): void {
  let lastSent = 0
  try {
    const { columns, ...staged } = stageFile(loadReaderRequest(message, HELPER_MIN_BYTES), {
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
      onRead: collect,
      // A large CSV's columns are built on two threads (read/csv-columns-helper.ts).
      columnsHelper: new ThreadColumnsHelper(new HelperThread(__filename))
    })
    // The columns go through a file the app named (see staged-columns-file.ts), and only once
    // profiling is done: the app taking them over while this process still held its own copy
    // made the two processes' peaks add up (830 MB against 520 MB on the 1M-row CSV, for a
    // second or so saved on two cores).
    const sections = writeColumns(
      columnsFile,
      columns,
      staged.profiles.map((p) => p.name),
      message.fileName
    )
    send({ type: 'done', staged: { ...staged, sections } }, undefined, {}, () => process.disconnect())
  } catch (error) {
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

function writeColumns(path: string, columns: readonly DictionaryColumn[], names: readonly string[], fileName: string): ColumnSection[] {
  let writer: StagedColumnsWriter | null = null
  let at = 0
  try {
    writer = new StagedColumnsWriter(path)
    const sections: ColumnSection[] = []
    for (; at < columns.length; at++) sections.push(writer.write(columns[at]!))
    return sections
  } catch (error) {
    // V8's longest string (about 2^29 characters) bounds one column's stored text.
    if (error instanceof RangeError) {
      throw new AppError(
        'BAD_INPUT',
        `${fileName} could not be imported: its column “${names[at] ?? at + 1}” holds more text than one column can (${columnEntries(columns[at]!).length.toLocaleString('en-US')} different values). Nothing was imported; remove that column or split the file.`,
        { file: fileName, column: names[at] ?? null, reason: 'column-too-large' }
      )
    }
    const full = (error as NodeJS.ErrnoException).code === 'ENOSPC'
    throw new AppError(
      'BAD_INPUT',
      `${fileName} was read, but its columns could not be handed to the app through the temporary folder: ${full ? 'the disk is full' : error instanceof Error ? error.message : String(error)}. Nothing was imported${full ? '; free some disk space and import it again' : ''}.`,
      { file: fileName, reason: 'staging-write' }
    )
  } finally {
    writer?.close()
  }
}

// The same file is the entry of the reading process's second thread (helper-thread.ts): one
// bundle, and one way to start it, from source or bundled.
if (isHelperThread()) serveHelperTasks({ [COLUMNS_TASK]: csvColumnsTask as HelperTask })
else serveOneRead()
