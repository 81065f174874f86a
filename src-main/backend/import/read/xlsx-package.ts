/**
 * What the streaming XLSX reader needs from a package besides the sheets' cells: the sheets in
 * workbook order with their parts, the shared strings, and which cell styles show numbers as
 * dates. Each is found the way SheetJS finds it (content types, the workbook's relationships),
 * and anything laid out otherwise is NotForStream: SheetJS then reads the file as before.
 */
import type { Buffer } from 'node:buffer'
import { NotForStream } from './not-for-stream'
import {
  builtinFormats,
  defaultFormat,
  isDateFormat,
  stringItemText,
  tagAttributes,
  tagName,
  tagsOf,
  unescapeXml,
  utf8Read
} from './sheetjs-xml-text'
import { trimCell } from './cell-string'

export interface XlsxSheetPart {
  name: string
  /** The worksheet XML. */
  xml: Buffer
}

/** How a numeric cell of a style is shown: as a number, as a date, or by a format SheetJS fails on. */
export const enum StyleKind {
  Number = 0,
  Date = 1,
  Unknown = 2
}

export interface XlsxPackage {
  sheets: XlsxSheetPart[]
  /** Cell text of each shared string (trimmed, '' where SheetJS gives no value); null without a table. */
  strings: string[] | null
  /** By cell style index; null when the workbook has no cell formats (SheetJS then formats nothing). */
  styles: Uint8Array | null
}

const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types'
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml'
])
const STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'
const WORKSHEET_RELS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet'
])
/** SheetJS renumbers format ids past this; such files are left to it. */
const MAX_FORMAT_ID = 0x188

/** An entry's bytes by its name (case-insensitive, as SheetJS looks parts up). */
export type PartLookup = (name: string) => Buffer | undefined

const binary = (b: Buffer): string => b.toString('latin1')

interface Directory {
  workbook: string
  strings: string
  styles: string
}

function contentTypes(part: PartLookup): Directory {
  const xml = part('[Content_Types].xml')
  if (xml === undefined) throw new NotForStream('no content types')
  const dir: Directory = { workbook: '', strings: '', styles: '' }
  let ns: string | undefined
  for (const tag of tagsOf(binary(xml))) {
    const name = tagName(tag)
    const a = tagAttributes(tag)
    if (name === '<Types') ns = a.get('xmlns')
    else if (name === '<Override') {
      const type = a.get('ContentType') ?? ''
      const partName = a.get('PartName') ?? ''
      if (WORKBOOK_TYPES.has(type) && dir.workbook === '') dir.workbook = partName
      if (type === STRINGS_TYPE && dir.strings === '') dir.strings = partName
      if (type === STYLES_TYPE && dir.styles === '') dir.styles = partName
    }
  }
  if (ns !== CONTENT_TYPES_NS) throw new NotForStream('content types namespace')
  return dir
}

const stripSlash = (name: string): string => (name.startsWith('/') ? name.slice(1) : name)

/** Sheets in workbook order, each with its worksheet part. */
function sheetParts(part: PartLookup, workbookName: string): XlsxSheetPart[] {
  const workbook = part(workbookName)
  if (workbook === undefined) throw new NotForStream('no workbook part')
  const wbText = binary(workbook)
  const sheets: Array<{ name: string; id: string }> = []
  for (const tag of tagsOf(wbText)) {
    const name = tagName(tag)
    const a = tagAttributes(tag)
    if (name === '<workbookPr' || name === '<workbookPr/>') {
      // The 1904 date system shifts every serial; rare enough to leave to SheetJS.
      if (a.has('date1904')) throw new NotForStream('date1904')
    } else if (name === '<sheet') {
      const raw = a.get('name')
      const id = a.get('id') ?? a.get('strRelID')
      if (raw === undefined || id === undefined) throw new NotForStream('sheet without name or id')
      sheets.push({ name: unescapeXml(utf8Read(raw)), id })
    }
  }
  if (sheets.length === 0) throw new NotForStream('no sheets')
  const cut = workbookName.lastIndexOf('/')
  const relsName = `${workbookName.slice(0, cut + 1)}_rels/${workbookName.slice(cut + 1)}.rels`
  const rels = part(relsName)
  if (rels === undefined) throw new NotForStream('no workbook relationships')
  const targets = new Map<string, { type: string; target: string }>()
  for (const tag of tagsOf(binary(rels))) {
    // SheetJS matches the tag name as written here, prefix and all.
    if (!/^<Relationship[\s/>]/.test(tag)) continue
    const a = tagAttributes(tag)
    const id = a.get('Id')
    if (id !== undefined) targets.set(id, { type: a.get('Type') ?? '', target: unescapeXml(a.get('Target') ?? '') })
  }
  return sheets.map(({ name, id }) => {
    const rel = targets.get(id)
    if (rel === undefined || !WORKSHEET_RELS.has(rel.type)) throw new NotForStream('not a worksheet')
    // SheetJS's resolution: under xl/ first, then the target as written.
    const first = `xl/${rel.target.replace(/[/]?xl\//, '')}`
    const xml = part(first) ?? part(rel.target) ?? part(`${relsName.replace(/_rels\/[\S\s]*$/, '')}${rel.target}`)
    if (xml === undefined) throw new NotForStream('worksheet part missing')
    return { name, xml }
  })
}

const SST_OPEN = /<(?:\w+:)?sst\b[^<>]*>/g
const SI_OPEN = /<(?:\w+:)?(?:si|sstItem)>/g
const SI_CLOSE = /<\/(?:\w+:)?(?:si|sstItem)>/
const PLAIN_T = '<t>'
const PRESERVED_T = '<t xml:space="preserve">'

/**
 * SheetJS's parse_sst_xml, with the common item (`<t>` text without markup, entities, escapes
 * or CR) taken straight from the bytes. Each text is finished as a cell's text is (trimmed).
 */
function sharedStrings(xml: Buffer): string[] {
  const bounds = sstBounds(xml)
  if (bounds === null) return []
  const [from, to] = bounds
  const plain = plainSharedStrings(xml, from, to)
  if (plain !== null) return plain
  const body = binary(xml.subarray(from, to))
  const items = body.replace(SI_OPEN, '').split(SI_CLOSE)
  const out = new Array<string>(items.length)
  for (let i = 0; i < items.length; i++) {
    const item = (items[i] ?? '').trim()
    out[i] = trimCell(plainItem(item) ?? stringItemText(item) ?? '')
  }
  return out
}

/** The bytes the opening tag is looked for in first: a table opens within them in any real part. */
const SST_OPEN_WITHIN = 65_536

/**
 * Where the table's items start and end: after the first SST_OPEN match and before the first
 * match of /<\/(?:\w+:)?sst>/ after it, or null without either. Found in the bytes, not in a
 * latin1 copy of the whole part (7 MB for a 100k-row export): the opening tag is matched in the
 * first bytes, and the closing one is a native search for "sst>" checked backwards.
 */
export function sstBounds(xml: Buffer): [number, number] | null {
  SST_OPEN.lastIndex = 0
  // A match within the first bytes is the first match of the whole part: one that started
  // earlier and ran past them would contain this one's "<", which a tag cannot.
  let open = SST_OPEN.exec(binary(xml.subarray(0, SST_OPEN_WITHIN)))
  if (open === null && xml.length > SST_OPEN_WITHIN) {
    SST_OPEN.lastIndex = 0
    open = SST_OPEN.exec(binary(xml))
  }
  if (open === null) return null
  const from = SST_OPEN.lastIndex
  for (let at = xml.indexOf(SST_END, from); at >= 0; at = xml.indexOf(SST_END, at + 1)) {
    const start = closingTagStart(xml, at, from)
    if (start >= 0) return [from, start]
  }
  return null
}
const SST_END = 'sst>'

/** Where `</` or `</prefix:` starts before the "sst>" at `at`, or -1. */
function closingTagStart(b: Buffer, at: number, from: number): number {
  if (at - 2 >= from && b[at - 2] === 60 && b[at - 1] === 47) return at - 2
  if (at - 1 < from || b[at - 1] !== 58) return -1
  let k = at - 2
  while (k >= from && isWordByte(b[k]!)) k--
  return k < at - 2 && k - 1 >= from && b[k] === 47 && b[k - 1] === 60 ? k - 1 : -1
}

/** \w: a letter, digit or underscore. */
function isWordByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
}

const SI = '<si>'
const SI_END = '</si>'
const T_END = '</t>'

/** ASCII white space between items, which SheetJS trims away. */
function isGap(b: number): boolean {
  return b === 32 || b === 10 || b === 13 || b === 9
}

/**
 * The table when every item is `<si>` + plain `<t>` text (as sharedStrings() would read it,
 * the empty piece after the last item included), read from the bytes without the copies of the
 * whole part that replace() and split() make; null as soon as anything else appears.
 */
function plainSharedStrings(b: Buffer, from: number, to: number): string[] | null {
  const out: string[] = []
  let p = from
  for (;;) {
    while (p < to && isGap(b[p]!)) p++
    if (p >= to) break
    if (!startsAt(b, p, SI)) return null
    p += SI.length
    let start: number
    if (startsAt(b, p, PLAIN_T)) start = p + PLAIN_T.length
    else if (startsAt(b, p, PRESERVED_T)) start = p + PRESERVED_T.length
    else return null
    let high = false
    let q = start
    for (; q < to; q++) {
      const c = b[q]!
      // < (markup), & (entities), _ (_xHHHH_ escapes), CR (CR LF folding)
      if (c === 60 || c === 38 || c === 95 || c === 13) break
      if (c >= 128) high = true
    }
    if (!startsAt(b, q, T_END) || !startsAt(b, q + T_END.length, SI_END)) return null
    out.push(trimCell(b.toString(high ? 'utf8' : 'latin1', start, q)))
    p = q + T_END.length + SI_END.length
  }
  out.push('')
  return out
}

function startsAt(b: Buffer, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word.charCodeAt(i)) return false
  return true
}

/** The text of `<t>text</t>` when nothing in it needs SheetJS's handling; null otherwise. */
function plainItem(item: string): string | null {
  const start = item.startsWith(PLAIN_T) ? PLAIN_T.length : item.startsWith(PRESERVED_T) ? PRESERVED_T.length : -1
  if (start < 0 || !item.endsWith('</t>')) return null
  const end = item.length - 4
  let high = false
  for (let i = start; i < end; i++) {
    const c = item.charCodeAt(i)
    // < (markup), & (entities), _ (_xHHHH_ escapes), CR (CR LF folding)
    if (c === 60 || c === 38 || c === 95 || c === 13) return null
    if (c >= 128) high = true
  }
  const text = item.slice(start, end)
  return high ? utf8Read(text) : text
}

const NUM_FMTS_OPEN = /<(?:\w+:)?numFmts\b[^<>]*>/g
const NUM_FMTS_CLOSE = /<\/(?:\w+:)?numFmts>/g
const XFS_OPEN = /<(?:\w+:)?cellXfs\b[^<>]*>/g
const XFS_CLOSE = /<\/(?:\w+:)?cellXfs>/g

/** SheetJS's str_match_xml_ns: the first element of that name, tags included, or null. */
function element(data: string, open: RegExp, close: RegExp): string | null {
  open.lastIndex = 0
  const m = open.exec(data)
  if (m === null) return null
  close.lastIndex = open.lastIndex
  const c = close.exec(data)
  return c === null ? null : data.slice(m.index, close.lastIndex)
}

/** Google Sheets writes this invalid format; SheetJS corrects it on load (bad_formats). */
const CORRECTED_FORMATS = new Map([['d.m', 'd\\.m']])

interface StyleFormats {
  /** SheetJS's table plus the workbook's own formats. */
  formats: Map<number, string>
  /** Each cell style's numFmtId (NaN for an empty attribute, which names no format). */
  styleIds: number[]
}

/** SheetJS's parse_numFmts + parse_cellXfs, reduced to the number format of each cell style. */
function styleFormats(xml: Buffer): StyleFormats | null {
  const data = binary(xml)
  // SheetJS strips comments and a DOCTYPE first; such files are left to it.
  if (data.includes('<!--') || data.includes('<!DOCTYPE')) throw new NotForStream('styles with comments')
  const formats = builtinFormats()
  const numFmts = element(data, NUM_FMTS_OPEN, NUM_FMTS_CLOSE)
  if (numFmts !== null) {
    for (const tag of tagsOf(numFmts)) {
      if (tagName(tag) !== '<numFmt') continue
      const a = tagAttributes(tag)
      const code = a.get('formatCode')
      if (code === undefined) throw new NotForStream('format without code')
      const f = unescapeXml(utf8Read(code))
      const id = parseInt(a.get('numFmtId') ?? '', 10)
      if (id > MAX_FORMAT_ID) throw new NotForStream('format id past the table')
      if (id > 0) formats.set(id, CORRECTED_FORMATS.get(f) ?? f)
    }
  }
  const xfs = element(data, XFS_OPEN, XFS_CLOSE)
  if (xfs === null) return null
  const styleIds: number[] = []
  for (const tag of tagsOf(xfs)) {
    const name = tagName(tag)
    if (name !== '<xf' && name !== '<xf/>' && name !== '<xf>') continue
    const raw = tagAttributes(tag).get('numFmtId')
    // SheetJS parses the attribute only when it is a non-empty string (an empty one stays a
    // string that names no format); absent means format 0.
    const id = raw === undefined ? 0 : raw === '' ? Number.NaN : parseInt(raw, 10)
    if (id > MAX_FORMAT_ID) throw new NotForStream('format id past the table')
    styleIds.push(id)
  }
  return { formats, styleIds }
}

/**
 * Whether each cell style shows numbers as dates. A style whose id neither SheetJS's table nor
 * the workbook defines (Excel writes Accounting, 44, that way) reads as the format Excel shows
 * for it, as the SheetJS path does once its styles are completed (default-formats.ts).
 */
function cellStyles(xml: Buffer): Uint8Array | null {
  const styles = styleFormats(xml)
  if (styles === null) return null
  const { formats, styleIds } = styles
  return Uint8Array.from(styleIds, (id) => {
    const format = formats.get(id) ?? (id > 0 ? defaultFormat(id, formats) : undefined)
    if (format === undefined) return StyleKind.Unknown
    return isDateFormat(format) ? StyleKind.Date : StyleKind.Number
  })
}

/**
 * The formats a styles part uses without defining them, which SheetJS's table lacks too, each
 * with the format Excel shows for it. SheetJS drops a sheet with a number in such a style
 * without a word when it reads dates (its fmt_is_date is handed undefined), so the import said
 * "sheet is empty". Empty when nothing is missing or the part is one SheetJS reads its own way.
 */
export function undefinedFormats(xml: Buffer): Array<[number, string]> {
  let styles: StyleFormats | null
  try {
    styles = styleFormats(xml)
  } catch (error) {
    if (error instanceof NotForStream) return []
    throw error
  }
  if (styles === null) return []
  const { formats, styleIds } = styles
  const missing = new Map<number, string>()
  for (const id of styleIds) {
    if (!Number.isNaN(id) && id > 0 && !formats.has(id)) missing.set(id, defaultFormat(id, formats))
  }
  return [...missing]
}

export function readXlsxPackage(part: PartLookup): XlsxPackage {
  const dir = contentTypes(part)
  const workbook = stripSlash(dir.workbook || 'xl/workbook.xml')
  if (!workbook.toLowerCase().endsWith('.xml')) throw new NotForStream('binary workbook')
  const sheets = sheetParts(part, workbook)
  let strings: string[] | null = null
  if (dir.strings !== '') {
    const xml = part(stripSlash(dir.strings))
    if (xml === undefined) throw new NotForStream('shared strings part missing')
    try {
      strings = sharedStrings(xml)
    } catch {
      // SheetJS reads on with no shared strings when their table fails to parse.
      throw new NotForStream('shared strings')
    }
  }
  let styles: Uint8Array | null = null
  if (dir.styles !== '') {
    const xml = part(stripSlash(dir.styles))
    if (xml === undefined) throw new NotForStream('styles part missing')
    styles = cellStyles(xml)
  }
  return { sheets, strings, styles }
}
