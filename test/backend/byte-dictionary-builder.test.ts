/**
 * ByteDictionaryBuilder against DictionaryColumnBuilder, cell by cell: the byte path keeps its
 * own table of byte runs and builds its value index only when it must (a decoded string, or
 * bytes beyond ASCII), so the two may only ever differ in how fast they are. Bytes that are not
 * valid UTF-8 decode to U+FFFD and so to one value whatever the bytes; a hash that sends every
 * cell to the same slot makes every lookup compare bytes.
 */
import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DictionaryColumnBuilder } from '@shared/engine/dictionary-column'
import { join } from 'node:path'
import { ByteDictionaryBuilder, decodeRange } from '../../src-main/backend/import/read/byte-dictionary-builder'
import { readStagedColumns, StagedColumnsWriter } from '../../src-main/backend/import/staged-columns-file'
import { tempDir } from '../support/temp-dir'

type Cell = { bytes: number[] } | { text: string }

function fnv(bytes: ArrayLike<number>): number {
  let hash = 0x811c9dc5 | 0
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 16777619)
  return hash ^ (hash >>> 15)
}

function both(cells: readonly Cell[], hashOf: (bytes: ArrayLike<number>) => number) {
  const runs = cells.flatMap((c) => ('bytes' in c ? [c.bytes] : []))
  const buffer = Buffer.from(runs.flat())
  const byBytes = new ByteDictionaryBuilder(buffer, 4)
  const byStrings = new DictionaryColumnBuilder(4)
  let at = 0
  for (const cell of cells) {
    if ('text' in cell) {
      byBytes.pushString(cell.text)
      byStrings.push(cell.text)
      continue
    }
    const end = at + cell.bytes.length
    const ascii = cell.bytes.every((b) => b < 128)
    byBytes.pushBytes(at, end, hashOf(cell.bytes), ascii)
    byStrings.push(decodeRange(buffer, at, end, ascii))
    at = end
  }
  return { bytes: byBytes.finish(), strings: byStrings.finish() }
}

// Few bytes, so values repeat: ASCII letters, a space, é in UTF-8 (0xc3 0xa9) and bytes that are
// not UTF-8 on their own (0xc3, 0xff, 0xfe).
const byte = fc.constantFrom(0x61, 0x62, 0x20, 0xc3, 0xa9, 0xff, 0xfe)
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.array(byte, { maxLength: 4 }).map((bytes) => ({ bytes })) },
  // Many distinct ASCII values, so the tables grow.
  { weight: 3, arbitrary: fc.nat(400).map((n) => ({ bytes: [...Buffer.from(`v${n}`)] })) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'ab', 'é', '\ufffd', 'v7', '').map((text) => ({ text })) }
)

describe('the byte dictionary builder', () => {
  it('builds the dictionary and codes that strings build', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 600 }), fc.boolean(), (cells, collide) => {
        const { bytes, strings } = both(cells, collide ? () => 0 : fnv)
        expect(bytes.dictionary).toEqual(strings.dictionary)
        expect([...bytes.codes]).toEqual([...strings.codes])
        expect(bytes.unique).toBe(strings.unique)
      }),
      { numRuns: 300 }
    )
  })

  it('past the probe row, where a mostly-unique column stops de-duplicating', () => {
    const cells: Cell[] = Array.from({ length: 25_000 }, (_, i) =>
      i % 97 === 0
        ? { text: `id-${i - 1}` }
        : i % 89 === 0
          ? { bytes: [...Buffer.from(`id-${i}é`)] }
          : { bytes: [...Buffer.from(`id-${i}`)] }
    )
    const { bytes, strings } = both(cells, fnv)
    expect(strings.unique).toBe(false)
    expect(bytes.dictionary).toEqual(strings.dictionary)
    expect([...bytes.codes]).toEqual([...strings.codes])
    expect(bytes.unique).toBe(false)
  })

  it('hands its codes over without a copy, and they reach the app intact', () => {
    const cells: Cell[] = Array.from({ length: 25_000 }, (_, i) => ({ bytes: [...Buffer.from(`s${i % 300}`)] }))
    const { bytes, strings } = both(cells, fnv)
    // A view on the builder's own buffer (32,768 codes of room for 25,000): copying every column
    // at the end of a read held both copies at once, 52 MB of the reader's peak on 1M rows.
    expect(bytes.codes.buffer.byteLength).toBeGreaterThan(bytes.codes.byteLength)
    const file = join(tempDir(), 'columns.bin')
    const writer = new StagedColumnsWriter(file)
    const section = writer.write(bytes)
    writer.close()
    const [back] = readStagedColumns(file, [section])
    expect(back!.dictionary).toEqual(strings.dictionary)
    expect([...back!.codes]).toEqual([...strings.codes])
  })

  it('keeps one table slot per byte run, not per cell, when different bytes decode alike', () => {
    // 61 ff 62 and 61 fe 62 are not UTF-8 and both decode to "a\ufffdb": the second run cannot
    // match the first one's bytes, and a slot per cell for it made each lookup walk them all.
    const cells: Cell[] = [{ bytes: [0x61, 0xff, 0x62] }, ...Array.from({ length: 5000 }, () => ({ bytes: [0x61, 0xfe, 0x62] }))]
    const runs = Buffer.from(cells.flatMap((c) => ('bytes' in c ? c.bytes : [])))
    const builder = new ByteDictionaryBuilder(runs, 4)
    let at = 0
    for (const cell of cells) {
      const bytes = (cell as { bytes: number[] }).bytes
      builder.pushBytes(at, at + bytes.length, fnv(bytes), false)
      at += bytes.length
    }
    expect((builder as unknown as { used: number }).used).toBe(1)
    const column = builder.finish()
    expect(column.dictionary).toEqual(['a\ufffdb'])
    expect(new Set(column.codes)).toEqual(new Set([0]))
  })
})
