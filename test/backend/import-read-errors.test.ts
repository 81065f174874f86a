import { CFB, utils, write } from 'xlsx'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { generateCrm, writeCsv, writeWorkbook } from '../../scripts/crm-generator/index'
import { AppError } from '../../src-main/backend/app-error'
import { readTable, type ReadOptions } from '../../src-main/backend/import/read'

const crm = generateCrm({ seed: 8, accounts: 60, mess: 'typical', flavor: 'workbook' })
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** The AppError readTable throws for these bytes; every bad file must be BAD_INPUT. */
function failure(bytes: Uint8Array, name: string, options: ReadOptions = {}): AppError {
  try {
    readTable(bytes, name, options, () => undefined)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    const appError = error as AppError
    expect(appError.code).toBe('BAD_INPUT')
    return appError
  }
  throw new Error(`expected ${name} to be refused`)
}

const message = (bytes: Uint8Array, name: string, options: ReadOptions = {}): string => failure(bytes, name, options).message

function book(rows: unknown[][], bookType: 'xlsx' | 'xls' = 'xlsx', name = 'Accounts'): Uint8Array {
  const wb = utils.book_new()
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), name)
  return new Uint8Array(write(wb, { type: 'array', bookType }) as ArrayBuffer)
}

/** A minimal zip writer (deflate via zlib), for archives shaped the way an attacker would. */
function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [path, data] of Object.entries(files)) {
    const name = Buffer.from(path)
    const packed = deflateRawSync(data, { level: 9 })
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(8, 10)
    dir.writeUInt32LE(packed.length, 20)
    dir.writeUInt32LE(data.length, 24)
    dir.writeUInt16LE(name.length, 28)
    dir.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    central.push(dir, name)
    offset += 30 + name.length + packed.length
  }
  const size = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(central.length / 2, 8)
  end.writeUInt16LE(central.length / 2, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, ...central, end]))
}

/** Offset of the central-directory record of `name` (signature PK\x01\x02). */
function centralEntry(bytes: Uint8Array, name: string): number {
  const text = Buffer.from(bytes).toString('latin1')
  // The directory follows the data, so the last mention of the name is its directory record.
  const entry = text.lastIndexOf('PK\x01\x02', text.lastIndexOf(name))
  expect(entry).toBeGreaterThan(0)
  return entry
}

describe('readTable refuses bad files with one sentence that says where', () => {
  it('names file, sheet, row and column for a row with more cells than the header', () => {
    const header = Array.from({ length: 17 }, (_, i) => `Field ${i + 1}`)
    const row = (i: number): unknown[] => header.map((_, c) => `r${i}c${c}`)
    const rows: unknown[][] = [header, ...Array.from({ length: 12 }, (_, i) => row(i + 2))]
    rows.push([...row(14), 'Notes 2', 'more'])
    const error = failure(book(rows), 'accounts.xlsx')
    expect(error.message).toBe(
      'accounts.xlsx, sheet "Accounts", row 14: the row has 19 cells but the header has 17 columns (column R "Notes 2" has no header).'
    )
    expect(error.details).toMatchObject({ file: 'accounts.xlsx', sheet: 'Accounts', row: 14, column: 'R', columnIndex: 18 })
    expect(message(utf8('Name,Stage\nAcme,Won\nGlobex,Lost,,oops\n'), 'deals.csv')).toBe(
      'deals.csv, row 3: the row has 4 cells but the header has 2 columns (column D "oops" has no header).'
    )
  })

  it('names the row where an unclosed quote opens', () => {
    const text = 'Name,Notes\nAcme,fine\nGlobex,"multi\nline"\nInitech,"never closed\nHooli,x\n'
    expect(message(utf8(text), 'notes.csv')).toBe(
      'notes.csv, row 4 (line 5): a quoted value starts in this row but its closing quote is missing, so the rest of the file would run into one cell; check for a stray " character.'
    )
  })

  it('refuses unsupported extensions and content that does not match the extension', () => {
    const xlsx = writeWorkbook([{ name: 'Accounts', table: crm.accounts }])
    const csv = writeCsv(generateCrm({ seed: 8, accounts: 20, mess: 'none' }).accounts)
    expect(message(csv, 'report.docx')).toBe(
      'report.docx has an unsupported file type (.docx); supported files are .xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv, .txt.'
    )
    expect(message(csv, 'export')).toMatch(/^export has no file extension; supported files are \.xlsx/)
    expect(message(csv, 'X.xlsx')).toBe(
      'X.xlsx is not an Excel workbook: it looks like a CSV text file. Rename it to .csv or export it again.'
    )
    expect(message(csv, 'X.ods')).toBe(
      'X.ods is not an OpenDocument spreadsheet: it looks like a CSV text file. Rename it to .csv or export it again.'
    )
    expect(message(xlsx, 'accounts.csv')).toBe(
      'accounts.csv is not a CSV text file: it is an Excel workbook (.xlsx). Rename it to .xlsx or export it again.'
    )
    expect(message(utf8('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'report.xls')).toBe(
      'report.xls is a web page (HTML), not a spreadsheet or CSV file; export the data as .xlsx or .csv and import that.'
    )
  })

  it('refuses PDFs, images, other binaries and empty files', () => {
    expect(message(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'accounts.csv')).toBe(
      'accounts.csv is a PDF document, not a spreadsheet or CSV file; export the data as .xlsx or .csv and import that.'
    )
    expect(message(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'logo.xlsx')).toMatch(
      /^logo\.xlsx is a PNG image, not/
    )
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)
    expect(message(noise, 'data.csv')).toBe(
      'data.csv is a binary file of an unknown kind, not a spreadsheet or CSV file; export the data as .xlsx or .csv and import that.'
    )
    expect(message(noise, 'data.xlsx')).toBe(
      'data.xlsx is damaged or incomplete (could not be read as an Excel workbook: it is neither a zip nor an OLE container).'
    )
    expect(message(new Uint8Array(0), 'empty.csv')).toBe('empty.csv is empty (0 bytes).')
    expect(message(utf8('\r\n  \r\n'), 'blank.csv')).toBe('blank.csv has no data (it holds only blank lines or spaces).')
  })

  it('refuses password-protected workbooks', () => {
    const container = CFB.utils.cfb_new()
    CFB.utils.cfb_add(container, 'EncryptionInfo', new Uint8Array(200))
    CFB.utils.cfb_add(container, 'EncryptedPackage', new Uint8Array(5000))
    const bytes = new Uint8Array(CFB.write(container, { type: 'array' }) as ArrayLike<number>)
    expect(message(bytes, 'secret.xlsx')).toBe(
      'secret.xlsx is password-protected; remove the password in Excel (File > Info > Protect Workbook) and export again.'
    )
  })

  it('refuses truncated and corrupt workbooks', () => {
    const xlsx = writeWorkbook([{ name: 'Accounts', table: crm.accounts }])
    expect(message(xlsx.slice(0, Math.floor(xlsx.length / 2)), 'cut.xlsx')).toBe(
      'cut.xlsx is damaged or incomplete (could not be read as an Excel workbook: the zip directory at the end of the file is missing, so the file was probably cut short).'
    )
    const flipped = xlsx.slice()
    for (let i = 2000; i < 2400; i++) flipped[i] = (flipped[i] ?? 0) ^ 0x5a
    expect(message(flipped, 'flipped.xlsx')).toMatch(
      /^flipped\.xlsx is damaged or incomplete \(could not be read as an Excel workbook: ".+" (is corrupt|unpacks to)/
    )
    const xls = writeWorkbook([{ name: 'Accounts', table: crm.accounts }], { bookType: 'xls' })
    expect(message(xls.slice(0, Math.floor(xls.length * 0.6)), 'cut.xls')).toMatch(
      /^cut\.xls is damaged or incomplete \(could not be read as an Excel workbook: (the file is cut short|the "Workbook" stream is incomplete|a sector chain is broken)\)\.$/
    )
  })

  it('refuses decompression bombs from the zip directory, before inflating', () => {
    const zeros = new Uint8Array(24 * 1024 * 1024)
    const ratio = zipOf({
      '[Content_Types].xml': utf8('<Types/>'),
      'xl/workbook.xml': utf8('<workbook/>'),
      'xl/worksheets/sheet1.xml': zeros
    })
    expect(message(ratio, 'bomb.xlsx')).toBe(
      'bomb.xlsx was refused: "xl/worksheets/sheet1.xml" would unpack to more than 200 times its packed size, which no real spreadsheet does (a "zip bomb").'
    )
    // Claim 3.5 GB for one entry: refused on the declared total alone.
    const huge = writeWorkbook([{ name: 'Accounts', table: crm.accounts }])
    const entry = centralEntry(huge, 'xl/worksheets/sheet1.xml')
    new DataView(huge.buffer, huge.byteOffset).setUint32(entry + 24, 0xd0000000, true)
    expect(message(huge, 'huge.xlsx')).toBe(
      'huge.xlsx was refused: it would unpack to more than 1 GB, which no real spreadsheet does (a "zip bomb").'
    )
    // Claim less than the real size: the capped inflate catches the lie.
    const liar = ratio.slice()
    const at = centralEntry(liar, 'xl/worksheets/sheet1.xml')
    new DataView(liar.buffer, liar.byteOffset).setUint32(at + 24, 1000, true)
    expect(message(liar, 'liar.xlsx')).toBe(
      'liar.xlsx was refused: "xl/worksheets/sheet1.xml" unpacks to more than its declared size, which no real spreadsheet does (a "zip bomb").'
    )
  })

  it('refuses an ODS whose repeated cells would expand to billions', () => {
    const row =
      '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>'
    const padding =
      '<table:table-row table:number-rows-repeated="48000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    const content = `<office:document-content><office:body><office:spreadsheet><table:table table:name="S">${padding}${row}</table:table></office:spreadsheet></office:body></office:document-content>`
    const ods = zipOf({ mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': utf8(content) })
    expect(message(ods, 'grid.ods')).toBe(
      'grid.ods was refused: its repeated cells would expand to more than 50,000,000 cells, which no real spreadsheet does (a "zip bomb").'
    )
  })

  it('refuses files over the size limit before parsing', () => {
    const csv = utf8('Name,Stage\n' + 'Acme,Won\n'.repeat(300))
    expect(message(csv, 'big.csv', { maxBytes: 1024 })).toBe(
      'big.csv is 2.6 KB, more than the 1.0 KB limit for one import; filter the export to fewer rows or split it.'
    )
  })

  it('lists the sheets for an unknown sheet, and refuses empty sheets and workbooks', () => {
    const wb = utils.book_new()
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['Name', 'Stage'],
        ['Acme', 'Won']
      ]),
      'Deals'
    )
    utils.book_append_sheet(wb, utils.aoa_to_sheet([]), 'Notes')
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    expect(message(bytes, 'crm.xlsx', { sheet: 'Accounts' })).toBe(
      'crm.xlsx has no sheet named "Accounts"; its sheets are "Deals", "Notes".'
    )
    expect(message(bytes, 'crm.xlsx', { sheet: 'Notes' })).toBe('crm.xlsx: sheet "Notes" is empty.')
    expect(message(book([]), 'blank.xlsx')).toBe('blank.xlsx: sheet "Accounts" is empty.')
  })

  it('says when no header row can be found', () => {
    const numbers = Array.from({ length: 40 }, (_, i) => [i, i * 2, i * 3])
    expect(message(book(numbers, 'xls', 'Data'), 'numbers.xls')).toBe(
      'numbers.xls: no header row found in the first 30 rows of sheet "Data"; the header should be the row with the column names.'
    )
    const names = Array.from({ length: 10 }, (_, i) => [`Company ${i}`])
    expect(message(book(names, 'xlsx', 'List'), 'list.xlsx')).toBe(
      'list.xlsx: no header row found in the first 30 rows of sheet "List"; the header should be the row with the column names.'
    )
    expect(message(utf8('1,2,3\n4,5,6\n'), 'n.csv')).toBe(
      'n.csv: no header row found in the first 30 rows; the header should be the row with the column names.'
    )
    expect(message(utf8('Name,Stage\nAcme,Won\n'), 'h.csv', { headerRow: 9 })).toBe(
      'h.csv: the header row 9 is outside the file (it has 2 rows).'
    )
  })

  it('passes an error thrown by onRow through unchanged', () => {
    const boom = new Error('disk full')
    expect(() =>
      readTable(utf8('Name,Stage\nAcme,Won\n'), 'ok.csv', {}, () => {
        throw boom
      })
    ).toThrow(boom)
  })
})
