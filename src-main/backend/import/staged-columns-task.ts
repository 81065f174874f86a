/**
 * What the reading process does with its columns once they are read: it profiles them and writes
 * them to the columns file (staged-columns-file.ts). When the file was read on two threads
 * (helper-thread.ts), the second one shares that work instead of idling: on the 1M-row bench
 * export it finished writing the file 0.4 s before the reading thread finished profiling, whose
 * last columns (two of timestamps) took 0.6 s of it.
 *
 * Work is shared by claims in shared memory, each column's profile and its writing taken by
 * exactly one thread: the reading thread profiles from the first column on and then writes from
 * the last one back; the other thread profiles from the last one back and then writes from the
 * first one on. So whichever is done first takes over the other's remaining work, and each
 * thread writes its own part of the file. Only a file read on two threads is shared so: its
 * columns' codes and places are in shared memory, seen by both threads without a copy; of a
 * de-duplicated column, the thread uses the ones it built from its own copy.
 *
 * A thread that fails, or is given up, costs time and not correctness: what it claimed and did
 * not answer for, the reading thread does itself.
 */
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { columnEntries } from '@shared/engine/dictionary-column'
import { AppError } from '../app-error'
import { collect, collectWhenGrown } from './collect-garbage'
import {
  ColumnProfiler,
  packProfiledColumn,
  unpackProfiledColumn,
  type PackedProfiledColumn,
  type ProfiledColumn,
  type ProfilingInputs,
  type ProfilingShare
} from './column-profiler'
import type { HelperThread } from './helper-thread'
import { ByteSpanEntries } from './read/byte-span-entries'
import { packColumn, unpackColumn, type PackedColumn } from './read/column-transfer'
import { builtColumn, type BuiltThere } from './read/csv-columns-helper'
import { StagedColumnsWriter, type ColumnSection } from './staged-columns-file'

export const WRITE_COLUMNS_TASK = 'write-columns'

/** Who took a column's profile or writing, in the shared claims. */
const FREE = 0
const HERE = 1
const THERE = 2

/** The reading thread's part of the columns file, and the other thread's. */
const OWN_PART = 0
const THREAD_PART = 1

interface WriteJob {
  path: string
  /** Each column, or where it is among the columns the thread built itself (and still holds). */
  columns: Array<PackedColumn | { built: number }>
  /** Per column, who profiles it (the first half) and who writes it (the second); in shared memory. */
  claims: Int32Array
  profiling: ProfilingInputs
}

interface WriteReply {
  profiles: Array<[number, PackedProfiledColumn]>
  sections: Array<[number, ColumnSection]>
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

const claimProfile = (claims: Int32Array, index: number, who: number): boolean => Atomics.compareExchange(claims, index, FREE, who) === FREE
const claimWrite = (claims: Int32Array, index: number, who: number): boolean =>
  Atomics.compareExchange(claims, claims.length / 2 + index, FREE, who) === FREE

export class ColumnsHandOver implements ProfilingShare {
  private columns: readonly DictionaryColumn[] = []
  private headers: readonly string[] = []
  /** The shared claims, while the other thread works with this one. */
  private claims: Int32Array | null = null
  private began = 0
  private own: StagedColumnsWriter | null = null
  private readonly sections: Array<ColumnSection | undefined> = []

  /** `path`: the columns file the app named; `fileName`: the file read, for errors. */
  constructor(
    private readonly thread: HelperThread,
    private readonly path: string,
    private readonly fileName: string
  ) {}

  /**
   * The columns read, with what profiling them needs. The other thread takes part when it is
   * already running (it read some of them) and sees them all without a copy: true then.
   */
  start(columns: readonly DictionaryColumn[], profiling: ProfilingInputs, built?: BuiltThere): boolean {
    this.columns = columns
    this.headers = profiling.headers
    if (!this.thread.started || columns.length === 0 || !columns.every(sharedColumn)) return false
    const claims = new Int32Array(new SharedArrayBuffer(8 * columns.length))
    const job: WriteJob = {
      path: this.path,
      columns: columns.map((column) => {
        const at = built?.builtThere(column)
        return at !== undefined ? { built: at } : packColumn(column)
      }),
      claims,
      profiling
    }
    if (!this.thread.post(WRITE_COLUMNS_TASK, job)) return false
    this.claims = claims
    this.began = performance.now()
    return true
  }

  claim(index: number): boolean {
    return this.claims === null || claimProfile(this.claims, index, HERE)
  }

  theirs(): Map<number, ProfiledColumn> | null {
    const claims = this.claims
    if (claims === null) return null
    // Profiling done here: the writing the other thread has not taken yet, from the last column back.
    for (let i = this.columns.length - 1; i >= 0; i--) if (claimWrite(claims, i, HERE)) this.write(i)
    this.claims = null
    const reply = this.thread.wait(performance.now() - this.began) as WriteReply | null
    if (reply === null) return null
    for (const [index, section] of reply.sections) this.sections[index] = section
    return new Map(reply.profiles.map(([index, packed]) => [index, unpackProfiledColumn(packed)]))
  }

  /** Where each column is in the columns file, writing here those the other thread did not. */
  finish(): ColumnSection[] {
    try {
      for (let i = 0; i < this.columns.length; i++) if (this.sections[i] === undefined) this.write(i)
    } finally {
      this.own?.close()
      this.own = null
    }
    return this.sections as ColumnSection[]
  }

  private write(index: number): void {
    try {
      this.own ??= new StagedColumnsWriter(this.path, OWN_PART)
      this.sections[index] = this.own.write(this.columns[index]!)
    } catch (error) {
      throw this.writeError(error, index)
    }
  }

  private writeError(error: unknown, index: number): AppError {
    const name = this.headers[index] ?? String(index + 1)
    // V8's longest string (about 2^29 characters) bounds one column's stored text.
    if (error instanceof RangeError) {
      return new AppError(
        'BAD_INPUT',
        `${this.fileName} could not be imported: its column “${name}” holds more text than one column can (${columnEntries(this.columns[index]!).length.toLocaleString('en-US')} different values). Nothing was imported; remove that column or split the file.`,
        { file: this.fileName, column: this.headers[index] ?? null, reason: 'column-too-large' }
      )
    }
    const full = (error as NodeJS.ErrnoException).code === 'ENOSPC'
    return new AppError(
      'BAD_INPUT',
      `${this.fileName} was read, but its columns could not be handed to the app through the temporary folder: ${full ? 'the disk is full' : error instanceof Error ? error.message : String(error)}. Nothing was imported${full ? '; free some disk space and import it again' : ''}.`,
      { file: this.fileName, reason: 'staging-write' }
    )
  }
}

/**
 * The other thread's side: its reading's garbage first, then the profiles from the last column
 * back, then the writing from the first column on, each as far as the reading thread has not
 * taken it.
 */
export function writeColumnsTask(job: WriteJob): { reply: WriteReply; last: true } {
  collect()
  const { claims } = job
  const columns = job.columns.map((column) => ('built' in column ? builtColumn(column.built) : unpackColumn(column)))
  const profiler = new ColumnProfiler(columns, job.profiling)
  const profiles: WriteReply['profiles'] = []
  for (let i = columns.length - 1; i >= 0; i--) {
    if (!claimProfile(claims, i, THERE)) continue
    collectWhenGrown()
    profiles.push([i, packProfiledColumn(profiler.profile(i))])
  }
  const sections: WriteReply['sections'] = []
  let writer: StagedColumnsWriter | null = null
  try {
    for (let i = 0; i < columns.length; i++) {
      if (!claimWrite(claims, i, THERE)) continue
      writer ??= new StagedColumnsWriter(job.path, THREAD_PART)
      sections.push([i, writer.write(columns[i]!)])
    }
  } finally {
    writer?.close()
  }
  // Its last task: its heap is let go while the reading thread still works.
  return { reply: { profiles, sections }, last: true }
}
