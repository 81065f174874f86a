/**
 * The byte path of the CSV reader (csv-columns.ts) against the ordinary one: on the same file
 * both must give the same columns (dictionary, codes, `unique`), the same facts (rows, skipped
 * rows, headers, warnings) and the same errors. The ordinary reader is the reference: its rows
 * are pushed into DictionaryColumnBuilder exactly as stageFile pushed them before.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DictionaryColumnBuilder, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { readTable } from '../../src-main/backend/import/read'
import { ReadCancelled } from '../../src-main/backend/import/read/read-control'
import { ByteSpanEntries } from '../../src-main/backend/import/read/byte-span-entries'
import { isMissingValue, isTrimmed, missingTokenSet } from '@shared/import/values'
import { generateCrm, writeCsv } from '../../scripts/crm-generator/index'

interface Outcome {
  facts?: Record<string, unknown>
  columns?: DictionaryColumn[]
  error?: string
}

/**
 * The column as plain data. Entries the byte path kept as the file's bytes (ByteSpanEntries)
 * must read, one by one and as stored text, exactly as the dictionary, and what they claim
 * about themselves (trimmed, shortest length) must hold.
 */
function plain(column: DictionaryColumn): DictionaryColumn {
  const { entries } = column
  if (entries !== undefined) {
    expect(entries).toBeInstanceOf(ByteSpanEntries)
    const spans = entries as ByteSpanEntries
    // Read from the bytes before `dictionary` is asked for, which makes every entry a string.
    const read = Array.from({ length: spans.length }, (_, i) => spans.at(i))
    const pieces: Buffer[] = []
    spans.writeJsonText((bytes) => pieces.push(Buffer.from(bytes)), 64)
    // A token spelled as the last short entry in capitals: that entry is then missing.
    const last = read.findLast((value) => value !== undefined && value !== '' && value.length <= 12) ?? 'none'
    const tokenSets = [missingTokenSet(), new Set(['']), missingTokenSet(['A', 'é', 'x"y']), missingTokenSet([last.toUpperCase()])]
    const known = tokenSets.map((tokens) => spans.knownMissing(tokens))
    // asciiSpan gives where an entry's ASCII bytes are, or null (then at() is the way).
    const span = new Float64Array(2)
    const copied = read.map((_, i) => {
      const bytes = spans.asciiSpan(i, span)
      return bytes === null ? null : String.fromCharCode(...bytes.subarray(span[0], span[1]))
    })
    const { dictionary } = column
    expect(read).toEqual(dictionary)
    copied.forEach((value, i) => {
      if (value !== null) expect(value, `entry ${i}`).toBe(dictionary[i])
    })
    expect(Buffer.concat(pieces).toString('utf8')).toBe(JSON.stringify(dictionary))
    // knownMissing answers exactly when every entry is trimmed, and then lists the missing ones.
    tokenSets.forEach((tokens, t) => {
      const missing = dictionary.flatMap((value, i) => (isMissingValue(value, tokens) ? [i] : []))
      expect(known[t]).toEqual(dictionary.every(isTrimmed) ? missing : null)
    })
  }
  return { dictionary: column.dictionary, codes: column.codes, unique: column.unique }
}

function settle(
  read: () => { columns?: DictionaryColumn[] | undefined } & Record<string, unknown>,
  rows: () => DictionaryColumn[]
): Outcome {
  try {
    const { columns, ...facts } = read()
    return { facts, columns: (columns ?? rows()).map(plain) }
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) }
  }
}

/** The ordinary reader, rows into builders. */
function byRows(bytes: Uint8Array, name: string): Outcome {
  let builders: DictionaryColumnBuilder[] = []
  let width = 0
  return settle(
    () => {
      const read = readTable(bytes, name, {}, (cells) => {
        if (builders.length === 0) builders = cells.map(() => new DictionaryColumnBuilder(16))
        for (let i = 0; i < builders.length; i++) builders[i]!.push(cells[i] ?? '')
      })
      width = read.headers.length
      return read as unknown as Record<string, unknown>
    },
    () => (builders.length > 0 ? builders : Array.from({ length: width }, () => new DictionaryColumnBuilder(16))).map((b) => b.finish())
  )
}

/** The reader asked for columns; `took` says whether the byte path answered. */
function byColumns(bytes: Uint8Array, name: string): Outcome & { took: boolean } {
  let builders: DictionaryColumnBuilder[] = []
  let width = 0
  let took = false
  const outcome = settle(
    () => {
      const read = readTable(bytes, name, { columnar: true }, (cells) => {
        if (builders.length === 0) builders = cells.map(() => new DictionaryColumnBuilder(16))
        for (let i = 0; i < builders.length; i++) builders[i]!.push(cells[i] ?? '')
      })
      width = read.headers.length
      took = read.columns !== undefined
      return read as unknown as Record<string, unknown>
    },
    () => (builders.length > 0 ? builders : Array.from({ length: width }, () => new DictionaryColumnBuilder(16))).map((b) => b.finish())
  )
  return { ...outcome, took }
}

function expectSame(bytes: Uint8Array, name = 'export.csv'): boolean {
  const { took, ...fast } = byColumns(bytes, name)
  const reference = byRows(bytes, name)
  // node's deep equality is quick on 20,000-entry columns; toEqual only runs to show a difference.
  if (!isDeepStrictEqual(fast, reference)) expect(fast).toEqual(reference)
  return took
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('the CSV byte path reads exactly what the ordinary reader reads', () => {
  it('on generated messy exports, large enough for mostly-unique columns to stop de-duplicating', () => {
    const crm = generateCrm({ seed: 'csv-columns', accounts: 2000, deals: 21_000, mess: 'heavy' })
    expect(expectSame(writeCsv(crm.deals), 'deals.csv')).toBe(true)
    // These have blank header cells (group titles): read the ordinary way, and still the same.
    expectSame(writeCsv(crm.accounts, { eol: '\r\n', delimiter: ';' }), 'accounts.csv')
    expectSame(writeCsv(crm.flat, { delimiter: '\t' }), 'flat.tsv')
  }, 120_000)

  it('on quotes, line breaks, spaces, empty rows, footers and short or long rows', () => {
    const cases = [
      'Name,Amount,Note\r\nAcme,10,"said ""hi"""\r\n"Globex",  20 ,"two\nlines"\r\n\r\nInitech,,x\r\n',
      'Name,Amount,Note\rAcme,1,a\rBeta,2,b\r',
      '\uFEFFName;Amount;Note\nÄrger GmbH;1;é\n Zürich ;2;\u00a0padded\u00a0\n"a"b;3;"x" \n',
      'Report of deals\nGenerated today\n\nName,Amount,Stage,Owner\nAcme,1,won,Ann\nBeta,2,lost,Bob\nTotal,3,,\nReport generated by Salesforce\n',
      'Name,Amount,Stage,Owner\nAcme,1,won,Ann\nTotal,1,,\nBeta,2,lost,Bob\n',
      'Name,Amount,Stage\nAcme,1\nBeta,2,lost,,\nGamma\n,,\n',
      'Name,Amount\nAcme,1\nBeta,2,surprise\n',
      'Name,Amount\nAcme,1\n"Beta,2\n',
      'Name,Amount\nAcme,1,',
      'Name,Amount\nAcme,"1"',
      'Name,Amount\n"",""\n" ",1\n'
    ]
    for (const csv of cases) expectSame(text(csv))
  })

  it('on random small files built from the characters that matter to a CSV parser', () => {
    const cell = fc.stringMatching(/^[ab"Total ,\n\r\u00a0é\t]{0,6}$/)
    const row = fc.array(cell, { minLength: 1, maxLength: 5 })
    let took = 0
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, delimiter, eol) => {
          const csv = ['Name' + delimiter + 'Value' + delimiter + 'Note', ...rows.map((r) => r.join(delimiter))].join(eol)
          if (expectSame(text(csv))) took++
        }
      ),
      { numRuns: 300, seed: 20_261_205 }
    )
    expect(took).toBeGreaterThan(100)
  })

  it('on random rows after a column stopped de-duplicating, whose entries stay in the file', () => {
    // 20,000 distinct names first, so that the Name and Note columns stop de-duplicating; the
    // random rows after them are then entries kept as bytes, or as strings where they must be.
    const head = Array.from({ length: 20_001 }, (_, i) => `n${i},${i % 7},note ${i}`)
    // Names between two letters are byte ranges: what JSON must escape is inside them (a
    // backslash, a quote, a control character).
    // eslint-disable-next-line no-control-regex
    const name = fc.stringMatching(/^[aAb"\\ \u00a0é\t\u0001\u000b]{0,6}$/).map((inner) => `x${inner}y`)
    // eslint-disable-next-line no-control-regex
    const cell = fc.stringMatching(/^[ab"\\Total ,\n\r\u00a0é\t\u0001]{0,6}$/)
    const row = fc.tuple(fc.oneof(name, cell), cell, cell)
    let kept = 0
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const csv = ['Name,Value,Note', ...head, ...rows.map((r) => r.join(','))].join(eol)
        const { took, columns } = byColumns(text(csv), 'tail.csv')
        if (took && columns?.[0]?.unique === false) kept++
        expectSame(text(csv), 'tail.csv')
      }),
      { numRuns: 40, seed: 20_261_206 }
    )
    expect(kept).toBeGreaterThan(10)
  }, 120_000)

  it('keeps a value with spaces around it as its bytes, cut to the value, and decodes only what trim() must decide', () => {
    // 20,001 distinct names, so that the column keeps the rows after them as the file's bytes.
    const head = Array.from({ length: 20_001 }, (_, i) => `n${i},${i % 7}`)
    const padded = [' Acme ', '\tGlobex\t', '" Initech "', '  ', ' Zürich ', '\u00a0Umbrella', ' x\u0001']
    const csv = text(['Name,Value', ...head, ...padded.map((name, i) => `${name},${i}`)].join('\n'))
    expect(expectSame(csv, 'padded.csv')).toBe(true)
    const names = readTable(csv, 'padded.csv', { columnar: true }, () => undefined).columns![0]!
    const entries = names.entries as ByteSpanEntries
    const span = new Float64Array(2)
    const tail = padded.map((_, i) => {
      const at = names.codes[20_001 + i]!
      return { value: entries.at(at), asBytes: entries.asciiSpan(at, span) !== null }
    })
    expect(tail).toEqual([
      { value: 'Acme', asBytes: true },
      { value: 'Globex', asBytes: true },
      { value: 'Initech', asBytes: true },
      { value: '', asBytes: true },
      // Cut to its bytes too, but beyond ASCII they are not the value's characters (asciiSpan says so).
      { value: 'Zürich', asBytes: false },
      // A no-break space or a control character at an end: decoded and trimmed as a string.
      { value: 'Umbrella', asBytes: false },
      { value: 'x\u0001', asBytes: false }
    ])
  })

  it("reserves each column's codes once, for about the rows the file holds", () => {
    // 20,000 rows: grown by doubling from 4,096 the codes would end in room for 32,768.
    const rows = 20_000
    const csv = text(['Name,Amount', ...Array.from({ length: rows }, (_, i) => `Account ${i % 700},${1000 + i}`)].join('\n'))
    expect(csv.length).toBeGreaterThan(300_000)
    const read = readTable(csv, 'sized.csv', { columnar: true }, () => undefined)
    expect(read.rowCount).toBe(rows)
    for (const column of read.columns!) {
      const room = column.codes.buffer.byteLength / Uint32Array.BYTES_PER_ELEMENT
      expect(room).toBeGreaterThanOrEqual(rows)
      expect(room).toBeLessThan(rows * 1.1)
    }
    // A file whose first lines are much longer than the rest: the guess is short, the codes grow, the rows are all there.
    const uneven = text(
      [
        'Name,Note',
        ...Array.from({ length: 3000 }, (_, i) => `A${i},${'x'.repeat(200)}`),
        ...Array.from({ length: 30_000 }, (_, i) => `B${i},y`)
      ].join('\n')
    )
    expect(expectSame(uneven, 'uneven.csv')).toBe(true)
  })

  it('stops when cancelled, and reports its rows with its progress', () => {
    const csv = text(['Name,Amount', ...Array.from({ length: 50_000 }, (_, i) => `Account ${i % 500},${i}`)].join('\n'))
    expect(() => readTable(csv, 'big.csv', { columnar: true, isCancelled: () => true }, () => undefined)).toThrow(ReadCancelled)
    const reports: Array<number | undefined> = []
    const read = readTable(csv, 'big.csv', { columnar: true, onProgress: (_done, _total, rows) => reports.push(rows) }, () => undefined)
    expect(read.columns).toBeDefined()
    expect(read.rowCount).toBe(50_000)
    // The last report is the reader's final one (bytes only); any earlier ones carry the rows read.
    expect(reports.slice(0, -1).every((rows) => rows !== undefined && rows > 0)).toBe(true)
  })
})
