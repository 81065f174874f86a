/**
 * The columns file (staged-columns-file.ts) written by the reading process's second thread
 * (helper-thread.ts) while the reading thread profiles. Writing it took the reading thread about
 * 0.3 s of the 1M-row bench export after profiling, most of it the JSON text of the columns
 * kept as the file's bytes; it does not depend on profiling, so it is written while profiling
 * runs. Only a file read on two threads is handed over so: its columns' codes and places are in
 * shared memory, seen by both threads without a copy; of a de-duplicated column, the thread
 * writes the ones it built from its own copy, and the reading thread's values are copied.
 *
 * The thread writes beside the named file and the reading thread renames it when the thread is
 * done, so a thread given up cannot write into the file the reading thread then writes itself.
 */
import { renameSync } from 'node:fs'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { collect } from './collect-garbage'
import type { HelperThread } from './helper-thread'
import { ByteSpanEntries } from './read/byte-span-entries'
import { packColumn, unpackColumn, type PackedColumn } from './read/column-transfer'
import { builtColumn, type BuiltThere } from './read/csv-columns-helper'
import { StagedColumnsWriter, type ColumnSection } from './staged-columns-file'

export const WRITE_COLUMNS_TASK = 'write-columns'

interface WriteJob {
  path: string
  /** Each column, or where it is among the columns the thread built itself (and still holds). */
  columns: Array<PackedColumn | { built: number }>
}

const isShared = (array: Uint8Array | Uint32Array): boolean => array.buffer instanceof SharedArrayBuffer

/** Whether the other thread sees the column's arrays without a copy. */
function sharedColumn(column: DictionaryColumn): boolean {
  if (!isShared(column.codes)) return false
  if (column.entries === undefined) return true
  if (!(column.entries instanceof ByteSpanEntries)) return false
  const { starts, sizes, kinds } = column.entries.pack()
  return isShared(starts) && isShared(sizes) && isShared(kinds)
}

export class ColumnsHandOver {
  private writing: { path: string; began: number } | null = null

  constructor(private readonly thread: HelperThread) {}

  /**
   * Starts writing the columns to `path` on the other thread, when it is already running (it read
   * some of them) and sees them all without a copy; false otherwise, and finish() then answers null.
   */
  start(path: string, columns: readonly DictionaryColumn[], built?: BuiltThere): boolean {
    if (!this.thread.started || columns.length === 0 || !columns.every(sharedColumn)) return false
    const job: WriteJob = {
      path: `${path}.part`,
      columns: columns.map((column) => {
        const at = built?.builtThere(column)
        return at !== undefined ? { built: at } : packColumn(column)
      })
    }
    if (!this.thread.post(WRITE_COLUMNS_TASK, job)) return false
    this.writing = { path, began: performance.now() }
    return true
  }

  /** Where each column is in the file at `path`; null when nothing was started or the thread failed (then write it here). */
  finish(): ColumnSection[] | null {
    const writing = this.writing
    if (writing === null) return null
    this.writing = null
    const sections = this.thread.wait(performance.now() - writing.began) as ColumnSection[] | null
    if (sections === null) return null
    try {
      renameSync(`${writing.path}.part`, writing.path)
    } catch {
      // Then this thread writes the file itself (the part left behind goes with the app's folder).
      return null
    }
    return sections
  }
}

/** The other thread's side: its reading's garbage first, then the file. */
export function writeColumnsTask(job: WriteJob): { reply: ColumnSection[]; last: true } {
  collect()
  const writer = new StagedColumnsWriter(job.path)
  try {
    // Its last task: its heap is let go while the reading thread still profiles.
    return {
      reply: job.columns.map((column) => writer.write('built' in column ? builtColumn(column.built) : unpackColumn(column))),
      last: true
    }
  } finally {
    writer.close()
  }
}
