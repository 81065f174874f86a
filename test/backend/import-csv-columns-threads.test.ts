/**
 * A large CSV's columns built on two threads (csv-columns.ts, read/csv-columns-helper.ts,
 * helper-thread.ts): whatever the split, the columns and facts are exactly those one thread
 * builds, and a second thread that fails or never starts only costs time.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { MessageChannel } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import { skipBecause } from '../support/skip'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { readTable } from '../../src-main/backend/import/read'
import { expectedDistinct, planColumnSplit } from '../../src-main/backend/import/read/csv-column-split'
import type { ColumnsHelper, HelperJob } from '../../src-main/backend/import/read/csv-columns'
import { ThreadColumnsHelper } from '../../src-main/backend/import/read/csv-columns-helper'
import { HelperThread } from '../../src-main/backend/import/helper-thread'
import { ByteSpanEntries } from '../../src-main/backend/import/read/byte-span-entries'
import { CellFeed, feedMemory } from '../../src-main/backend/import/read/cell-feed'
import { generateCrm, writeCsv } from '../../scripts/crm-generator/index'
import { ColumnsHandOver } from '../../src-main/backend/import/staged-columns-task'
import { readStagedColumns, type ColumnSection } from '../../src-main/backend/import/staged-columns-file'
import {
  ColumnProfiler,
  packProfiledColumn,
  type ProfilingInputs,
  type ProfilingShare
} from '../../src-main/backend/import/column-profiler'
import type { StagedFile } from '../../src-main/backend/import/staged-file'
import { AppError } from '../../src-main/backend/app-error'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { runReadWorker } from '../../src-main/backend/import/run-read-worker'
import { stageFile } from '../../src-main/backend/import/stage-file'
import { tmpdir } from 'node:os'

const root = join(__dirname, '../..')
/** The reading process's own entry, which serves the helper's tasks on a helper thread. */
const ENTRY = join(root, 'src-main/backend/import/read-worker.ts')
/** The thread runs the TypeScript source through tsx's CommonJS hook, as the reading process does from source. */
const TSX = ['--require', createRequire(__filename).resolve('tsx/cjs')]

let tsconfig: string | undefined
beforeAll(() => {
  tsconfig = process.env['TSX_TSCONFIG_PATH']
  process.env['TSX_TSCONFIG_PATH'] = join(root, 'tsconfig.node.json')
})
afterAll(() => {
  if (tsconfig === undefined) delete process.env['TSX_TSCONFIG_PATH']
  else process.env['TSX_TSCONFIG_PATH'] = tsconfig
})

/** The bytes in shared memory, as the reading process loads a large file. */
function shared(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length))
  copy.set(bytes)
  return copy
}

/** A helper that records what it was given and what it answered. */
function watched(helper: ColumnsHelper): ColumnsHelper & { jobs: HelperJob[]; answered: boolean[] } {
  const jobs: HelperJob[] = []
  const answered: boolean[] = []
  return {
    jobs,
    answered,
    minBytes: helper.minBytes,
    canShare: (bytes) => helper.canShare(bytes),
    start(job) {
      jobs.push(job)
      return helper.start(job)
    },
    finish(ownMs) {
      const columns = helper.finish(ownMs)
      answered.push(columns !== null)
      return columns
    },
    cancel: () => helper.cancel()
  }
}

/** The column as plain data (entries kept as bytes read one by one, before the dictionary is made). */
function plain(column: DictionaryColumn): unknown {
  const entries = column.entries
  const read = entries === undefined ? null : Array.from({ length: entries.length }, (_, i) => entries.at(i))
  if (entries !== undefined) expect(entries).toBeInstanceOf(ByteSpanEntries)
  return { read, dictionary: column.dictionary, codes: Array.from(column.codes), unique: column.unique }
}

function readWith(bytes: Uint8Array, name: string, helper?: ColumnsHelper): Record<string, unknown> {
  const { columns, ...facts } = readTable(bytes, name, { columnar: true, ...(helper ? { columnsHelper: helper } : {}) }, () => {
    throw new Error('the byte path delivers no rows')
  })
  expect(columns).toBeDefined()
  return { ...facts, columns: columns!.map(plain) }
}

/** A staged file's facts and profiles, without its columns. */
function withoutColumns(staged: StagedFile): Record<string, unknown> {
  const { columns: _columns, ...rest } = staged
  return rest
}

function expectSame(actual: Record<string, unknown>, reference: Record<string, unknown>): void {
  // node's deep equality is quick on 20,000-entry columns; toEqual only runs to show a difference.
  if (!isDeepStrictEqual(actual, reference)) expect(actual).toEqual(reference)
}

/** A messy export past the 20,000 rows the split is planned on (and mostly-unique columns stop de-duplicating). */
const crm = generateCrm({ seed: 'csv-columns-threads', accounts: 2500, deals: 24_000, mess: 'heavy' })
const deals = writeCsv(crm.deals)

describe('a large CSV read on two threads', () => {
  it('gives exactly the columns and facts one thread gives, each column built by one of them', () => {
    const bytes = shared(deals)
    const helper = watched(new ThreadColumnsHelper(new HelperThread(ENTRY, TSX), 0))
    const twoThreads = readWith(bytes, 'deals.csv', helper)
    expect(helper.jobs).toHaveLength(1)
    expect(helper.answered).toEqual([true])
    const theirs = Array.from(helper.jobs[0]!.own)
    // Both threads had columns to build.
    expect(theirs.some((t) => t === 1)).toBe(true)
    expect(theirs.some((t) => t === 0)).toBe(true)
    expectSame(twoThreads, readWith(deals, 'deals.csv'))
  }, 120_000)

  it('builds the columns itself when the other thread fails, never starts, or the file is small', () => {
    const reference = readWith(deals, 'deals.csv')
    // Fed every cell (the file's 24,000 rows fit the feed's ring, so nothing waits), then no answer.
    const failing = watched({
      minBytes: 0,
      canShare: () => true,
      start: (job) => new CellFeed({ ...feedMemory(job.own.reduce((sum, own) => sum + own, 0)), port: new MessageChannel().port1 }),
      finish: () => null,
      cancel: () => undefined
    })
    expectSame(readWith(shared(deals), 'deals.csv', failing), reference)
    expect(failing.answered).toEqual([false])

    // Given up before its first cell: never asked for an answer.
    const givenUp = watched({
      minBytes: 0,
      canShare: () => true,
      start: (job) => {
        const feed = new CellFeed({ ...feedMemory(job.own.reduce((sum, own) => sum + own, 0)), port: new MessageChannel().port1 })
        feed.giveUp()
        return feed
      },
      finish: () => null,
      cancel: () => undefined
    })
    expectSame(readWith(shared(deals), 'deals.csv', givenUp), reference)
    expect(givenUp.jobs).toHaveLength(1)
    expect(givenUp.answered).toEqual([])

    // A thread whose module is not there never raises its flag: given up after its start's patience.
    const missing = watched(new ThreadColumnsHelper(new HelperThread(join(root, 'no-such-entry.js')), 0))
    expectSame(readWith(shared(deals), 'deals.csv', missing), reference)
    expect(missing.answered).toEqual([false])

    // Below the helper's size, and for bytes it cannot share, one thread reads.
    const small = watched(new ThreadColumnsHelper(new HelperThread(ENTRY, TSX)))
    expectSame(readWith(shared(deals), 'deals.csv', small), reference)
    const unshared = watched(new ThreadColumnsHelper(new HelperThread(ENTRY, TSX), 0))
    expectSame(readWith(deals, 'deals.csv', unshared), reference)
    expect([...small.jobs, ...unshared.jobs]).toEqual([])
  }, 120_000)

  it('reports the error of a file the byte path refuses, whichever thread meets it first', () => {
    // An unclosed quote far down the file: the byte path gives up and the ordinary reader says what is wrong.
    const text = new TextDecoder().decode(deals)
    const broken = new TextEncoder().encode(`${text}"never closed,1,2\n`)
    const helper = watched(new ThreadColumnsHelper(new HelperThread(ENTRY, TSX), 0))
    const errorOf = (run: () => unknown): string => {
      try {
        run()
        return 'no error'
      } catch (error) {
        return error instanceof Error ? error.message : String(error)
      }
    }
    const withThreads = errorOf(() => readTable(shared(broken), 'broken.csv', { columnar: true, columnsHelper: helper }, () => undefined))
    const alone = errorOf(() => readTable(broken, 'broken.csv', { columnar: true }, () => undefined))
    expect(withThreads).toBe(alone)
    expect(alone).toMatch(/broken\.csv/)
    expect(helper.jobs).toHaveLength(1)
  }, 120_000)
})

describe('the second thread, started before staging', () => {
  it('says at once when it cannot load, and is ready when it can', async () => {
    const missing = new HelperThread(join(root, 'no-such-entry.js'))
    expect(missing.warm()).toBe(true)
    const began = Date.now()
    expect(await missing.ready(4_000)).toBe(false)
    // Known from the thread's death, not from waiting out the time given.
    expect(Date.now() - began).toBeLessThan(3_000)
    expect(missing.started).toBe(false)
    const thread = new HelperThread(ENTRY, TSX)
    try {
      expect(thread.warm()).toBe(true)
      expect(await thread.ready(30_000)).toBe(true)
      expect(thread.started).toBe(true)
    } finally {
      thread.close()
    }
  }, 60_000)
})

describe('the split between the two threads', () => {
  const bytesOf = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n'))

  it('is planned only on at least 20,000 data rows and more than one column', () => {
    const row = (i: number): string => `id-${i},name ${i % 300},${i % 97}`
    const header = 'Id,Name,Amount'
    expect(planColumnSplit(bytesOf([header, ...Array.from({ length: 19_999 }, (_, i) => row(i))]), 0, 44, 1, 3)).toBeNull()
    expect(planColumnSplit(bytesOf(['Only', ...Array.from({ length: 30_000 }, (_, i) => `v${i % 50}`)]), 0, 44, 1, 1)).toBeNull()
    // Hundreds of columns: the sample would be a scan of its own; read on one thread.
    const wide = Array.from({ length: 201 }, (_, c) => `c${c}`).join(',')
    expect(planColumnSplit(bytesOf([wide, ...Array.from({ length: 20_001 }, () => wide)]), 0, 44, 1, 201)).toBeNull()
    const split = planColumnSplit(bytesOf([header, ...Array.from({ length: 30_000 }, (_, i) => row(i))]), 0, 44, 1, 3)
    expect(split).not.toBeNull()
    expect(Array.from(split!).filter((t) => t === 1).length).toBeGreaterThan(0)
  })

  it('puts the two costliest columns on different threads, and one that is all the work on the other thread alone', () => {
    // A new value with doubled quotes (decoded) every fourth row, below the share that stops
    // de-duplication in the first 20,000 rows; the other columns: a few short values.
    const costly = (i: number, tag: string): string => `"""${tag}"" ${i - (i % 4)}"`
    const two = Array.from({ length: 40_000 }, (_, i) => `${costly(i, 'a')},${i % 3},${costly(i, 'b')},${i % 5}`)
    const split = planColumnSplit(bytesOf(['A,B,C,D', ...two]), 0, 44, 1, 4)
    expect(split).not.toBeNull()
    expect(split![0]).not.toBe(split![2])
    // This thread scans every byte and feeds the other the cells of its columns: that is work
    // enough beside the few short values, so the costly column goes to the other thread, alone.
    const one = Array.from({ length: 40_000 }, (_, i) => `${costly(i, 'a')},${i % 3},${i % 5}`)
    expect(Array.from(planColumnSplit(bytesOf(['A,B,C', ...one]), 0, 44, 1, 3) ?? [])).toEqual([1, 0, 0])
  })

  it("expects a column's distinct values to grow as a power of its rows, read off the sample's two halves", () => {
    // Every value new, or none after the first rows: the two ends.
    expect(expectedDistinct(10_000, 20_000, 1_000_000)).toBe(1_000_000)
    expect(expectedDistinct(16, 16, 1_000_000)).toBe(16)
    // The bench export's columns, sampled on 20,000 rows, against what its million rows hold:
    // Account ID (90,014 ids) and Amount (12,343 amounts, which a straight line through the
    // sample's second half put at 85,000).
    expect(expectedDistinct(931, 1847, 1_000_000) / 90_014).toBeCloseTo(1, 1)
    const amounts = expectedDistinct(2387, 3226, 1_000_000)
    expect(amounts).toBeGreaterThan(12_343)
    expect(amounts).toBeLessThan(2 * 12_343)
  })

  it('starts after the header record, below title rows', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `${i},x${i % 40}`)
    const titled = bytesOf(['Report of deals', 'Generated today', 'Id,Name', ...rows])
    // Told that the header is record 3, the two title lines are not sampled as data.
    expect(planColumnSplit(titled, 0, 44, 3, 2)).toEqual(planColumnSplit(bytesOf(['Id,Name', ...rows]), 0, 44, 1, 2))
  })
})

describe('profiling and the columns file, shared with the other thread', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'icp-hand-over-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const request = { fileName: 'deals.csv', missingTokens: [], knownOutcomes: [] }
  const reference = stageFile({ ...request, bytes: deals.slice() }, { onProgress: () => undefined, isCancelled: () => false })

  /** The columns of the export read on two threads, with the thread still running. */
  function readOnTwoThreads(thread: HelperThread): { columns: DictionaryColumn[]; headers: string[]; helper: ThreadColumnsHelper } {
    const helper = new ThreadColumnsHelper(thread, 0)
    const read = readTable(shared(deals), 'deals.csv', { columnar: true, columnsHelper: helper }, () => undefined)
    expect(thread.started).toBe(true)
    return { columns: read.columns!, headers: read.headers, helper }
  }

  const inputs = (headers: readonly string[]): ProfilingInputs => ({ headers, missingTokens: [], placeholderChoices: [] })

  /** Each column read back from the columns file is the column staged. */
  function expectReadBack(path: string, sections: readonly ColumnSection[], columns: readonly DictionaryColumn[]): void {
    expect(sections).toHaveLength(columns.length)
    readStagedColumns(path, sections).forEach((column, i) => {
      expect(Array.from(column.codes)).toEqual(Array.from(columns[i]!.codes))
      expect(column.dictionary).toEqual(columns[i]!.dictionary)
    })
  }

  /** Stages the export on two threads, `share` standing between staging and the hand-over. */
  function stageShared(
    path: string,
    share: (handOver: ColumnsHandOver, thread: HelperThread) => ProfilingShare
  ): { staged: ReturnType<typeof stageFile>; sections: ColumnSection[]; started: boolean } {
    const thread = new HelperThread(ENTRY, TSX)
    try {
      const helper = new ThreadColumnsHelper(thread, 0)
      const handOver = new ColumnsHandOver(thread, path, 'deals.csv')
      let started = false
      const staged = stageFile(
        { ...request, bytes: shared(deals) },
        {
          onProgress: () => undefined,
          isCancelled: () => false,
          columnsHelper: helper,
          onRead: (columns, headers) => (started = handOver.start(columns, inputs(headers), helper)),
          profilingShare: share(handOver, thread)
        }
      )
      return { staged, sections: handOver.finish(), started }
    } finally {
      thread.close()
    }
  }

  it('stages what one thread stages, each column profiled and written once by one of them', () => {
    const path = join(dir, 'shared.columns')
    const theirs: number[] = []
    const { staged, sections, started } = stageShared(path, (handOver) => ({
      claim: (i) => handOver.claim(i),
      theirs() {
        const profiled = handOver.theirs()
        expect(profiled).not.toBeNull()
        theirs.push(...profiled!.keys())
        return profiled
      }
    }))
    expect(started).toBe(true)
    expectSame(withoutColumns(staged), withoutColumns(reference))
    expectReadBack(path, sections, staged.columns)
    // Whatever the split, no column was profiled by both threads' answers twice over.
    expect(new Set(theirs).size).toBe(theirs.length)
  }, 120_000)

  it('takes every column this thread leaves, and none this thread took', async () => {
    for (const thisThreadTakes of ['none', 'all'] as const) {
      const thread = new HelperThread(ENTRY, TSX)
      try {
        const { columns, headers, helper } = readOnTwoThreads(thread)
        const path = join(dir, `takes-${thisThreadTakes}.columns`)
        const handOver = new ColumnsHandOver(thread, path, 'deals.csv')
        expect(handOver.start(columns, inputs(headers), helper)).toBe(true)
        // Claiming every column at once: the other thread may already have taken one from the
        // back (a thread preempted here, on a loaded machine), so what each took is recorded.
        const takenHere = thisThreadTakes === 'all' ? columns.map((_, i) => i).filter((i) => handOver.claim(i)) : []
        // A pause, so that the other thread could take a column if it did not respect a claim.
        await new Promise((resolve) => setTimeout(resolve, 200))
        const theirs = handOver.theirs()!
        const sections = handOver.finish()
        const there = [...theirs.keys()].sort((a, b) => a - b)
        // Each column profiled by exactly one of the two.
        expect([...takenHere, ...there].sort((a, b) => a - b)).toEqual(columns.map((_, i) => i))
        if (thisThreadTakes === 'none') expect(there).toHaveLength(columns.length)
        const here = new ColumnProfiler(columns, inputs(headers))
        for (const i of there) expectSame(packProfiledColumn(theirs.get(i)!) as never, packProfiledColumn(here.profile(i)) as never)
        expectReadBack(path, sections, columns)
      } finally {
        thread.close()
      }
    }
  }, 120_000)

  it('does itself what a thread that stopped had taken, and writes every column into its own part', () => {
    const path = join(dir, 'stopped.columns')
    const { staged, sections, started } = stageShared(path, (handOver, thread) => ({
      claim: (i) => handOver.claim(i),
      theirs() {
        thread.close()
        return handOver.theirs()
      }
    }))
    expect(started).toBe(true)
    expectSame(withoutColumns(staged), withoutColumns(reference))
    expect(sections.every((section) => section.part === 0)).toBe(true)
    expectReadBack(path, sections, staged.columns)
  }, 120_000)

  it('is not shared when the thread did not read, or the columns are not in shared memory', () => {
    const idle = new HelperThread(ENTRY, TSX)
    const { columns, headers } = readTable(deals, 'deals.csv', { columnar: true }, () => undefined)
    const alone = new ColumnsHandOver(idle, join(dir, 'idle.columns'), 'deals.csv')
    expect(alone.start(columns!, inputs(headers))).toBe(false)
    expect(idle.started).toBe(false)
    expect(columns!.every((_, i) => alone.claim(i))).toBe(true)
    expect(alone.theirs()).toBeNull()
    expectReadBack(join(dir, 'idle.columns'), alone.finish(), columns!)
    const thread = new HelperThread(ENTRY, TSX)
    try {
      const { helper } = readOnTwoThreads(thread)
      const handOver = new ColumnsHandOver(thread, join(dir, 'copied.columns'), 'deals.csv')
      expect(handOver.start(columns!, inputs(headers), helper)).toBe(false)
      expect(handOver.theirs()).toBeNull()
      const sections = handOver.finish()
      expect(sections.every((section) => section.part === 0)).toBe(true)
      expectReadBack(join(dir, 'copied.columns'), sections, columns!)
    } finally {
      thread.close()
    }
  }, 120_000)

  it('says which file could not be handed over, and why, when the temporary folder cannot be written', () => {
    const { columns, headers } = readTable(deals, 'deals.csv', { columnar: true }, () => undefined)
    const handOver = new ColumnsHandOver(new HelperThread(ENTRY, TSX), join(dir, 'gone', 'x.columns'), 'deals.csv')
    handOver.start(columns!, inputs(headers))
    let error: unknown = null
    try {
      handOver.finish()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(
      /^deals\.csv was read, but its columns could not be handed to the app through the temporary folder: .*ENOENT.*Nothing was imported\.$/
    )
    expect((error as AppError).details).toMatchObject({ file: 'deals.csv', reason: 'staging-write' })
  })
})

describe('the reading process on a file past 16 MB, read on two threads', () => {
  it('stages what one thread stages, whether it loads the file itself or is sent the bytes (an upload)', async () => {
    // The export six times over: past the size from which the reading process uses its second thread.
    const text = new TextDecoder().decode(deals)
    const body = text.slice(text.indexOf('\n') + 1)
    const bytes = new TextEncoder().encode(text + body.repeat(5))
    expect(bytes.length).toBeGreaterThan(16 * 1048576)
    const dir = mkdtempSync(join(tmpdir(), 'icp-two-threads-'))
    try {
      const path = join(dir, 'deals.csv')
      writeFileSync(path, bytes)
      const base = { fileName: 'deals.csv', missingTokens: [], knownOutcomes: [] }
      const one = stageFile({ ...base, bytes: bytes.slice() }, { onProgress: () => undefined, isCancelled: () => false })
      const plainStage = (staged: typeof one): unknown => {
        // Columns that came through the columns file are text-backed: compared by their values.
        const values = staged.columns.map((c) => ({ dictionary: c.dictionary, codes: Array.from(c.codes), unique: c.unique }))
        return { ...withoutColumns(staged), columns: values }
      }
      const expected = plainStage(one)
      for (const request of [
        { ...base, path },
        { ...base, bytes }
      ]) {
        const staged = await runReadWorker(request, () => undefined).result
        expectSame(plainStage(staged) as Record<string, unknown>, expected as Record<string, unknown>)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})

describe('real public exports, read on two threads', () => {
  const datasets = process.env['ICP_DATASETS'] ?? join(root, '..', 'shared', 'datasets')
  const files = [
    ['bank-marketing', 'bank-additional-full.csv'],
    ['telco-churn', 'WA_Fn-UseC_-Telco-Customer-Churn.csv']
  ] as const
  for (const [folder, file] of files) {
    it(`${folder}: the export repeated past 16 MB reads exactly as on one thread`, (ctx: TestContext) => {
      const path = join(datasets, folder, file)
      if (!existsSync(path))
        skipBecause(ctx, `the real public datasets are not on this machine: ${path} does not exist (set ICP_DATASETS to their folder)`)
      const text = readFileSync(path, 'utf8')
      const body = text.slice(text.indexOf('\n') + 1)
      const times = Math.ceil((16 * 1048576) / body.length) + 1
      const bytes = new TextEncoder().encode(text + body.repeat(times))
      const helper = watched(new ThreadColumnsHelper(new HelperThread(ENTRY, TSX)))
      const twoThreads = readWith(shared(bytes), file, helper)
      expect(helper.answered).toEqual([true])
      expectSame(twoThreads, readWith(bytes, file))
    }, 120_000)
  }
})
