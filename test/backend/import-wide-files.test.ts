/**
 * Regression test for a finding of the import fuzz suite (import-fuzz.test.ts): a file with a
 * very wide header (a 1 MB CSV of 100,000 columns) took 1.8 GB and 5 s before its second row,
 * because every column reserved room for 4096 rows up front; a few MB of header would have
 * taken the app down. Now more columns than a spreadsheet holds are refused, and wide files
 * reserve memory in proportion.
 */
import { describe, expect, it } from 'vitest'
import { utils, write } from 'xlsx'
import { MAX_COLUMNS } from '../../src-main/backend/import/read/row-sink'
import { stageFile } from '../../src-main/backend/import/stage-file'
import { readRefusal } from '../support/read-refusal'

const wideCsv = (columns: number, rows: number): Uint8Array => {
  const line = (prefix: string) => Array.from({ length: columns }, (_, c) => `${prefix}${c}`).join(',')
  return new TextEncoder().encode([line('Field '), ...Array.from({ length: rows }, (_, r) => line(`r${r}-`))].join('\n') + '\n')
}

const refusal = readRefusal

describe('files with more columns than a spreadsheet holds', () => {
  it('refuses a CSV header wider than 16,384 columns before reading a row', () => {
    expect(MAX_COLUMNS).toBe(16_384)
    const error = refusal(wideCsv(100_000, 2), 'wide.csv')
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe(
      'wide.csv has 100,000 columns; at most 16,384 (as many as Excel holds) can be imported. Export only the columns you need.'
    )
    expect(error.details).toMatchObject({ file: 'wide.csv', columns: 100_000, limit: 16_384 })
  })

  it('refuses a workbook sheet wider than the limit, naming the sheet', () => {
    const wb = utils.book_new()
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, c) => `H${c}`)
    utils.book_append_sheet(wb, utils.aoa_to_sheet([header, header.map((_, c) => c)]), 'Wide')
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const error = refusal(bytes, 'wide.xlsx')
    expect(error.code).toBe('BAD_INPUT')
    // Column 16,385 (XFE) is past Excel's grid: refused before SheetJS builds the sheet.
    expect(error.message).toMatch(
      /^wide\.xlsx was refused: xl\/worksheets\/sheet1\.xml places a value at XFE\d, outside the largest sheet Excel allows/
    )
  })

  it('reads a file of exactly 16,384 columns without reserving hundreds of MB', () => {
    const bytes = wideCsv(MAX_COLUMNS, 3)
    globalThis.gc?.()
    const before = process.memoryUsage()
    const staged = stageFile(
      { bytes, fileName: 'edge.csv', missingTokens: [], knownOutcomes: [] },
      { onProgress: () => undefined, isCancelled: () => false }
    )
    const after = process.memoryUsage()
    expect(staged.rowCount).toBe(3)
    expect(staged.profiles).toHaveLength(MAX_COLUMNS)
    // Before the fix each column reserved 4096 row codes (16 KB): 256 MB of array buffers alone.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024)
    expect(staged.columns.every((c) => c.codes.length === 3)).toBe(true)
  }, 60_000)
})
