/**
 * A large CSV's columns built on two threads (see csv-columns.ts): the reading process's second
 * thread (helper-thread.ts) builds the columns csv-column-split.ts gives it while the reading
 * thread builds the rest. Reading the 1M-row bench export took one core 2.1-2.5 s, most of it
 * per cell in the columns' dictionaries, while the machine's other core sat idle.
 *
 * The reading thread alone scans the file and feeds the thread the cells of its columns
 * (cell-feed.ts). The file is in shared memory (readInputFile's `sharedFrom`), so a cell crosses
 * as its place in it, and the columns the thread built come back with their typed arrays moved.
 */
import { MessageChannel, type MessagePort, type Transferable } from 'node:worker_threads'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import type { HelperThread } from '../helper-thread'
import { CellFeed, feedMemory, type FeedChannel } from './cell-feed'
import { packColumn, unpackColumn, type PackedColumn } from './column-transfer'
import { buildFedColumns, HELPER_MIN_BYTES, type ColumnsHelper, type HelperJob } from './csv-columns'

export const COLUMNS_TASK = 'csv-columns'

/** Where a column the thread built is in its job: its own copy of it stays there (see builtColumn). */
export interface BuiltThere {
  builtThere(column: DictionaryColumn): number | undefined
}

export class ThreadColumnsHelper implements ColumnsHelper, BuiltThere {
  /** This side of the running job's port for the cells' strings. */
  private port: MessagePort | null = null
  /** The columns the thread answered with, by the place each has in the job. */
  private received = new Map<DictionaryColumn, number>()

  constructor(
    private readonly thread: HelperThread,
    readonly minBytes = HELPER_MIN_BYTES
  ) {}

  canShare(bytes: Uint8Array): boolean {
    return bytes.buffer instanceof SharedArrayBuffer
  }

  start(job: HelperJob): CellFeed | null {
    const memory = feedMemory(job.own.reduce((sum, own) => sum + own, 0))
    const { port1, port2 } = new MessageChannel()
    if (!this.thread.post(COLUMNS_TASK, { ...job, feed: { ...memory, port: port2 } }, [port2])) {
      port1.close()
      return null
    }
    this.port = port1
    return new CellFeed({ ...memory, port: port1 }, () => this.thread.replied)
  }

  finish(ownMs: number): Array<DictionaryColumn | null> | null {
    const reply = this.thread.wait(ownMs) as Array<PackedColumn | null> | null
    this.closePort()
    if (reply === null) return null
    const columns = reply.map((packed) => (packed === null ? null : unpackColumn(packed)))
    columns.forEach((column, c) => column !== null && this.received.set(column, c))
    return columns
  }

  builtThere(column: DictionaryColumn): number | undefined {
    return this.received.get(column)
  }

  cancel(): void {
    this.closePort()
    this.thread.close()
  }

  private closePort(): void {
    this.port?.close()
    this.port = null
  }
}

/**
 * The columns this thread built last. They are also the reading thread's now, and the thread
 * writes them to the columns file from its own copy (staged-columns-task.ts): sent back, a
 * de-duplicated column's values were copied a second time: 86 ms of the reading thread's time
 * for the bench export's columns, its 177,000 account names among them.
 */
let builtHere: Array<DictionaryColumn | null> = []

/** The column at `index` of this thread's last job; throws if it built none there. */
export function builtColumn(index: number): DictionaryColumn {
  const column = builtHere[index]
  if (column === null || column === undefined) throw new Error(`this thread built no column ${index + 1}`)
  return column
}

/** The helper thread's side: build the job's columns from the cells fed, and move them back. */
export function csvColumnsTask(job: HelperJob & { feed: FeedChannel }): { reply: Array<PackedColumn | null>; transfer: Transferable[] } {
  const columns = buildFedColumns(job, job.feed)
  job.feed.port.close()
  builtHere = columns
  const moved: ArrayBuffer[] = []
  return { reply: columns.map((column) => (column === null ? null : packColumn(column, moved))), transfer: moved }
}
