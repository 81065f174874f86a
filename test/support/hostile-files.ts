/**
 * Small files that attack the reader, made on the spot (tests, the fuzz suite, the soak script):
 * a few kilobytes each, so nothing large is ever committed.
 */
import { CFB, utils, write } from 'xlsx'
import { writeZip } from './zip-entries'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

export interface XlsxParts {
  /** Zip path of the workbook part; Excel writes xl/workbook.xml, others choose freely. */
  workbookPart?: string
  /** Zip path of the one worksheet. */
  sheetPart?: string
  /** The <sheetData> rows, raw XML. */
  rowsXml?: string
  /** Raw XML after </sheetData> (merges, validations). */
  afterData?: string
}

/** Relative path from one part's folder to another part, as relationship targets are written. */
function relativeTarget(from: string, to: string): string {
  const base = from.split('/').slice(0, -1)
  const target = to.split('/')
  while (base.length > 0 && target.length > 1 && base[0] === target[0]) {
    base.shift()
    target.shift()
  }
  return [...base.map(() => '..'), ...target].join('/')
}

export const TWO_ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c><c r="B1" t="inlineStr"><is><t>Employees</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>120</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Globex</t></is></c><c r="B3"><v>45</v></c></row>'

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** A relationships part holding one relationship of `type` to `target`. */
function relationship(type: 'officeDocument' | 'worksheet', target: string): Uint8Array {
  return utf8(
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>` +
      '</Relationships>'
  )
}

/**
 * A minimal but valid XLSX package: content types, package and workbook relationships, one
 * workbook and one sheet with inline strings; no styles, no shared strings, no docProps (what
 * openpyxl and the OOXML spec accept).
 */
export function minimalXlsx(parts: XlsxParts = {}): Uint8Array {
  const workbook = parts.workbookPart ?? 'xl/workbook.xml'
  const sheet = parts.sheetPart ?? 'xl/worksheets/sheet1.xml'
  const slash = workbook.lastIndexOf('/')
  const workbookRels = `${workbook.slice(0, slash + 1)}_rels/${workbook.slice(slash + 1)}.rels`
  const head = XML_HEAD
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: utf8(
        `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          `<Override PartName="/${workbook}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/${sheet}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          '</Types>'
      )
    },
    { name: '_rels/.rels', data: relationship('officeDocument', workbook) },
    {
      name: workbook,
      data: utf8(
        `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
          '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
      )
    },
    { name: workbookRels, data: relationship('worksheet', relativeTarget(workbook, sheet)) },
    {
      name: sheet,
      data: utf8(
        `${head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.rowsXml ?? TWO_ROWS}</sheetData>${parts.afterData ?? ''}</worksheet>`
      )
    }
  ])
}

/** An XLSX whose table is fine but one more cell lies at `reference` (e.g. ZZZZZZ1, A1000000000). */
export function xlsxWithFarCell(reference: string): Uint8Array {
  const row = /\d+$/.exec(reference)?.[0] ?? '1'
  return minimalXlsx({ rowsXml: `${TWO_ROWS}<row r="${row}"><c r="${reference}"><v>1</v></c></row>` })
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet'

const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>'

function odsPackage(tableXml: string, manifestExtra = '', encryptedContent?: Uint8Array): Uint8Array {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
    `<office:body><office:spreadsheet><table:table table:name="Data">${tableXml}</table:table></office:spreadsheet></office:body></office:document-content>`
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODS_MIME}"/>` +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry>` +
    `<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry>` +
    '</manifest:manifest>'
  return writeZip([
    { name: 'mimetype', data: utf8(ODS_MIME) },
    { name: 'META-INF/manifest.xml', data: utf8(manifest) },
    { name: 'content.xml', data: encryptedContent ?? utf8(content) },
    { name: 'styles.xml', data: encryptedContent ?? utf8(STYLES) }
  ])
}

const odsText = (text: string): string => `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`
const ODS_ROWS = `<table:table-row>${odsText('Account')}${odsText('Employees')}</table:table-row><table:table-row>${odsText('Acme')}<table:table-cell office:value-type="float" office:value="120"><text:p>120</text:p></table:table-cell></table:table-row>`

/** A valid two-row ODS. */
export function minimalOds(): Uint8Array {
  return odsPackage(ODS_ROWS)
}

/** An ODS whose second data row starts with `emptyCells` repeated empty cells, then a value. */
export function odsWithRepeatedEmptyCells(emptyCells: number): Uint8Array {
  return odsPackage(
    `${ODS_ROWS}<table:table-row><table:table-cell table:number-columns-repeated="${emptyCells}"/>${odsText('far')}</table:table-row>`
  )
}

/** An ODS with `emptyRows` repeated empty rows before a last row of values. */
export function odsWithRepeatedEmptyRows(emptyRows: number): Uint8Array {
  return odsPackage(
    `${ODS_ROWS}<table:table-row table:number-rows-repeated="${emptyRows}"><table:table-cell/></table:table-row><table:table-row>${odsText('far')}</table:table-row>`
  )
}

/** An ODS saved with a password: content.xml is encrypted, as the manifest says (the zip itself is not). */
export function passwordProtectedOds(): Uint8Array {
  const encryption =
    '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
    '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>' +
    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>' +
    '</manifest:encryption-data>'
  // What AES output looks like to a reader without the key: bytes with no pattern.
  const cipher = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 251)
  return odsPackage(ODS_ROWS, encryption, cipher)
}

/** Text as UTF-32, little- or big-endian, with or without its byte-order mark. */
export function utf32(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const points = [...(bom ? '\ufeff' : ''), ...text].map((ch) => ch.codePointAt(0)!)
  const out = Buffer.alloc(points.length * 4)
  points.forEach((p, i) => (endian === 'le' ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)))
  return new Uint8Array(out)
}

/** Latin-1 bytes behind a UTF-8 byte-order mark: what a tool that "adds the BOM" does to an old export. */
export function latin1WithUtf8Bom(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'latin1')]))
}

/**
 * An XLS whose workbook stream carries a dozen records of types SheetJS does not know, right
 * after BOF: SheetJS prints "Missing Info for XLS Record" for each one to the console.
 */
export function xlsWithUnknownRecords(count = 12): Uint8Array {
  const book = utils.book_new()
  utils.book_append_sheet(
    book,
    utils.aoa_to_sheet([
      ['Account', 'Employees'],
      ['Acme', 120]
    ]),
    'Data'
  )
  const cfb = CFB.read(new Uint8Array(write(book, { type: 'array', bookType: 'xls' }) as ArrayBuffer), { type: 'array' })
  const entry = CFB.find(cfb, 'Workbook')!
  const stream = Buffer.from(entry.content as Uint8Array)
  const afterBof = 4 + stream.readUInt16LE(2)
  const unknown = Buffer.concat(Array.from({ length: count }, (_, i) => Buffer.from([i, 0x0f, 0, 0])))
  entry.content = Buffer.concat([stream.subarray(0, afterBof), unknown, stream.subarray(afterBof)])
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[])
}
