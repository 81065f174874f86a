/**
 * A large CSV's columns built on two threads (see csv-columns.ts): the reading process's second
 * thread (helper-thread.ts) builds the columns csv-column-split.ts gives it while the reading
 * thread builds the rest. Reading the 1M-row bench export took one core 2.1-2.5 s, most of it
 * per cell in the columns' dictionaries, while the machine's other core sat idle.
 *
 * The file is in shared memory (readInputFile's `sharedFrom`), so the thread reads the same
 * bytes without a copy, and the columns it built come back with their typed arrays moved.
 */
import type { Transferable } from 'node:worker_threads'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import type { HelperThread } from '../helper-thread'
import { packColumn, unpackColumn, type PackedColumn } from './column-transfer'
import { buildColumns, HELPER_MIN_BYTES, type ColumnsHelper, type HelperJob } from './csv-columns'
import { ReadControl } from './read-control'

export const COLUMNS_TASK = 'csv-columns'

export class ThreadColumnsHelper implements ColumnsHelper {
  constructor(
    private readonly thread: HelperThread,
    readonly minBytes = HELPER_MIN_BYTES
  ) {}

  canShare(bytes: Uint8Array): boolean {
    return bytes.buffer instanceof SharedArrayBuffer
  }

  start(job: HelperJob): boolean {
    return this.thread.post(COLUMNS_TASK, job)
  }

  finish(ownMs: number): Array<DictionaryColumn | null> | null {
    const reply = this.thread.wait(ownMs) as Array<PackedColumn | null> | null
    return reply === null ? null : reply.map((packed) => (packed === null ? null : unpackColumn(packed)))
  }

  cancel(): void {
    this.thread.close()
  }
}

/** The helper thread's side: build the job's columns and move them back. */
export function csvColumnsTask(job: HelperJob): { reply: Array<PackedColumn | null>; transfer: Transferable[] } {
  const read = buildColumns({ ...job, control: new ReadControl({}) }, job.own)
  const moved: ArrayBuffer[] = []
  return { reply: read.columns.map((column) => (column === null ? null : packColumn(column, moved))), transfer: moved }
}
