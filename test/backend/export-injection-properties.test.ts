/**
 * Export safety over random strings, for every export path that writes the client's text:
 *
 * - XLSX written by the streaming row writer (Scored accounts): `CellColumn.text` and `xmlText`;
 * - XLSX cells written through exceljs (Scorecard, ICP, Data dictionary sheets): `setText`;
 * - XLSX of `score-export` (SheetJS `aoa_to_sheet`);
 * - CSV (`export-scored-csv`, `score-export` as CSV): `toCsv`, headers included;
 * - SQL (`export-sql`): string literals, identifiers and whole conditions run in SQLite.
 *
 * The PDF is not a spreadsheet: its text is rendered by React into a print page, never parsed
 * as formulas. test/unit/export-spreadsheet-text.test.ts holds the rule's own properties.
 */
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { read, utils, write } from 'xlsx'
import { conditionSql, quoteIdentifier, quoteString } from '@shared/export/scorecard-sql'
import { startsLikeFormula, toCsv } from '@shared/export/spreadsheet-text'
import type { Condition } from '@shared/engine/scorecard/model'
import { setText } from '../../src-main/backend/export/workbook-cells'
import { CellColumn, RowBytes, xmlText } from '../../src-main/backend/export/workbook-row-xml'
import { testBackend } from '../support/backend'
import { tempDir } from '../support/temp-dir'
import { parseCsv } from '../support/parse-csv'

/** Strings that try hard: formula starts, XML and CSV metacharacters, control characters, lone surrogates. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", '@SUM('),
      fc.string({ maxLength: 20 })
    )
    .map(([start, rest]) => start + rest),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        ',',
        '\r\n',
        '\n',
        ']]>',
        '</t>',
        '&amp;',
        '\u0000',
        '\u0008',
        '\uFFFE',
        '\uD800',
        '*/',
        '--',
        ';',
        '\\'
      ),
      { maxLength: 12 }
    )
    .map((parts) => parts.join(''))
)

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const decodeXml = (text: string) => text.replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

describe('XLSX: the streaming row writer (Scored accounts sheet)', () => {
  it('writes any text as an inline string cell whose XML is well formed and reads back as the text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = new RowBytes(256).openRow(7)
        new CellColumn('B').text(out, text)
        const xml = Buffer.concat(out.closeRow().take(true)).toString('utf8')
        expect(xml).not.toContain('<f>')
        const match = /^<row r="7"><c r="B7" t="inlineStr"><is><t(?: xml:space="preserve")?>(.*)<\/t><\/is><\/c><\/row>$/s.exec(xml)
        expect(match, xml).not.toBeNull()
        const body = match![1]!
        if (/^\s|\s$|\s\s|[\t\n\r]/.test(text)) expect(xml).toContain('xml:space="preserve"')
        // Nothing in the body can open or close markup, and every & starts an entity we wrote.
        expect(body).not.toMatch(/[<>]/)
        expect(body.replace(/&(amp|lt|gt|#13);/g, '')).not.toContain('&')
        expect(body.match(NOT_XML)).toBeNull()
        expect(decodeXml(body)).toBe(text.replace(NOT_XML, ''))
        expect(xmlText(text)).toBe(body)
      }),
      { numRuns: 2000, seed: 8101 }
    )
  })
})

describe('XLSX: cells written through exceljs (Scorecard, ICP, Data dictionary sheets)', () => {
  it('makes any text a string cell, never a formula, and formats formula-like text as Text', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('S')
    const texts = fc.sample(hostile, { numRuns: 400, seed: 8102 })
    texts.forEach((text, i) => setText(sheet.getCell(`A${i + 1}`), text))
    const buffer = await book.xlsx.writeBuffer()
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(buffer)
    const again = back.getWorksheet('S')!
    texts.forEach((text, i) => {
      const cell = again.getCell(`A${i + 1}`)
      if (text.replace(NOT_XML, '') === '') return
      expect(cell.formula, JSON.stringify(text)).toBeFalsy()
      expect(cell.type, JSON.stringify(text)).toBe(ExcelJS.ValueType.String)
      // XML readers normalise line breaks to \n; everything else must survive.
      const lines = (v: unknown) => String(v).replace(/\r\n?/g, '\n')
      expect(lines(cell.value), JSON.stringify(text)).toBe(lines(text.replace(NOT_XML, '')))
      if (startsLikeFormula(text.replace(NOT_XML, ''))) expect(cell.numFmt, JSON.stringify(text)).toBe('@')
    })
  })
})

describe('XLSX: score-export (SheetJS)', () => {
  it('writes formula-like text as string cells with no formula', () => {
    const texts = fc.sample(hostile, { numRuns: 400, seed: 8103 }).filter((t) => t !== '')
    const sheet = utils.aoa_to_sheet([['Account', 'Tier'], ...texts.map((t) => [t, t])])
    const wb = utils.book_new()
    utils.book_append_sheet(wb, sheet, 'Scored deals')
    const bytes = write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
    const back = read(new Uint8Array(bytes), { type: 'array', cellFormula: true, dense: true })
    const rows = back.Sheets['Scored deals']!['!data'] as Array<Array<{ t: string; v: unknown; f?: string }>>
    texts.forEach((_text, i) => {
      const cell = rows[i + 1]![0]!
      expect(cell.f, JSON.stringify(_text)).toBeUndefined()
      expect(cell.t).toBe('s')
    })
  })
})

describe('CSV: scored accounts and scored deals', () => {
  it('no header or cell of any row starts like a formula, and every value survives', () => {
    fc.assert(
      fc.property(
        fc.array(hostile, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(hostile, { minLength: 5, maxLength: 5 }), { maxLength: 4 }),
        (headers, rows) => {
          const cut = rows.map((r) => r.slice(0, headers.length))
          const parsed = parseCsv(toCsv(headers, cut))
          expect(parsed).toHaveLength(1 + cut.length)
          parsed.forEach((record, r) => {
            const source = r === 0 ? headers : cut[r - 1]!
            expect(record).toHaveLength(source.length)
            record.forEach((cell, c) => {
              expect(startsLikeFormula(cell)).toBe(false)
              expect(cell).toBe(startsLikeFormula(source[c]!) ? `'${source[c]}` : source[c])
            })
          })
        }
      ),
      { numRuns: 1000, seed: 8104 }
    )
  })
})

describe('SQL: export-sql', () => {
  const db = new Database(':memory:')
  // SQLite identifiers and strings cannot hold NUL; quoteString/quoteIdentifier drop it.
  const sqlText = hostile.map((t) => t.replace(NOT_XML, '').replace(/\0/g, ''))

  it('string literals and identifiers round-trip through SQLite, whatever the text', () => {
    fc.assert(
      fc.property(sqlText, (text) => {
        expect(db.prepare(`SELECT ${quoteString(text)} AS v`).get()).toEqual({ v: text })
        const column = text === '' ? 'x' : text
        db.exec(`DROP TABLE IF EXISTS t; CREATE TABLE t (${quoteIdentifier(column)} TEXT)`)
        expect((db.prepare('PRAGMA table_info(t)').all() as Array<{ name: string }>).map((c) => c.name)).toEqual([column])
      }),
      { numRuns: 1000, seed: 8105 }
    )
  })

  it('a condition on any attribute with any values is one expression that matches exactly its value', () => {
    fc.assert(
      fc.property(
        sqlText.filter((t) => t.trim() !== ''),
        fc.array(sqlText, { minLength: 1, maxLength: 4 }),
        (attribute, values) => {
          db.exec(`DROP TABLE IF EXISTS base; CREATE TABLE base (${quoteIdentifier(attribute)} TEXT)`)
          const insert = db.prepare('INSERT INTO base VALUES (?)')
          for (const v of [...values, 'no such value \u2603']) insert.run(v)
          const condition: Condition = { attribute, op: 'in', values }
          const matched = db.prepare(`SELECT COUNT(*) AS n FROM base WHERE ${conditionSql(condition)}`).get() as { n: number }
          // Injection would change the count (or fail to parse): exactly the inserted values match.
          const wanted = values.length + (values.includes('no such value \u2603') ? 1 : 0)
          expect(matched.n).toBe(wanted)
        }
      ),
      { numRuns: 500, seed: 8106 }
    )
  })
})

describe('every export of a scorecard whose names and labels are hostile', () => {
  it('the workbook opens, hostile text is never a formula, and CSVs carry no formula-like cell', async () => {
    const backend = testBackend(tempDir(), 'native')
    await backend.call('workspace-open-sample', {})
    const hostileText = [
      '=HYPERLINK("http://evil.example","Bell\u0007")',
      '@SUM(1)\u0001',
      "+cmd|' /C calc'!A0\uFFFE",
      '-1\u001b[31m',
      '<b>&\uFFFF</b>'
    ]
    const { id } = await backend.call('scorecard-create', { name: `Core ${hostileText[1]}` })
    const created = await backend.call('scorecard-get', { id })
    const scorecard = structuredClone(created.scorecard)
    scorecard.categories[0]!.name = hostileText[0]!
    scorecard.tiers[0]!.name = hostileText[2]!
    scorecard.criteria = [
      { id: 'c1', attribute: 'Industry', op: 'in', values: ['SaaS'], category: hostileText[0]!, points: 10, label: hostileText[3] },
      { id: 'c2', attribute: 'Industry', op: 'in', values: ['FinTech'], category: hostileText[0]!, points: 5, label: hostileText[4] }
    ]
    await backend.call('scorecard-save', { id, scorecard })

    const workbook = await backend.call('export-workbook', { scorecardId: id })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(workbook.bytes) as unknown as ExcelJS.Buffer) // throws on XML that is not well formed
    const clean = hostileText.map((t) => t.replace(NOT_XML, ''))
    const found = new Set<string>()
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = cell.formula ?? ''
          for (const t of clean) expect(formula.includes(t), `${sheet.name}!${cell.address} formula ${formula}`).toBe(false)
          if (typeof cell.value === 'string') for (const t of clean) if (cell.value.includes(t)) found.add(t)
        })
      )
    )
    expect([...found].sort()).toEqual([...clean].sort())

    for (const file of [
      await backend.call('export-scored-csv', { scorecardId: id }),
      await backend.call('score-export', { scorecardId: id, format: 'csv' })
    ]) {
      const text = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '')
      for (const record of parseCsv(text))
        for (const cell of record) expect(startsLikeFormula(cell), `${file.fileName}: ${JSON.stringify(cell)}`).toBe(false)
    }
    const scored = await backend.call('score-export', { scorecardId: id, format: 'xlsx' })
    const sheet = read(scored.bytes, { type: 'array', cellFormula: true, dense: true })
    for (const name of sheet.SheetNames) {
      const rows = (sheet.Sheets[name]!['!data'] ?? []) as Array<Array<{ f?: string } | undefined> | undefined>
      for (const row of rows) for (const cell of row ?? []) expect(cell?.f).toBeUndefined()
    }
    const sql = await backend.call('export-sql', { scorecardId: id })
    expect(() => new Database(':memory:').prepare(`EXPLAIN ${sql.text.replace(/;\s*$/, '')}`)).toThrow(/no such table/)
    backend.close()
  }, 60_000)
})
