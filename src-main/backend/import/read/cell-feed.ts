/**
 * The cells of the second thread's columns, handed to it by the reading thread as it scans
 * (see csv-columns-helper.ts). Both threads used to scan every byte of a large CSV, each for its
 * own columns: the scan alone took each about 0.47 s of the 1M-row bench export, and the thread
 * that only built columns had half its time in it. Now only the reading thread scans: for every
 * row it delivers, it writes each of the other thread's cells as it would have pushed it to
 * that column's builder (the cell's place in the file, hash and whether it is ASCII, or the
 * string it decoded), and the other thread pushes them, in the same order, to its builders. A
 * column is so exactly what one thread alone builds.
 *
 * The cells go through a ring of a few chunks in shared memory, so nothing is allocated per
 * chunk; the rare decoded strings travel beside them as a message. When the other thread falls
 * far behind or stops, the reading thread gives it up and builds its columns itself.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads'

/** Counters in the meta array: chunks published, chunks taken, and the feed's end. */
const POSTED = 0
const TAKEN = 1
const END = 2
/** Then per ring slot: the slot's length (in Int32s) and its number of strings. */
const SLOTS = 3

/** END's values besides 0 (still feeding): all fed, given up. */
const FED = 1
const GIVEN_UP = 2

/** Chunks in the ring: the reading thread may run this far ahead of the other. */
const RING = 4
/** Rows per chunk: about 1 MB for eight columns. */
const CHUNK_ROWS = 8192
/** Int32s per cell: start, end, hash, ASCII (or -1, string index / -2 for an empty string). */
const CELL = 4
const STRING = -1
const EMPTY = -2

/** How long either side waits for the other before giving it up ... */
const PATIENCE_MS = 10_000
/** ... and the reading thread for a thread that has taken nothing yet (it may never have loaded). */
const START_PATIENCE_MS = 5_000

/** What the other thread needs to take the cells: plain data and shared memory, and the strings' port. */
export interface FeedChannel {
  meta: Int32Array
  ring: Int32Array
  /** Cells per row: the number of the other thread's columns. */
  columns: number
  port: MessagePort
}

/** Creates the shared memory for a feed of `columns` cells per row. */
export function feedMemory(columns: number): Pick<FeedChannel, 'meta' | 'ring' | 'columns'> {
  const chunk = CHUNK_ROWS * Math.max(1, columns) * CELL
  return {
    meta: new Int32Array(new SharedArrayBuffer((SLOTS + 2 * RING) * Int32Array.BYTES_PER_ELEMENT)),
    ring: new Int32Array(new SharedArrayBuffer(RING * chunk * Int32Array.BYTES_PER_ELEMENT)),
    columns
  }
}

/** The reading thread's side: one row's cells at a time, in column order. */
export class CellFeed {
  private readonly chunk: number
  private slot = 0
  private at = 0
  private base = 0
  private strings: string[] = []
  private posted = 0
  private givenUp = false

  /**
   * `stopped`: whether the other thread has stopped taking cells (it failed, and answered with its
   * error), so that a full ring gives it up at once instead of after its patience.
   */
  constructor(
    private readonly channel: FeedChannel,
    private readonly stopped: () => boolean = () => false
  ) {
    this.chunk = channel.ring.length / RING
  }

  /** Whether the other thread is still being fed (false once given up). */
  get live(): boolean {
    return !this.givenUp
  }

  pushBytes(start: number, end: number, hash: number, ascii: boolean): void {
    const ring = this.channel.ring
    const i = this.base + this.at
    ring[i] = start
    ring[i + 1] = end
    ring[i + 2] = hash
    ring[i + 3] = ascii ? 1 : 0
    this.at += CELL
    if (this.at === this.chunk) this.publish()
  }

  pushString(value: string): void {
    const ring = this.channel.ring
    const i = this.base + this.at
    if (value === '') ring[i] = EMPTY
    else {
      ring[i] = STRING
      ring[i + 1] = this.strings.length
      this.strings.push(value)
    }
    this.at += CELL
    if (this.at === this.chunk) this.publish()
  }

  /** Publishes the last cells and tells the other thread there are no more; false if it was given up. */
  end(): boolean {
    if (this.givenUp) return false
    if (this.at > 0) this.publish()
    if (this.givenUp) return false
    Atomics.store(this.channel.meta, END, FED)
    Atomics.notify(this.channel.meta, POSTED)
    return true
  }

  /** Gives the other thread up: it stops at its next chunk, and its columns are built here. */
  giveUp(): void {
    this.givenUp = true
    Atomics.store(this.channel.meta, END, GIVEN_UP)
    Atomics.notify(this.channel.meta, POSTED)
  }

  private publish(): void {
    if (this.givenUp) {
      this.at = 0
      this.strings = []
      return
    }
    const { meta, port } = this.channel
    meta[SLOTS + 2 * this.slot] = this.at
    meta[SLOTS + 2 * this.slot + 1] = this.strings.length
    // Posted before the count, so the other thread finds a chunk's strings once it sees the chunk.
    if (this.strings.length > 0) port.postMessage(this.strings)
    this.posted++
    Atomics.store(meta, POSTED, this.posted)
    Atomics.notify(meta, POSTED)
    this.strings = []
    this.at = 0
    this.slot = (this.slot + 1) % RING
    this.base = this.slot * this.chunk
    // The next slot is free once the other thread has taken the chunk it held.
    const began = Date.now()
    for (;;) {
      const taken = Atomics.load(meta, TAKEN)
      if (this.posted - taken < RING) return
      if (this.stopped() || Date.now() - began > (taken === 0 ? START_PATIENCE_MS : PATIENCE_MS)) {
        this.giveUp()
        return
      }
      Atomics.wait(meta, TAKEN, taken, 100)
    }
  }
}

/** The other thread's side: what a builder is given for each cell. */
export interface CellSink {
  pushBytes(start: number, end: number, hash: number, ascii: boolean): void
  pushString(value: string): void
}

/**
 * Takes every cell fed until the feed ends, pushing each to its column's sink (`sinks[k]` for
 * the k-th cell of a row). Throws when the reading thread gave the feed up or went silent.
 */
export function takeCells(channel: FeedChannel, sinks: readonly CellSink[]): void {
  const { meta, ring, port, columns } = channel
  const chunk = ring.length / RING
  let taken = 0
  let column = 0
  for (;;) {
    const began = Date.now()
    while (Atomics.load(meta, POSTED) === taken) {
      const end = Atomics.load(meta, END)
      if (end === GIVEN_UP) throw new Error('the reading thread gave the columns up')
      if (end === FED && Atomics.load(meta, POSTED) === taken) return
      if (Date.now() - began > PATIENCE_MS) throw new Error('the reading thread stopped feeding cells')
      Atomics.wait(meta, POSTED, taken, 100)
    }
    if (Atomics.load(meta, END) === GIVEN_UP) throw new Error('the reading thread gave the columns up')
    const slot = taken % RING
    const length = meta[SLOTS + 2 * slot]!
    const strings = meta[SLOTS + 2 * slot + 1]! > 0 ? (receiveMessageOnPort(port)?.message as string[]) : null
    const base = slot * chunk
    for (let i = base; i < base + length; i += CELL) {
      const sink = sinks[column]!
      const start = ring[i]!
      if (start >= 0) sink.pushBytes(start, ring[i + 1]!, ring[i + 2]!, ring[i + 3] === 1)
      else sink.pushString(start === EMPTY ? '' : strings![ring[i + 1]!]!)
      if (++column === columns) column = 0
    }
    taken++
    Atomics.store(meta, TAKEN, taken)
    Atomics.notify(meta, TAKEN)
  }
}
