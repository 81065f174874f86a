/**
 * The streaming XLSX reader (read-xlsx-columns.ts) against SheetJS: on the same workbook both
 * must give the same columns (dictionary, codes, `unique`), the same facts (sheets and their
 * extents, sheet, header row, headers, rows, skipped rows, warnings) and the same errors. The
 * SheetJS reader is the reference: its rows are pushed into DictionaryColumnBuilder exactly as
 * stageFile pushed them before. Workbooks come from every writer the suite uses (the CRM
 * generator through SheetJS, SheetJS directly, exceljs) and from hand-written XML with the cells
 * those writers never make.
 */
import { Buffer } from 'node:buffer'
import { isDeepStrictEqual } from 'node:util'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { utils, write, type WorkBook } from 'xlsx'
import { DictionaryColumnBuilder, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { readTable } from '../../src-main/backend/import/read'
import { ReadCancelled } from '../../src-main/backend/import/read/read-control'
import type { ReadOptions } from '../../src-main/backend/import/read/types'
import { withFormats } from '../../src-main/backend/import/read/default-formats'
import { writeZip } from '../support/zip-entries'
import { generateCrm, generateCrmShape, writeWorkbook } from '../../scripts/crm-generator/index'

interface Outcome {
  facts?: Record<string, unknown>
  columns?: DictionaryColumn[]
  error?: string
}

function read(bytes: Uint8Array, name: string, options: ReadOptions): Outcome & { took: boolean } {
  let builders: DictionaryColumnBuilder[] = []
  let width = 0
  let took = false
  try {
    const result = readTable(bytes, name, options, (cells) => {
      if (builders.length === 0) builders = cells.map(() => new DictionaryColumnBuilder(16))
      for (let i = 0; i < builders.length; i++) builders[i]!.push(cells[i] ?? '')
    })
    width = result.headers.length
    const { columns, ...facts } = result
    took = columns !== undefined
    const fromRows = (builders.length > 0 ? builders : Array.from({ length: width }, () => new DictionaryColumnBuilder(16))).map((b) =>
      b.finish()
    )
    return { facts: facts as unknown as Record<string, unknown>, columns: columns ?? fromRows, took }
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error), took }
  }
}

/** Both readers on one workbook; returns whether the streaming reader answered (no fallback). */
function expectSame(bytes: Uint8Array, name = 'export.xlsx', options: ReadOptions = {}): boolean {
  const { took, ...streamed } = read(bytes, name, { ...options, columnar: true })
  const { took: _, ...reference } = read(bytes, name, options)
  // node's deep equality is quick on large columns; toEqual only runs to show a difference.
  if (!isDeepStrictEqual(streamed, reference)) expect(streamed).toEqual(reference)
  return took
}

const bookBytes = (wb: WorkBook, bookSST = true): Uint8Array =>
  new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', bookSST, compression: true }) as ArrayBuffer)

function sheetjsBook(sheets: Array<{ name: string; rows: unknown[][] }>, bookSST = true, cellDates = false): Uint8Array {
  const wb = utils.book_new()
  for (const s of sheets) utils.book_append_sheet(wb, utils.aoa_to_sheet(s.rows, { cellDates, UTC: true }), s.name)
  return bookBytes(wb, bookSST)
}

function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return writeZip(
    Object.entries(files).map(([name, content]) => ({ name, data: typeof content === 'string' ? Buffer.from(content, 'utf8') : content }))
  )
}

interface RawSheet {
  name: string
  /** The contents of <sheetData>. */
  data: string
  /** XML after </sheetData> (merged cells...). */
  after?: string
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'

/** A workbook written part by part, for cells no writer in the suite produces. */
function rawBook(sheets: RawSheet[], parts: { strings?: string[]; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const files: Record<string, string> = {}
  const overrides = sheets.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
  )
  if (parts.strings) {
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${parts.strings.length}">${parts.strings.join('')}</sst>`
  }
  if (parts.styles) {
    overrides.push(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    )
    files['xl/styles.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`
  }
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${overrides.join('')}</Types>`
  files['_rels/.rels'] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${parts.workbookPr ?? ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`
  files['xl/_rels/workbook.xml.rels'] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join('') +
    '</Relationships>'
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`
  })
  return zipOf(files)
}

const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>'
/** Rows of one cell under a Name/Value header: the cell in column B, a name in column A. */
function valueRows(cells: string[], start = 2): string {
  return cells
    .map(
      (c, i) =>
        `<row r="${start + i}"><c r="A${start + i}" t="inlineStr"><is><t>row ${i}</t></is></c>${c.replace(/@/g, `B${start + i}`)}</row>`
    )
    .join('')
}

const STYLES =
  '<numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="0.000"/>' +
  '<numFmt numFmtId="166" formatCode="&quot;Q&quot;0"/><numFmt numFmtId="167" formatCode="[h]:mm"/></numFmts>' +
  '<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>' +
  '<xf numFmtId="167"/><xf numFmtId="22" applyNumberFormat="1"/><xf/><xf numFmtId="49"/></cellXfs>'

describe('the streaming XLSX reader reads exactly what SheetJS reads', () => {
  it('reads every CRM export the generator writes, in every shape and mess', () => {
    for (const mess of ['none', 'typical', 'heavy'] as const) {
      const crm = generateCrm({ seed: `xlsx-${mess}`, accounts: 150, deals: 600, mess, flavor: 'workbook' })
      const book = writeWorkbook([
        { name: 'Accounts', table: crm.accounts },
        { name: 'Deals', table: crm.deals }
      ])
      expect(expectSame(book)).toBe(true)
      expect(expectSame(book, 'export.xlsx', { sheet: 'Deals' })).toBe(true)
      expect(expectSame(book, 'export.xlsx', { sheet: ' deals ' })).toBe(true)
      expect(expectSame(writeWorkbook([{ name: 'Deals', table: crm.deals }], { title: false }))).toBe(true)
      expect(expectSame(writeWorkbook([{ name: 'Deals', table: crm.deals }], { dateFormat: 'yyyy-mm-dd hh:mm' }))).toBe(true)
    }
    for (const shape of ['standard', 'salesforce', 'hubspot', 'pipedrive', 'leads'] as const) {
      const crm = generateCrmShape({ shape, seed: `xlsx-${shape}`, accounts: 120, deals: 400, flavor: 'workbook' })
      const tables = Object.entries(crm).filter(
        (entry): entry is [string, Parameters<typeof writeWorkbook>[0][number]['table']] =>
          typeof entry[1] === 'object' && entry[1] !== null && 'headers' in entry[1] && 'rows' in entry[1]
      )
      for (const [name, table] of tables)
        expect(expectSame(writeWorkbook([{ name: name.slice(0, 30), table }]), `${shape}.xlsx`)).toBe(true)
    }
  })

  it('reads an export large enough for mostly-unique columns to stop de-duplicating', () => {
    const crm = generateCrm({ seed: 'xlsx-large', accounts: 2500, deals: 24_000, flavor: 'workbook' })
    expect(expectSame(writeWorkbook([{ name: 'Deals', table: crm.deals }]), 'large.xlsx')).toBe(true)
  }, 120_000)

  it('leaves merged cells to SheetJS, with the same answer', () => {
    const crm = generateCrm({ seed: 'merged', accounts: 80, deals: 200, flavor: 'workbook' })
    const sheets = [{ name: 'Accounts', table: crm.accounts }]
    expect(expectSame(writeWorkbook(sheets, { mergeTitle: true }))).toBe(false)
    expect(expectSame(writeWorkbook(sheets, { mergeTitle: true, groupHeader: true }))).toBe(false)
  })

  it('reads numbers, dates, booleans, errors and strings of every kind as SheetJS does', () => {
    const rows: unknown[][] = [
      ['Report title'],
      [],
      ['Name', 'Amount', 'When', 'Flag', 'Note', 'Blank'],
      ['a', 1, new Date(Date.UTC(2024, 2, 5)), true, '  padded  ', null],
      ['b', 0.1 + 0.2, new Date(Date.UTC(2024, 2, 5, 14, 29, 59, 999)), false, 'Ünïcödé — 東京 😀', null],
      ['c', -12.5, new Date(Date.UTC(1900, 0, 1)), 'TRUE', 'a & b < c > d "q" \'s\'', null],
      ['d', 1e21, new Date(Date.UTC(1899, 11, 31)), null, 'line\nbreak\r\nwindows', null],
      ['e', 123456789012345, null, null, '_x000D_ literal', null],
      ['f', 1.5e-7, null, null, '   ', null],
      [],
      ['g', -0, null, null, '', 'late value'],
      ['Total', 42]
    ]
    for (const bookSST of [true, false]) {
      for (const cellDates of [false, true]) {
        expect(expectSame(sheetjsBook([{ name: 'Data', rows }], bookSST, cellDates))).toBe(true)
      }
    }
    const wb = utils.book_new()
    const sheet = utils.aoa_to_sheet(rows, { UTC: true })
    sheet['B5'] = { t: 'e', v: 0x07 }
    sheet['B6'] = { t: 'e', v: 0x2a }
    sheet['D5'] = { t: 'n', v: 3.25, f: 'A1*2' }
    sheet['E5'] = { t: 's', v: 'from a formula', f: 'CONCAT("from"," a formula")' }
    utils.book_append_sheet(wb, sheet, 'Cells')
    expect(expectSame(bookBytes(wb))).toBe(true)
    expect(expectSame(bookBytes(wb, false))).toBe(true)
  })

  it('reads sparse sheets, gaps, footers, blank and duplicate headers, several sheets', () => {
    const sparse: unknown[][] = [['Id', 'Name', '', 'Name', 'Region']]
    for (let i = 0; i < 300; i++)
      sparse.push([i, i % 7 === 0 ? null : `n${i % 13}`, i === 250 ? 'stray' : null, `x${i % 5}`, i % 11 === 0 ? null : 'EMEA'])
    sparse.push([], [], ['Total', 300], ['Report generated by Salesforce'])
    const wide: unknown[][] = [['Id', 'Name', '', '']]
    for (let i = 0; i < 50; i++) wide.push([i, `n${i}`])
    wide.push(['Total', null, null, 7])
    const books = [
      sheetjsBook([{ name: 'Sparse', rows: sparse }]),
      sheetjsBook([{ name: 'Wide', rows: wide }]),
      sheetjsBook([
        {
          name: 'Small',
          rows: [
            ['a', 'b'],
            [1, 2]
          ]
        },
        { name: 'Big', rows: sparse },
        { name: 'Empty', rows: [] }
      ])
    ]
    for (const book of books) expect(expectSame(book)).toBe(true)
    expect(expectSame(books[2]!, 'multi.xlsx', { sheet: 'Small' })).toBe(true)
    expect(expectSame(books[2]!, 'multi.xlsx', { sheet: 'Big', headerRow: 1 })).toBe(true)
    expect(expectSame(books[0]!, 'x.xlsx', { headerRow: 3 })).toBe(true)
    // Errors come from SheetJS's reader, worded as always.
    expect(expectSame(books[2]!, 'multi.xlsx', { sheet: 'Empty' })).toBe(false)
    expect(expectSame(books[2]!, 'multi.xlsx', { sheet: 'Nope' })).toBe(false)
    expect(expectSame(books[0]!, 'x.xlsx', { headerRow: 900 })).toBe(false)
    expect(
      expectSame(
        sheetjsBook([
          {
            name: 'Numbers',
            rows: [
              [1, 2],
              [3, 4]
            ]
          }
        ])
      )
    ).toBe(false)
    const tooWide = sheetjsBook([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          [1, 2],
          [1, 2, 3]
        ]
      }
    ])
    expectSame(tooWide)
    expect(read(tooWide, 'w.xlsx', { columnar: true }).error).toMatch(/row 3: the row has 3 cells but the header has 2 columns/)
  })

  it('reads workbooks exceljs writes', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Scored')
    ws.addRow(['Account', 'Score', 'Closed', 'Won', 'Share', 'Formula'])
    for (let i = 0; i < 200; i++) {
      const row = ws.addRow([
        `Acme ${i % 17}`,
        i * 1.5,
        new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
        i % 3 === 0,
        i / 7,
        { formula: `B${i + 2}*2`, result: i * 3 }
      ])
      row.getCell(5).numFmt = '0.00%'
    }
    ws.addRow(['Text formula', null, null, null, null, { formula: 'A2&"x"', result: 'Acme 0x' }])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    expect(expectSame(bytes, 'scored.xlsx')).toBe(true)
  })

  it('reads hand-written cells: inline and rich text, entities, errors, booleans, ISO dates, formats', () => {
    const strings = [
      '<si><t>plain</t></si>',
      '<si><t xml:space="preserve">  spaced  </t></si>',
      '<si><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> text</t></r></si>',
      '<si><t>Caf&#233; &amp; &lt;bar&gt; &#x1F600; &AMP; _x0041_</t></si>',
      '<si><t>two\r\nlines</t></si>',
      '<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><phoneticPr fontId="1"/></si>',
      '<si><t></t></si>',
      '<si><t>Réseau</t></si>'
    ]
    const cells = [
      '<c r="@" t="s"><v>0</v></c>',
      '<c r="@" t="s"><v>1</v></c>',
      '<c r="@" t="s"><v>2</v></c>',
      '<c r="@" t="s"><v>3</v></c>',
      '<c r="@" t="s"><v>4</v></c>',
      '<c r="@" t="s"><v>5</v></c>',
      '<c r="@" t="s"><v>6</v></c>',
      '<c r="@" t="s"><v>7</v></c>',
      '<c r="@" t="s"><v>8</v></c>',
      '<c r="@" t="s"><v> 8 </v></c>',
      '<c r="@" t="inlineStr"><is><t>inline &amp; plain</t></is></c>',
      '<c r="@" t="inlineStr"><is><r><t>inline</t></r><r><t xml:space="preserve"> rich</t></r></is></c>',
      '<c r="@" t="inlineStr"><is></is></c>',
      '<c r="@" t="inlineStr"/>',
      '<c r="@" t="str"><f>A1</f><v>cached &amp;amp; twice</v></c>',
      '<c r="@" t="str"><v>Zürich</v></c>',
      '<c r="@" t="str"><v></v></c>',
      '<c r="@" t="b"><v>1</v></c>',
      '<c r="@" t="b"><v>0</v></c>',
      '<c r="@" t="b"><v>true</v></c>',
      '<c r="@" t="b"/>',
      '<c r="@" t="e"><v>#N/A</v></c>',
      '<c r="@" t="e"><v>#DIV/0!</v></c>',
      '<c r="@" t="e"><v>#WTF?</v></c>',
      '<c r="@" t="e"><v>#SPILL!</v></c>',
      '<c r="@" t="d"><v>2024-03-05</v></c>',
      '<c r="@" t="d"><v>2024-03-05T14:30:00</v></c>',
      '<c r="@" t="d"><v>12:30:15</v></c>',
      '<c r="@" t="d"><v>not a date</v></c>',
      '<c r="@" t="n"><v>abc</v></c>',
      '<c r="@"><v>1E3</v></c>',
      '<c r="@"><v>007</v></c>',
      '<c r="@"><v>-0</v></c>',
      '<c r="@"><v>0.30000000000000004</v></c>',
      '<c r="@" s="1"><v>45356</v></c>',
      '<c r="@" s="1"><v>60</v></c>',
      '<c r="@" s="1"><v>59</v></c>',
      '<c r="@" s="1"><v>1</v></c>',
      '<c r="@" s="1"><v>0</v></c>',
      '<c r="@" s="2"><v>45356.604166666664</v></c>',
      '<c r="@" s="3"><v>2.5</v></c>',
      '<c r="@" s="4"><v>3</v></c>',
      '<c r="@" s="5"><v>1.75</v></c>',
      '<c r="@" s="6"><v>45356.5</v></c>',
      '<c r="@" s="7"><v>45356</v></c>',
      '<c r="@" s="8"><v>45356</v></c>',
      '<c r="@" s="01"><v>45356</v></c>',
      '<c r="@" s="99"><v>45356</v></c>',
      '<c r="@" s="1" t="n"><v>45356.25</v></c>',
      '<c r="@" s="1"/>',
      '<c r="@"><f>SUM(A1:A2)</f><v>12</v></c>',
      '<c r="@"><f t="shared" si="0" ref="B1:B2"/><v>13</v></c>'
    ]
    const book = rawBook([{ name: 'Hand', data: HEADER + valueRows(cells) }], { strings, styles: STYLES })
    expect(expectSame(book, 'hand.xlsx')).toBe(true)
    // Without styles nothing is a date; without cell formats neither.
    expect(expectSame(rawBook([{ name: 'Hand', data: HEADER + valueRows(cells) }], { strings }), 'nostyles.xlsx')).toBe(true)
    expect(expectSame(rawBook([{ name: 'Hand', data: HEADER + valueRows(cells) }], { strings, styles: '<fonts/>' }), 'noxf.xlsx')).toBe(
      true
    )
  })

  it('reads numbers in formats Excel uses without defining them (Accounting, currency, locale dates), on both paths', () => {
    // Excel writes its Accounting format as id 44 with no numFmt for it; SheetJS's table lacks
    // it and, reading dates, dropped the whole sheet ("sheet is empty"). 27 is a CJK date that
    // Excel shows as m/d/yy, 165 a custom id the workbook forgot to define, 0 and 49 for contrast.
    const styles =
      '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="44" applyNumberFormat="1"/><xf numFmtId="7"/><xf numFmtId="42"/>' +
      '<xf numFmtId="27"/><xf numFmtId="32"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>'
    const cells = [1, 2, 3, 4, 5, 6, 7].map((s) => `<c r="@" s="${s}"><v>45356.5</v></c>`)
    const expected = ['45356.5', '45356.5', '45356.5', '2024-03-05T12:00:00', '45356.5', '45356.5', '45356.5', '45356.5']
    const valuesOf = (outcome: Outcome) => {
      const column = outcome.columns![1]!
      return Array.from(column.codes, (code) => column.dictionary[code])
    }
    const plain = rawBook([{ name: 'Money', data: HEADER + valueRows([...cells, '<c r="@" s="7"><v>45356.5</v></c>']) }], { styles })
    expect(expectSame(plain, 'accounting.xlsx')).toBe(true)
    expect(valuesOf(read(plain, 'accounting.xlsx', {}))).toEqual(expected)
    // A merged title leaves the workbook to SheetJS, whose styles are completed first.
    const merged = rawBook(
      [
        {
          name: 'Money',
          data:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Pipeline</t></is></c></row>' +
            HEADER.replace(/"1"/, '"2"').replace(/A1/, 'A2').replace(/B1/, 'B2') +
            valueRows([...cells, '<c r="@" s="7"><v>45356.5</v></c>'], 3),
          after: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
        }
      ],
      { styles }
    )
    expect(expectSame(merged, 'accounting-merged.xlsx')).toBe(false)
    const outcome = read(merged, 'accounting-merged.xlsx', {})
    expect(outcome.error).toBeUndefined()
    expect(valuesOf(outcome)).toEqual(expected)
  })

  it('completes a styles part wherever its formats live: none yet, an empty list, a list, a namespace prefix', () => {
    const formats: Array<[number, string]> = [[44, '_("$"* #,##0.00_);_("$"* "-"??_)']]
    const tag = '<numFmt numFmtId="44" formatCode="_(&quot;$&quot;* #,##0.00_);_(&quot;$&quot;* &quot;-&quot;??_)"/>'
    expect(withFormats('<styleSheet xmlns="m"><cellXfs/></styleSheet>', formats)).toBe(
      `<styleSheet xmlns="m"><numFmts count="1">${tag}</numFmts><cellXfs/></styleSheet>`
    )
    expect(withFormats('<styleSheet><numFmts count="0"/><cellXfs/></styleSheet>', formats)).toBe(
      `<styleSheet><numFmts>${tag}</numFmts><cellXfs/></styleSheet>`
    )
    expect(withFormats('<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts></styleSheet>', formats)).toBe(
      `<styleSheet><numFmts count="1">${tag}<numFmt numFmtId="164" formatCode="0.0"/></numFmts></styleSheet>`
    )
    expect(withFormats('<x:styleSheet xmlns:x="m"><x:cellXfs/></x:styleSheet>', formats)).toBe(
      `<x:styleSheet xmlns:x="m"><x:numFmts count="1">${tag.replace('<numFmt', '<x:numFmt')}</x:numFmts><x:cellXfs/></x:styleSheet>`
    )
    expect(withFormats('<notStyles/>', formats)).toBeNull()
  })

  it('reads rows and cells laid out unusually, and gives the rest to SheetJS', () => {
    const sparseRows =
      HEADER +
      '<row r="3" spans="1:2"><c r="A3" t="inlineStr"><is><t>x</t></is></c><c r="C3" s="0"/></row>' +
      '<row r="4"/>' +
      '<row r="7"><c r="B7"><v>5</v></c></row>' +
      '<row r="9"><c r="A9" t="e"/></row>' +
      '<row r="10"><c r="A10" t="inlineStr"><is><t>after the error</t></is></c></row>' +
      '<row r="12"><c r="A12" t="e"/><c r="B12" t="str"><v>  </v></c></row>'
    expect(expectSame(rawBook([{ name: 'S', data: sparseRows }]), 'rows.xlsx')).toBe(true)
    const trailingNaN = `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row><row r="5"><c r="B5"><v>x</v></c></row>`
    expect(expectSame(rawBook([{ name: 'S', data: trailingNaN }]), 'nan.xlsx')).toBe(true)
    const fallbacks: Array<[string, Uint8Array]> = [
      [
        'merged',
        rawBook([
          {
            name: 'S',
            data: HEADER + valueRows(['<c r="@"><v>1</v></c>']),
            after: '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>'
          }
        ])
      ],
      [
        '1904',
        rawBook([{ name: 'S', data: HEADER + valueRows(['<c r="@" s="1"><v>1</v></c>']) }], {
          styles: STYLES,
          workbookPr: '<workbookPr date1904="1"/>'
        })
      ],
      [
        'format id that names no format',
        rawBook([{ name: 'S', data: HEADER + valueRows(['<c r="@" s="1"><v>1</v></c>']) }], {
          styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId=""/></cellXfs>'
        })
      ],
      ['no reference', rawBook([{ name: 'S', data: `${HEADER}<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>` }])],
      ['out of order', rawBook([{ name: 'S', data: `${HEADER}<row r="2"><c r="B2"><v>2</v></c><c r="A2"><v>1</v></c></row>` }])],
      [
        'rows out of order',
        rawBook([{ name: 'S', data: `${HEADER}<row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>` }])
      ],
      ['prefixed', rawBook([{ name: 'S', data: `${HEADER}<row r="2"><x:c r="A2"><x:v>1</x:v></x:c></row>` }])],
      ['CDATA', rawBook([{ name: 'S', data: `${HEADER}<row r="2"><c r="A2" t="str"><v><![CDATA[a<b]]></v></c></row>` }])],
      [
        'missing string',
        rawBook([{ name: 'S', data: `${HEADER}<row r="2"><c r="A2" t="s"><v>5</v></c></row>` }], { strings: ['<si><t>x</t></si>'] })
      ],
      ['date without value', rawBook([{ name: 'S', data: `${HEADER}<row r="2"><c r="A2" t="d"/></row>` }])]
    ]
    for (const [name, book] of fallbacks) expect([name, expectSame(book, `${name}.xlsx`)]).toEqual([name, false])
  })

  it('stops when cancelled', () => {
    const crm = generateCrm({ seed: 'cancel', accounts: 50, deals: 100, flavor: 'workbook' })
    const book = writeWorkbook([{ name: 'Deals', table: crm.deals }])
    expect(() => readTable(book, 'c.xlsx', { columnar: true, isCancelled: () => true }, () => undefined)).toThrow(ReadCancelled)
  })
})
