/**
 * Hostile and broken files: a seeded fuzz suite over the real import path.
 *
 * Valid fixtures come from the project's generator (CSV, XLSX, XLS, ODS); fast-check mutates them
 * (truncation, bit flips, junk, zip members removed or declared enormous, deep XML nesting, entity
 * expansion, huge shared-strings tables, wrong encodings (UTF-32 too), very many columns, formula cells,
 * coordinates past Excel's grid, ODS repeat counts in the billions, non-regular files by path,
 * prototype-polluting keys as headers and values) and every case goes through the backend's
 * `import-inspect` and, when that succeeds, `import-commit`, via `dispatch` on a real workspace.
 * Each case must end with a dataset or a coded error with a clear message (never INTERNAL),
 * within a time limit, without unbounded memory growth, and leave the built-in prototypes alone.
 *
 * Two phases: most cases run the reader in-process (the same `stageFile` the worker runs, with a
 * deadline through its cancel hook, so prototype pollution inside the reader is visible here);
 * a smaller set runs through the real reading process (a child process), bounded by `import-discard` (the app's Cancel).
 *
 *   npx vitest run test/backend/import-fuzz.test.ts                        # short seeded run (npm test)
 *   ICP_FUZZ_RUNS=20000 npx vitest run test/backend/import-fuzz.test.ts    # long run
 *   ICP_FUZZ_SEED=123 ...                                                  # another seed
 *   ICP_FUZZ_WORKER_RUNS=500 ...                                           # more reading-process cases
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CFB, utils, write } from 'xlsx'
import { ERROR_CODES, type Result } from '@shared/contract'
import type { ImportPreview } from '@shared/domain/import'
import { generateCrm, writeCsv, writeWorkbook } from '../../scripts/crm-generator/index'
import type { BookType } from '../../scripts/crm-generator/workbook'
import { testBackend, type TestBackend } from '../support/backend'
import { latin1WithUtf8Bom, utf32 } from '../support/hostile-files'
import { readZip, writeZip, type ZipEntry } from '../support/zip-entries'
import type * as RunReadWorker from '../../src-main/backend/import/run-read-worker'

// ---------------------------------------------------------------------------------------------
// The reader in-process, with a deadline; the real worker when `mode.inProcess` is off.

const mode = vi.hoisted(() => ({ inProcess: true, deadlineMs: 10_000 }))
const TIMEOUT_MARK = 'FUZZ-TIMEOUT'

vi.mock('../../src-main/backend/import/run-read-worker', async (importOriginal) => {
  const actual = await importOriginal<typeof RunReadWorker>()
  const { stageFile } = await import('../../src-main/backend/import/stage-file')
  const { loadReaderRequest } = await import('../../src-main/backend/import/import-source')
  const { ReadCancelled } = await import('../../src-main/backend/import/read/read-control')
  const { AppError } = await import('../../src-main/backend/app-error')
  const runReadWorker: typeof actual.runReadWorker = (request, onProgress) => {
    if (!mode.inProcess) return actual.runReadWorker(request, onProgress)
    const deadline = performance.now() + mode.deadlineMs
    let cancelled = false
    const result = Promise.resolve().then(() => {
      try {
        return stageFile(loadReaderRequest(request), { onProgress, isCancelled: () => cancelled || performance.now() > deadline })
      } catch (error) {
        if (error instanceof ReadCancelled)
          throw new AppError('INTERNAL', `${TIMEOUT_MARK}: reading did not finish in ${mode.deadlineMs} ms`)
        if (error instanceof AppError) throw error
        // What the worker does with anything that is not an AppError.
        throw new AppError('INTERNAL', error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      }
    })
    return { result, cancel: () => void (cancelled = true) }
  }
  return { ...actual, runReadWorker }
})

// ---------------------------------------------------------------------------------------------
// Budgets

const LONG = process.env['ICP_FUZZ_RUNS'] !== undefined
const RUNS = Number(process.env['ICP_FUZZ_RUNS'] ?? 300)
const WORKER_RUNS = Number(process.env['ICP_FUZZ_WORKER_RUNS'] ?? (LONG ? Math.max(30, Math.round(RUNS / 20)) : 24))
const SEED = Number(process.env['ICP_FUZZ_SEED'] ?? 20_260_808)
/** One case, read and commit together, on a shared 2-core machine. */
const CASE_LIMIT_MS = 15_000
/**
 * RSS growth allowed for one case, and over the whole run. V8 keeps freed heap for reuse rather
 * than returning it, so the run's figure creeps up with the long run's 25 MB monsters.
 */
const CASE_RSS_LIMIT = 400 * 1024 * 1024
const RUN_RSS_LIMIT = (LONG ? 2048 : 1024) * 1024 * 1024
/** Sizes of the generated monsters: modest in `npm test`, large in the long run. */
const BIG = LONG
  ? { columns: 1_000_000, sheetColumns: 100_000, strings: 300_000, depth: 1_000_000 }
  : { columns: 40_000, sheetColumns: 40_000, strings: 120_000, depth: 100_000 }

// ---------------------------------------------------------------------------------------------
// Fixtures from the generator

type Format = 'csv' | 'xlsx' | 'xls' | 'ods'
const FORMATS: readonly Format[] = ['csv', 'xlsx', 'xls', 'ods']
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const csvCrm = generateCrm({ seed: 'fuzz', accounts: 25, mess: 'heavy', flavor: 'csv' })
const bookCrm = generateCrm({ seed: 'fuzz', accounts: 25, mess: 'heavy', flavor: 'workbook' })
const FIXTURES: Record<Format, Uint8Array> = {
  csv: writeCsv(csvCrm.flat),
  xlsx: writeWorkbook([{ name: 'Deals', table: bookCrm.flat }], { bookType: 'xlsx' }),
  xls: writeWorkbook([{ name: 'Deals', table: bookCrm.flat }], { bookType: 'xls' }),
  ods: writeWorkbook([{ name: 'Deals', table: bookCrm.flat }], { bookType: 'ods' })
}
const CSV_VARIANTS = {
  'utf-16le': writeCsv(csvCrm.accounts, { encoding: 'utf-16le' }),
  'windows-1252': writeCsv(csvCrm.accounts, { encoding: 'windows-1252', delimiter: ';' }),
  'utf-8-bom': writeCsv(csvCrm.accounts, { encoding: 'utf-8-bom', delimiter: '\t', eol: '\r\n' })
}

/** A workbook from rows as they are, no title: for crafted headers and values. */
function book(rows: readonly (readonly unknown[])[], bookType: BookType): Uint8Array {
  const wb = utils.book_new()
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows.map((r) => [...r])), 'Data')
  return new Uint8Array(write(wb, { type: 'array', bookType, bookSST: true, compression: true }) as ArrayBuffer)
}

function csvOf(rows: readonly (readonly string[])[]): Uint8Array {
  const field = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v)
  return utf8(rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n')
}

function encode(format: Format, rows: readonly (readonly string[])[]): Uint8Array {
  return format === 'csv' ? csvOf(rows) : book(rows, format)
}

/** Replaces one zip member's text (the first whose name matches) through `edit`. */
function editMember(zip: Uint8Array, match: RegExp, edit: (xml: string) => string): Uint8Array {
  const entries = readZip(zip)
  const target = entries.find((e) => match.test(e.name))
  if (!target) throw new Error(`no member matches ${match}`)
  target.data = utf8(edit(Buffer.from(target.data).toString('utf8')))
  return writeZip(entries)
}

const SHEET = /^xl\/worksheets\/sheet1\.xml$/
const CONTENT = /^content\.xml$/

// ---------------------------------------------------------------------------------------------
// Cases

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  '__lookupSetter__'
]
const PROTO_VALUES = [
  ...PROTO_KEYS,
  '{"__proto__":{"polluted":1}}',
  'constructor.prototype.polluted',
  '__proto__[polluted]=1',
  'Object.prototype'
]

interface Case {
  /** What was done, for the report of a failing case. */
  label: string
  family: string
  fileName: string
  bytes: Uint8Array
  /** Headers that must come through as column names when the import succeeds. */
  expectHeaders?: readonly string[]
}

const formatArb = fc.constantFrom(...FORMATS)
const zipFormatArb = fc.constantFrom<'xlsx' | 'ods'>('xlsx', 'ods')
/** The extension the file claims; usually its own, sometimes another one. */
const nameFor = (format: Format, lie: Format | null) => `fuzz.${lie ?? format}`
const lieArb = fc.option(formatArb, { freq: 6 })

const truncation = fc
  .record({ format: formatArb, cut: fc.double({ min: 0, max: 1, noNaN: true }), lie: lieArb })
  .map(({ format, cut, lie }) => {
    const src = FIXTURES[format]
    const at = Math.floor(src.length * cut)
    return { family: 'truncate', label: `${format} cut at ${at}/${src.length}`, fileName: nameFor(format, lie), bytes: src.slice(0, at) }
  })

const bitFlips = fc
  .record({
    format: formatArb,
    flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat(7)), { minLength: 1, maxLength: 40 }),
    lie: lieArb
  })
  .map(({ format, flips, lie }) => {
    const bytes = FIXTURES[format].slice()
    for (const [where, bit] of flips) {
      const at = Math.floor(where * bytes.length)
      bytes[at] = (bytes[at] ?? 0) ^ (1 << bit)
    }
    return { family: 'bit-flip', label: `${format} ${flips.length} flips`, fileName: nameFor(format, lie), bytes }
  })

const junk = fc
  .record({
    format: formatArb,
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    data: fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(new Uint8Array(4096), new Uint8Array(4096).fill(0xff))),
    replace: fc.boolean()
  })
  .map(({ format, at, data, replace }) => {
    const src = FIXTURES[format]
    const i = Math.floor(src.length * at)
    const tail = src.subarray(Math.min(src.length, i + (replace ? data.length : 0)))
    const bytes = new Uint8Array(i + data.length + tail.length)
    bytes.set(src.subarray(0, i))
    bytes.set(data, i)
    bytes.set(tail, i + data.length)
    return {
      family: 'junk',
      label: `${format} ${replace ? 'overwrite' : 'insert'} ${data.length} bytes at ${i}`,
      fileName: nameFor(format, null),
      bytes
    }
  })

const zipMembers = fc
  .record({
    format: zipFormatArb,
    which: fc.nat(),
    action: fc.constantFrom('remove', 'empty', 'declare-huge', 'declare-small', 'declare-zero', 'garbage', 'store', 'duplicate'),
    size: fc.constantFrom(0x7fffffff, 0xffffffff, 0xd0000000, 300 * 1024 * 1024)
  })
  .map(({ format, which, action, size }) => {
    const entries: ZipEntry[] = readZip(FIXTURES[format])
    const i = which % entries.length
    const entry = entries[i]!
    let store = false
    if (action === 'remove') entries.splice(i, 1)
    else if (action === 'empty') entry.data = new Uint8Array(0)
    else if (action === 'declare-huge') entry.declaredSize = size
    else if (action === 'declare-small') entry.declaredSize = Math.max(0, Math.floor(entry.data.length / 3))
    else if (action === 'declare-zero') entry.declaredSize = 0
    else if (action === 'garbage') entry.data = Uint8Array.from(entry.data, (b, k) => (k % 7 === 0 ? b ^ 0x3c : b))
    else if (action === 'store') store = true
    else entries.push({ ...entry })
    return {
      family: 'zip-member',
      label: `${format} ${action} "${entry.name}"`,
      fileName: nameFor(format, null),
      bytes: writeZip(entries, store)
    }
  })

/** Deep nesting inside the sheet's XML, at a few places the parsers walk. */
const deepXml = fc
  .record({
    format: zipFormatArb,
    depth: fc.integer({ min: 100, max: BIG.depth }),
    place: fc.constantFrom('root', 'cell', 'row'),
    closed: fc.boolean()
  })
  .map(({ format, depth, place, closed }) => {
    const open = format === 'xlsx' ? '<x>' : '<text:span>'
    const close = format === 'xlsx' ? '</x>' : '</text:span>'
    const nest = open.repeat(depth) + (closed ? close.repeat(depth) : '')
    const bytes =
      format === 'xlsx'
        ? editMember(FIXTURES.xlsx, SHEET, (xml) =>
            place === 'root'
              ? xml.replace('<sheetData>', `${nest}<sheetData>`)
              : place === 'row'
                ? xml.replace('<row ', `${nest}<row `)
                : xml.replace('<v>', `<v>${nest}`)
          )
        : editMember(FIXTURES.ods, CONTENT, (xml) =>
            place === 'root' ? xml.replace('<table:table ', `${nest}<table:table `) : xml.replace('<text:p>', `<text:p>${nest}`)
          )
    return {
      family: 'deep-xml',
      label: `${format} depth ${depth} at ${place}${closed ? '' : ' (unclosed)'}`,
      fileName: nameFor(format, null),
      bytes
    }
  })

/** "Billion laughs": entities that expand exponentially, if a parser expands them at all. */
const entities = fc.record({ format: zipFormatArb, levels: fc.integer({ min: 3, max: 12 }) }).map(({ format, levels }) => {
  let dtd = '<!DOCTYPE d [<!ENTITY l0 "lol">'
  for (let k = 1; k <= levels; k++) dtd += `<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`
  dtd += ']>'
  const edit = (xml: string) => xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${dtd}`).replace(/<v>[^<]*<\/v>/, `<v>&l${levels};</v>`)
  const bytes =
    format === 'xlsx'
      ? editMember(FIXTURES.xlsx, SHEET, edit)
      : editMember(FIXTURES.ods, CONTENT, (xml) => edit(xml).replace('<text:p>', `<text:p>&l${levels};`))
  return { family: 'entities', label: `${format} ${levels} levels of entities`, fileName: nameFor(format, null), bytes }
})

/**
 * A shared-strings table far larger than the sheet uses, with a declared count that may lie.
 * SheetJS holds every shared string (about 3 bytes of memory per byte of XML), so memory grows
 * with the unpacked size, which the zip guards cap at 1 GB; 300,000 strings of 200 characters
 * (60 MB of XML) is as far as the 400 MB per-case bound goes (docs/SECURITY.md).
 */
const sharedStrings = fc
  .record({ count: fc.integer({ min: 1000, max: BIG.strings }), lie: fc.constantFrom('none', 'huge', 'small'), long: fc.boolean() })
  .map(({ count, lie, long }) => {
    const bytes = editMember(FIXTURES.xlsx, /^xl\/sharedStrings\.xml$/, (xml) => {
      const extra = Array.from({ length: count }, (_, k) => `<si><t>${long ? 'x'.repeat(200) : 's'}${k}</t></si>`).join('')
      const declared = lie === 'huge' ? '4294967295' : lie === 'small' ? '1' : null
      const withCount =
        declared === null
          ? xml
          : xml.replace(/count="\d+"/, `count="${declared}"`).replace(/uniqueCount="\d+"/, `uniqueCount="${declared}"`)
      return withCount.replace('</sst>', `${extra}</sst>`)
    })
    return { family: 'shared-strings', label: `xlsx +${count} shared strings (count ${lie})`, fileName: 'fuzz.xlsx', bytes }
  })

/** Formula cells: cached values or none, external references, injection-looking text. */
const FORMULAS = [
  'SUM(A1:A9)',
  'HYPERLINK("http://evil.example","x")',
  "'[1]Sheet1'!A1",
  "cmd|' /C calc'!A0",
  'INDIRECT("A"&ROW())',
  'A1/0',
  'REPT("x",32767)',
  '1+'.repeat(2000) + '1'
]
const formulaCells = fc
  .record({
    formulas: fc.array(fc.oneof(fc.constantFrom(...FORMULAS), fc.string({ maxLength: 80 })), { minLength: 1, maxLength: 30 }),
    cached: fc.boolean(),
    every: fc.integer({ min: 1, max: 5 })
  })
  .map(({ formulas, cached, every }) => {
    let k = 0
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    const bytes = editMember(FIXTURES.xlsx, SHEET, (xml) =>
      xml.replace(/<c ([^>]*?)(\/>|>(.*?)<\/c>)/g, (cell: string, attrs: string) => {
        if (k++ % every !== 0) return cell
        const f = escape(formulas[k % formulas.length]!)
        const plain = attrs.replace(/\s*t="[^"]*"/, '')
        return cached ? `<c ${plain} t="str"><f>${f}</f><v>=${f}</v></c>` : `<c ${plain}><f>${f}</f></c>`
      })
    )
    return {
      family: 'formulas',
      label: `xlsx formulas every ${every} cells (${cached ? 'cached' : 'no'} values)`,
      fileName: 'fuzz.xlsx',
      bytes
    }
  })

/**
 * Far more columns than any export has: a wide CSV, or a sheet row of inline strings. SheetJS
 * parses every cell of a workbook before the reader's column limit applies (about 8 µs and 1 KB
 * a cell here), so sheets stay at 100,000 columns even in the long run: beyond that a case
 * measures SheetJS's throughput, which the worker's heap limit and Cancel bound (docs/SECURITY.md).
 */
const manyColumns = fc
  .record({
    format: fc.constantFrom<'csv' | 'xlsx'>('csv', 'xlsx'),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    rows: fc.integer({ min: 0, max: 3 })
  })
  .map(({ format, share, rows }) => {
    const columns = 300 + Math.floor(share * ((format === 'csv' ? BIG.columns : BIG.sheetColumns) - 300))
    let bytes: Uint8Array
    if (format === 'csv') {
      const line = (prefix: string) => Array.from({ length: columns }, (_, c) => `${prefix}${c}`).join(',')
      bytes = utf8([line('H'), ...Array.from({ length: rows }, (_, r) => line(`r${r}v`))].join('\n') + '\n')
    } else {
      const cells = (r: number, text: (c: number) => string) =>
        Array.from({ length: columns }, (_, c) => `<c r="${utils.encode_col(c)}${r}" t="inlineStr"><is><t>${text(c)}</t></is></c>`).join('')
      const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${[
        `<row r="1">${cells(1, (c) => `H${c}`)}</row>`,
        ...Array.from({ length: rows }, (_, r) => `<row r="${r + 2}">${cells(r + 2, (c) => `v${c}`)}</row>`)
      ].join('')}</sheetData></worksheet>`
      bytes = editMember(FIXTURES.xlsx, SHEET, () => sheet)
    }
    return { family: 'many-columns', label: `${format} ${columns} columns, ${rows} rows`, fileName: `wide.${format}`, bytes }
  })

/** Text in the wrong encoding, with the wrong BOM, with invalid sequences or NULs. */
const encodings = fc
  .record({
    source: fc.constantFrom('utf-16le', 'windows-1252', 'utf-8-bom'),
    damage: fc.constantFrom('strip-bom', 'utf16be-bom', 'utf8-bom', 'invalid-utf8', 'nuls', 'odd-length', 'lone-surrogates', 'none'),
    at: fc.double({ min: 0, max: 1, noNaN: true })
  })
  .map(({ source, damage, at }) => {
    const src = CSV_VARIANTS[source as keyof typeof CSV_VARIANTS]
    let bytes = src.slice()
    const i = Math.floor(src.length * at)
    const splice = (data: number[]) => {
      const out = new Uint8Array(bytes.length + data.length)
      out.set(bytes.subarray(0, i))
      out.set(data, i)
      out.set(bytes.subarray(i), i + data.length)
      bytes = out
    }
    if (damage === 'strip-bom') bytes = bytes[0] === 0xef ? bytes.slice(3) : bytes[0] === 0xff ? bytes.slice(2) : bytes
    else if (damage === 'utf16be-bom') bytes = Uint8Array.from([0xfe, 0xff, ...bytes])
    else if (damage === 'utf8-bom') bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])
    else if (damage === 'invalid-utf8') splice([0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x90, 0x80, 0xff, 0xfe, 0xc0, 0xaf])
    else if (damage === 'nuls') splice(Array.from({ length: 64 }, () => 0))
    else if (damage === 'odd-length') bytes = bytes.slice(0, bytes.length - 1)
    else if (damage === 'lone-surrogates') splice([0x00, 0xd8, 0x41, 0x00, 0x00, 0xdc])
    return { family: 'encoding', label: `${source} csv, ${damage} at ${i}`, fileName: 'text.csv', bytes }
  })

/** Column letters for a 1-based column number (1 -> A, 16385 -> XFE); any size. */
function letters(column: number): string {
  let out = ''
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out
  return out
}

/**
 * Coordinates near and far past Excel's grid (XFD / 1,048,576) in the places an XLSX names them:
 * a cell, a row, a merge, the dimension, a validation range; quoted either way.
 */
const farCoordinates = fc
  .record({
    column: fc.oneof(
      fc.integer({ min: 1, max: 16_384 }),
      fc.integer({ min: 16_385, max: 20_000 }),
      fc.integer({ min: 20_000, max: 2 ** 31 })
    ),
    row: fc.oneof(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1_048_577, max: 2 ** 31 }), fc.constant(10 ** 15)),
    place: fc.constantFrom('cell', 'merge', 'dimension', 'validation'),
    quote: fc.constantFrom('"', "'")
  })
  .map(({ column, row, place, quote }) => {
    const ref = `${letters(column)}${row}`
    const q = (v: string) => `${quote}${v}${quote}`
    const bytes = editMember(FIXTURES.xlsx, SHEET, (xml) => {
      if (place === 'cell') return xml.replace('</sheetData>', `<row r=${q(String(row))}><c r=${q(ref)}><v>1</v></c></row></sheetData>`)
      if (place === 'merge')
        return xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref=${q(`A2:${ref}`)}/></mergeCells>`)
      if (place === 'dimension') return xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref=${q(`A1:${ref}`)}/>`)
      return xml.replace(
        '</worksheet>',
        `<dataValidations count="1"><dataValidation type="list" sqref=${q(`B2:${ref}`)}><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>`
      )
    })
    return { family: 'far-coordinates', label: `xlsx ${place} at ${ref}`, fileName: 'far.xlsx', bytes }
  })

/** ODS repetition: empty cells or rows repeated up to billions of times before (or after) a value, and merges spanning as far. */
const repeatCounts = fc
  .record({
    count: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1_000_000, max: 2 ** 31 })),
    kind: fc.constantFrom(
      'columns-before-value',
      'rows-before-value',
      'trailing-columns',
      'trailing-rows',
      'rows-spanned',
      'columns-spanned'
    )
  })
  .map(({ count, kind }) => {
    const value = '<table:table-cell office:value-type="string"><text:p>far</text:p></table:table-cell>'
    const row = (cells: string, repeat = '') => `<table:table-row${repeat}>${cells}</table:table-row>`
    const extra = {
      'columns-before-value': row(`<table:table-cell table:number-columns-repeated="${count}"/>${value}`),
      'rows-before-value': `${row('<table:table-cell/>', ` table:number-rows-repeated="${count}"`)}${row(value)}`,
      'trailing-columns': row(`${value}<table:table-cell table:number-columns-repeated="${count}"/>`),
      'trailing-rows': row('<table:table-cell/>', ` table:number-rows-repeated="${count}"`),
      'rows-spanned': row(value.replace('<table:table-cell ', `<table:table-cell table:number-rows-spanned="${count}" `)),
      'columns-spanned': row(value.replace('<table:table-cell ', `<table:table-cell table:number-columns-spanned="${count}" `))
    }[kind]
    const bytes = editMember(FIXTURES.ods, CONTENT, (xml) => xml.replace(/<\/table:table>/, `${extra}</table:table>`))
    return { family: 'repeat-counts', label: `ods ${kind} x${count}`, fileName: 'repeats.ods', bytes }
  })

/** UTF-32 either way round, with or without its mark, cut mid-character; Latin-1 behind a UTF-8 mark. */
const moreEncodings = fc
  .record({
    kind: fc.constantFrom('utf-32le', 'utf-32be', 'latin1-behind-utf8-bom'),
    bom: fc.boolean(),
    cut: fc.integer({ min: 0, max: 3 })
  })
  .map(({ kind, bom, cut }) => {
    const text = Buffer.from(writeCsv(csvCrm.accounts)).toString('utf8')
    let bytes = kind === 'latin1-behind-utf8-bom' ? latin1WithUtf8Bom(text) : utf32(text, kind === 'utf-32le' ? 'le' : 'be', bom)
    if (cut > 0) bytes = bytes.slice(0, bytes.length - cut)
    return { family: 'encoding-32', label: `${kind}${bom ? ' with mark' : ''}, last ${cut} bytes cut`, fileName: 'text32.csv', bytes }
  })

/** Headers and values that would pollute a prototype if a reader used plain objects as maps. */
const protoKeys = fc
  .record({
    format: formatArb,
    headers: fc.shuffledSubarray(PROTO_KEYS, { minLength: 1 }),
    rows: fc.array(fc.array(fc.oneof(fc.constantFrom(...PROTO_VALUES), fc.string({ maxLength: 12 })), { minLength: 12, maxLength: 12 }), {
      minLength: 1,
      maxLength: 20
    })
  })
  .map(({ format, headers, rows }) => {
    const all = ['Account Name', 'Stage', ...headers]
    const table = [all, ...rows.map((r, k) => [`Company ${k}`, k % 2 ? 'Closed Won' : 'Closed Lost', ...r.slice(0, headers.length)])]
    return {
      family: 'proto-keys',
      label: `${format} headers ${headers.join(',')}`,
      fileName: nameFor(format, null),
      bytes: encode(format, table),
      expectHeaders: all
    }
  })

/** An XLS with a stream of its OLE container removed or emptied. */
const oleStreams = fc.record({ which: fc.nat(), action: fc.constantFrom('remove', 'empty', 'shrink') }).map(({ which, action }) => {
  const container = CFB.read(FIXTURES.xls, { type: 'array' })
  const paths = container.FullPaths.filter((_path: string, k: number) => container.FileIndex[k]?.type === 2)
  const path = paths[which % paths.length]!
  if (action === 'remove') CFB.utils.cfb_del(container, path)
  else {
    const entry = container.FileIndex[container.FullPaths.indexOf(path)]!
    const content = entry.content as unknown as Uint8Array
    entry.content = (action === 'empty' ? new Uint8Array(0) : content.slice(0, Math.floor(content.length / 2))) as never
    entry.size = (entry.content as unknown as Uint8Array).length
  }
  const bytes = new Uint8Array(CFB.write(container, { type: 'array' }) as ArrayLike<number>)
  return { family: 'ole-stream', label: `xls ${action} "${path}"`, fileName: 'fuzz.xls', bytes }
})

/** Cases print as their label (the bytes follow from the seed and path fast-check reports). */
const labelled = (arb: fc.Arbitrary<Case>): fc.Arbitrary<Case> =>
  arb.map((c) => Object.assign(c, { [fc.toStringMethod]: () => `${c.family}: ${c.label} (${c.fileName}, ${c.bytes.length} bytes)` }))

const caseArb: fc.Arbitrary<Case> = labelled(
  fc.oneof(
    { arbitrary: truncation, weight: 4 },
    { arbitrary: bitFlips, weight: 6 },
    { arbitrary: junk, weight: 3 },
    { arbitrary: zipMembers, weight: 4 },
    { arbitrary: deepXml, weight: 2 },
    { arbitrary: entities, weight: 1 },
    { arbitrary: sharedStrings, weight: 1 },
    { arbitrary: formulaCells, weight: 2 },
    { arbitrary: manyColumns, weight: 1 },
    { arbitrary: encodings, weight: 3 },
    { arbitrary: protoKeys, weight: 3 },
    { arbitrary: oleStreams, weight: 2 },
    { arbitrary: farCoordinates, weight: 2 },
    { arbitrary: repeatCounts, weight: 2 },
    { arbitrary: moreEncodings, weight: 1 }
  )
)

// ---------------------------------------------------------------------------------------------
// The checks every case must pass

const BUILTINS: ReadonlyArray<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Map.prototype', Map.prototype]
]

type Snapshot = Map<string, PropertyDescriptor>
function snapshotBuiltins(): Snapshot {
  const out: Snapshot = new Map()
  for (const [name, proto] of BUILTINS) {
    for (const key of Reflect.ownKeys(proto)) out.set(`${name}.${String(key)}`, Object.getOwnPropertyDescriptor(proto, key)!)
    out.set(`${name} [[Prototype]]`, { value: Object.getPrototypeOf(proto) })
  }
  return out
}

function changedBuiltins(before: Snapshot): string[] {
  const after = snapshotBuiltins()
  const changed: string[] = []
  for (const [key, d] of after) {
    const old = before.get(key)
    if (!old || old.value !== d.value || old.get !== d.get || old.set !== d.set) changed.push(key)
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`${key} (removed)`)
  const probe: Record<string, unknown> = {}
  for (const key of ['polluted', 'isAdmin', 'x']) if (probe[key] !== undefined) changed.push(`({}).${key}`)
  return changed
}

function expectClearError(result: Result<unknown>, c: Case, step: string): void {
  if (result.ok) return
  const { code, message } = result.error
  const where = `${step} of ${c.label}: ${code} ${message}`
  expect(ERROR_CODES, where).toContain(code)
  expect(code, where).not.toBe('INTERNAL')
  expect(typeof message, where).toBe('string')
  expect(message.length, where).toBeGreaterThan(10)
  expect(message.length, where).toBeLessThan(1500)
  expect(message, where).not.toMatch(/undefined|\[object |NaN|TypeError|ReferenceError/)
  // A refused file is named, so the user knows which of the files they chose it was.
  if (step === 'import-inspect') expect(message, where).toContain(c.fileName)
}

interface Tally {
  cases: number
  datasets: number
  errors: Map<string, number>
  families: Map<string, number>
  slowestMs: number
  slowest: string
  worstCaseRss: number
  peakRss: number
  startRss: number
}

const newTally = (): Tally => ({
  cases: 0,
  datasets: 0,
  errors: new Map(),
  families: new Map(),
  slowestMs: 0,
  slowest: '',
  worstCaseRss: 0,
  peakRss: 0,
  startRss: process.memoryUsage().rss
})
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)

let counter = 0
async function runCase(backend: TestBackend, c: Case, tally: Tally, builtins: Snapshot): Promise<void> {
  const stagingId = `fuzz-case-${counter++}`
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const pending = backend.dispatch('import-inspect', {
    source: { kind: 'upload', fileName: c.fileName, bytes: c.bytes.slice() },
    stagingId
  })
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CASE_LIMIT_MS)))
  const first = await Promise.race([pending, limit])
  clearTimeout(timer)
  if (first === 'timeout') {
    // The app's Cancel: the read must stop and answer CANCELLED.
    await backend.dispatch('import-discard', { stagingId })
    await pending
    expect.fail(`${c.label}: import-inspect did not finish within ${CASE_LIMIT_MS} ms`)
  }
  const inspected = first
  expect(
    inspected.ok || !inspected.error.message.includes(TIMEOUT_MARK),
    `${c.label}: reading did not finish within ${mode.deadlineMs} ms`
  ).toBe(true)
  expectClearError(inspected, c, 'import-inspect')
  if (inspected.ok) {
    const preview = inspected.value as ImportPreview
    if (c.expectHeaders)
      expect(
        preview.columns.map((col) => col.name),
        c.label
      ).toEqual(c.expectHeaders)
    const committed = await backend.dispatch('import-commit', {
      stagingId: preview.stagingId,
      kind: preview.suggestedKind,
      columns: preview.columns.map((col) => ({ index: col.index, type: col.type, role: col.role, category: col.category })),
      outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
      mode: 'replace'
    })
    expectClearError(committed, c, 'import-commit')
    if (committed.ok) tally.datasets++
    else bump(tally.errors, `commit ${committed.error.code}`)
    if (!committed.ok) await backend.dispatch('import-discard', { stagingId: preview.stagingId })
  } else bump(tally.errors, inspected.error.code)
  const ms = performance.now() - started
  expect(ms, `${c.label} took ${Math.round(ms)} ms`).toBeLessThan(CASE_LIMIT_MS)
  const rss = process.memoryUsage().rss
  expect(rss - rssBefore, `${c.label} grew RSS by ${Math.round((rss - rssBefore) / 1048576)} MB`).toBeLessThan(CASE_RSS_LIMIT)
  expect(rss - tally.startRss, `RSS grew by ${Math.round((rss - tally.startRss) / 1048576)} MB over the run (at ${c.label})`).toBeLessThan(
    RUN_RSS_LIMIT
  )
  expect(changedBuiltins(builtins), `${c.label} changed built-in prototypes`).toEqual([])
  tally.cases++
  bump(tally.families, c.family)
  tally.worstCaseRss = Math.max(tally.worstCaseRss, rss - rssBefore)
  tally.peakRss = Math.max(tally.peakRss, rss - tally.startRss)
  if (ms > tally.slowestMs) {
    tally.slowestMs = ms
    tally.slowest = c.label
  }
}

function report(title: string, tally: Tally, seconds: number, seed: number): void {
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`
  console.log(
    [
      `import fuzz (${title}): ${tally.cases} cases in ${seconds.toFixed(1)} s, seed ${seed}`,
      `  ${tally.datasets} became datasets; refused: ${[...tally.errors].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
      `  families: ${[...tally.families].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `  slowest case ${Math.round(tally.slowestMs)} ms (${tally.slowest}); largest RSS growth in one case ${mb(tally.worstCaseRss)}, over the run ${mb(tally.peakRss)}`
    ].join('\n')
  )
}

// ---------------------------------------------------------------------------------------------

describe('hostile and broken files through import-inspect and import-commit', () => {
  let backend: TestBackend
  let builtins: Snapshot
  // One workspace for the whole run (tempDir would remove it after the first test).
  const dir = mkdtempSync(join(tmpdir(), 'icp-fuzz-'))

  beforeAll(async () => {
    backend = testBackend(dir, 'data-dir')
    await backend.call('workspace-create', { name: 'Fuzz', path: 'fuzz.icpw' })
    builtins = snapshotBuiltins()
  })
  afterAll(() => {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the unmutated fixtures import as datasets', async () => {
    for (const format of FORMATS) {
      const inspected = await backend.dispatch('import-inspect', {
        source: { kind: 'upload', fileName: `ok.${format}`, bytes: FIXTURES[format].slice() }
      })
      expect(inspected.ok, format).toBe(true)
    }
  })

  it(
    `every mutated file ends as a dataset or a coded error, in bounded time and memory, prototypes untouched (reader in-process, ${RUNS} cases)`,
    async () => {
      mode.inProcess = true
      const tally = newTally()
      const started = performance.now()
      await fc.assert(
        fc.asyncProperty(caseArb, (c) => runCase(backend, c, tally, builtins)),
        { seed: SEED, numRuns: RUNS, endOnFailure: LONG }
      )
      report('reader in-process', tally, (performance.now() - started) / 1000, SEED)
      expect(tally.cases).toBeGreaterThanOrEqual(RUNS)
    },
    LONG ? RUNS * CASE_LIMIT_MS : 180_000
  )

  it(
    `the same through the real reading process, bounded by Cancel (${WORKER_RUNS} cases)`,
    async () => {
      mode.inProcess = false
      const tally = newTally()
      const started = performance.now()
      try {
        await fc.assert(
          fc.asyncProperty(caseArb, (c) => runCase(backend, c, tally, builtins)),
          { seed: SEED + 1, numRuns: WORKER_RUNS, endOnFailure: true }
        )
      } finally {
        mode.inProcess = true
      }
      report('reading process', tally, (performance.now() - started) / 1000, SEED + 1)
      expect(tally.cases).toBeGreaterThanOrEqual(WORKER_RUNS)
    },
    WORKER_RUNS * CASE_LIMIT_MS
  )

  it('non-regular files given by path end as coded errors at once, through both methods that read paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-fuzz-paths-'))
    try {
      const native = testBackend(dir, 'native')
      await native.call('workspace-create', { name: 'Paths', path: join(dir, 'paths.icpw') })
      const kinds = [
        'dev-zero-link',
        'dev-null',
        'dev-urandom-link',
        'fifo',
        'folder',
        'symlink-loop',
        'dangling-link',
        'link-to-folder'
      ] as const
      const make = (kind: (typeof kinds)[number], at: string): void => {
        if (kind === 'dev-zero-link') symlinkSync('/dev/zero', at)
        else if (kind === 'dev-null') symlinkSync('/dev/null', at)
        else if (kind === 'dev-urandom-link') symlinkSync('/dev/urandom', at)
        else if (kind === 'fifo') execFileSync('mkfifo', [at])
        else if (kind === 'folder') mkdirSync(at)
        else if (kind === 'symlink-loop') symlinkSync(at, at)
        else if (kind === 'dangling-link') symlinkSync(join(dir, 'nowhere'), at)
        else {
          mkdirSync(`${at}.d`)
          symlinkSync(`${at}.d`, at)
        }
      }
      let n = 0
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...kinds), fc.constantFrom('import-inspect', 'scorecard-import-file'), async (kind, method) => {
          const at = join(dir, `case-${n++}.csv`)
          make(kind, at)
          const started = performance.now()
          const result = await native.dispatch(method, { source: { kind: 'path', path: at } })
          expect(result.ok, `${kind} via ${method}`).toBe(false)
          if (result.ok) return
          expect(['BAD_INPUT', 'NOT_FOUND'], `${kind}: ${result.error.code} ${result.error.message}`).toContain(result.error.code)
          expect(result.error.message).toContain(`case-${n - 1}.csv`)
          expect(performance.now() - started, kind).toBeLessThan(2_000)
        }),
        { seed: SEED, numRuns: 24 }
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
