import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
/**
 * Workbooks that attack the reader through coordinates and repetition (issue 17, items 1 and 10):
 * a cell beyond Excel's grid, an ODS with hundreds of millions of repeated empty cells before a
 * value, and the reading process dying, which must end as a coded error about the file while this
 * process goes on. And valid packages that are not laid out the way Excel lays them out.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/backend/app-error'
import { readTable } from '../../src-main/backend/import/read'
import { runReadWorker } from '../../src-main/backend/import/run-read-worker'
import { utils, write } from 'xlsx'
import {
  minimalOds,
  minimalXlsx,
  odsWithRepeatedEmptyCells,
  odsWithRepeatedEmptyRows,
  passwordProtectedOds,
  xlsWithUnknownRecords,
  xlsxWithFarCell,
  TWO_ROWS
} from '../support/hostile-files'
import { readRefusal } from '../support/read-refusal'
import { readZip, writeZip } from '../support/zip-entries'

function refusal(bytes: Uint8Array, name: string, columnar = false): AppError {
  const started = performance.now()
  const error = readRefusal(bytes, name, columnar)
  // Refused before SheetJS builds anything: no seconds of CPU, no gigabytes.
  expect(performance.now() - started).toBeLessThan(2_000)
  return error
}

function headersOf(bytes: Uint8Array, name: string): { headers: string[]; rows: string[][] } {
  const rows: string[][] = []
  const read = readTable(bytes, name, {}, (cells) => rows.push([...cells]))
  return { headers: read.headers, rows }
}

describe("coordinates outside Excel's grid", () => {
  it.each([
    ['ZZZZZZ1', 'ZZZZZZ1'],
    ['XFE1', 'XFE1'],
    ['A1000000000', 'row 1,000,000,000'],
    ['A1048577', 'row 1,048,577']
  ])('refuses an XLSX with a cell at %s, naming the file and the cell', (reference, said) => {
    const error = refusal(xlsxWithFarCell(reference), 'far.xlsx')
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toContain('far.xlsx')
    expect(error.message).toContain(said)
    expect(error.message).toContain('column XFD, row 1,048,576')
    expect(error.details?.['reason']).toBe('beyond-grid')
  })

  it('refuses a merge, a dimension or a validation reaching outside the grid, in either quote style', () => {
    for (const after of [
      '<mergeCells count="1"><mergeCell ref="A2:A2000000000"/></mergeCells>',
      '<dataValidations count="1"><dataValidation sqref=\'B2:ZZZZ9\'/></dataValidations>',
      '<mergeCells count="1"><mergeCell x:ref="A2:A2000000000"/></mergeCells>'
    ]) {
      expect(refusal(minimalXlsx({ afterData: after }), 'merge.xlsx').details?.['reason']).toBe('beyond-grid')
    }
  })

  it('refuses the same files when reading into columns, as the import does', () => {
    // The columnar reader checks cell references as it reads the rows; when it hands a file to
    // SheetJS instead, the rows it did not vouch for are searched first.
    for (const [reference, said] of [
      ['ZZZZZZ1', 'ZZZZZZ1'],
      ['A1048577', 'row 1,048,577']
    ]) {
      const error = refusal(xlsxWithFarCell(reference!), 'far.xlsx', true)
      expect(error.details?.['reason']).toBe('beyond-grid')
      expect(error.message).toContain(said)
    }
    // Markup the columnar reader leaves to SheetJS (CDATA) before the far cell: refused all the same.
    const cdata = `${TWO_ROWS}<row r="4"><c r="A4" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row><row r="5"><c r="ZZZZZZ5"><v>1</v></c></row>`
    expect(refusal(minimalXlsx({ rowsXml: cdata }), 'cdata.xlsx', true).details?.['reason']).toBe('beyond-grid')
    // Outside the rows (merges, validations) nothing is left to the reader.
    const merge = '<mergeCells count="1"><mergeCell ref="A2:A2000000000"/></mergeCells>'
    expect(refusal(minimalXlsx({ afterData: merge }), 'merge.xlsx', true).details?.['reason']).toBe('beyond-grid')
    const dimension = minimalXlsx({ rowsXml: TWO_ROWS })
    expect(readTable(dimension, 'fine.xlsx', { columnar: true }, () => undefined).rowCount).toBe(2)
  })

  it("takes a cell at the grid's last column and row as a cell (here one without a header)", () => {
    const error = refusal(xlsxWithFarCell('XFD1048576'), 'edge.xlsx')
    expect(error.details?.['reason']).not.toBe('beyond-grid')
    expect(error.message).toContain('row 1048576')
    expect(error.message).toContain('column XFD')
  })

  it('refuses an ODS with 300 million repeated empty cells before a value, before expanding them', () => {
    const error = refusal(odsWithRepeatedEmptyCells(300_000_000), 'repeats.ods')
    expect(error.message).toContain('repeats.ods')
    expect(error.message).toContain('column 300,000,001')
    expect(error.details?.['reason']).toBe('beyond-grid')
  })

  it('refuses the same ODS written with another namespace prefix (SheetJS ignores prefixes)', () => {
    const entries = readZip(odsWithRepeatedEmptyCells(300_000_000))
    const content = entries.find((e) => e.name === 'content.xml')!
    content.data = new TextEncoder().encode(
      Buffer.from(content.data)
        .toString('utf8')
        .replace(/\btable:/g, 't:')
        .replace(/\boffice:value-type/g, 'o:value-type')
    )
    expect(refusal(writeZip(entries), 'prefix.ods').details?.['reason']).toBe('beyond-grid')
  })

  it('refuses an ODS whose value lies past 2 billion repeated empty rows', () => {
    expect(refusal(odsWithRepeatedEmptyRows(2_000_000_000), 'rows.ods').message).toContain('A2000000003')
  })

  it('reads an ODS padded the way LibreOffice pads it (empty repeats up to the grid edge)', () => {
    expect(headersOf(odsWithRepeatedEmptyRows(1000), 'padded.ods').headers).toEqual(['Account', 'Employees'])
  })

  it('walks only the cells that exist: one far cell inside the grid costs nothing', () => {
    const wb = utils.book_new()
    const sheet = utils.aoa_to_sheet([
      ['Account', 'Employees'],
      ['Acme', 10]
    ])
    sheet['A1048000'] = { t: 's', v: 'last' }
    sheet['!ref'] = 'A1:B1048000'
    utils.book_append_sheet(wb, sheet, 'Data')
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const started = performance.now()
    const { rows } = headersOf(bytes, 'sparse.xlsx')
    expect(rows[0]).toEqual(['Acme', '10'])
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('the reading process', () => {
  const request = (bytes: Uint8Array, fileName: string) => ({ bytes, fileName, missingTokens: [], knownOutcomes: [] })

  it('reads a file in a child process and hands back its columns', async () => {
    const staged = await runReadWorker(request(minimalXlsx(), 'small.xlsx'), () => undefined).result
    expect(staged.profiles.map((p) => p.name)).toEqual(['Account', 'Employees'])
    expect(staged.columns[0]!.codes).toBeInstanceOf(Uint32Array)
  })

  it('reads a file by its path and hands back the same columns as from its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-reader-'))
    try {
      const lines = ['Account,Employees,Note', ...Array.from({ length: 3000 }, (_, i) => `Acme ${i % 70},${i},"résumé ""${i}"", ok"`)]
      const bytes = new TextEncoder().encode(lines.join('\r\n'))
      const path = join(dir, 'accounts.csv')
      writeFileSync(path, bytes)
      const byPath = await runReadWorker({ path, fileName: 'accounts.csv', missingTokens: [], knownOutcomes: [] }, () => undefined).result
      const byBytes = await runReadWorker(request(bytes, 'accounts.csv'), () => undefined).result
      expect(byPath.columns).toEqual(byBytes.columns)
      expect(byPath.profiles).toEqual(byBytes.profiles)
      expect(byPath.columns[2]!.dictionary[5]).toBe('résumé "5", ok')
      const missing = await runReadWorker(
        { path: join(dir, 'gone.csv'), fileName: 'gone.csv', missingTokens: [], knownOutcomes: [] },
        () => undefined
      ).result.then(
        () => null,
        (e: unknown) => e
      )
      expect(missing).toMatchObject({ code: 'NOT_FOUND' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('turns the reader running out of memory into BAD_INPUT about the file, and this process goes on', async () => {
    // 2 million distinct values in a reader given 48 MB of heap: the child dies, as a hostile
    // file would make it die; only the error says so.
    const lines = ['Account,Employees']
    for (let i = 0; i < 2_000_000; i++) lines.push(`Account number ${i} with a long name,${i}`)
    const bytes = new TextEncoder().encode(lines.join('\n'))
    const error = await runReadWorker(request(bytes, 'huge.csv'), () => undefined, 48).result.then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('BAD_INPUT')
    expect((error as AppError).message).toMatch(/^huge\.csv could not be read: it needs more memory/)
    expect((error as AppError).details?.['reason']).toBe('out-of-memory')
  }, 60_000)

  it("keeps library warnings off this process's terminal", async () => {
    const written: string[] = []
    const original = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    }) as typeof process.stderr.write
    try {
      // SheetJS prints "Missing Info for XLS Record" a dozen times, then gives up.
      const error = await runReadWorker(request(xlsWithUnknownRecords(), 'odd.xls'), () => undefined).result.then(
        () => null,
        (e: unknown) => e
      )
      expect((error as AppError).code).toBe('BAD_INPUT')
      expect((error as AppError).message).toMatch(/^odd\.xls is damaged or incomplete/)
    } finally {
      process.stderr.write = original
    }
    expect(written.join('')).not.toContain('Missing Info')
  })
})

describe('valid packages laid out another way, and password-protected ODS', () => {
  it('reads a minimal XLSX package (content types, relationships, workbook, one sheet; no styles or shared strings)', () => {
    expect(headersOf(minimalXlsx(), 'minimal.xlsx').rows).toEqual([
      ['Acme', '120'],
      ['Globex', '45']
    ])
  })

  it.each([
    ['book.xml', 'sheets/s1.xml'],
    ['wb/Book.xml', 'wb/data.xml'],
    ['xl/workbook2.xml', 'xl/ws/one.xml']
  ])('finds the workbook part %s through the package, not by its name', (workbookPart, sheetPart) => {
    const { headers, rows } = headersOf(minimalXlsx({ workbookPart, sheetPart }), 'unusual.xlsx')
    expect(headers).toEqual(['Account', 'Employees'])
    expect(rows).toHaveLength(2)
  })

  it('reads a minimal ODS (mimetype, manifest, content, styles)', () => {
    expect(headersOf(minimalOds(), 'fine.ods').headers).toEqual(['Account', 'Employees'])
  })

  it('still calls a zip whose package names no workbook a zip archive', () => {
    const zip = writeZip([{ name: 'notes/readme.txt', data: new TextEncoder().encode('hello') }])
    expect(refusal(zip, 'archive.xlsx').message).toContain('is a zip archive, not a spreadsheet')
  })

  it("calls a password-protected ODS password-protected, in LibreOffice's terms", () => {
    const error = refusal(passwordProtectedOds(), 'secret.ods')
    expect(error.message).toContain('secret.ods is password-protected')
    expect(error.message).toContain('LibreOffice')
    expect(error.details?.['reason']).toBe('encrypted')
  })
})
