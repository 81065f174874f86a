/**
 * Decides what a file really is from its bytes, then holds that against its extension. Clients
 * rename files freely ("report.xls" that is HTML, "export.csv" that is a zip), so the content
 * decides and the extension only produces a helpful message when the two disagree.
 */
import { AppError } from '../../app-error'
import { MAX_ODS_CELLS, odsCells } from './ods-guard'
import { BeyondGrid } from './sheet-grid'
import { readOleDirectory, OleDamaged } from './ole-directory'
import { findWorkbookPart } from './ooxml-package'
import { looksLikeText } from './text-encoding'
import type { FileFormat } from './types'
import { beyondGrid, damagedWorkbook, decompressionBomb, passwordProtected } from './workbook-errors'
import { checkDeclaredSizes, inflateEntry, readZipDirectory, ZipDamaged, ZipTooLarge, type ZipEntry } from './zip-directory'

export type WorkbookFormat = Exclude<FileFormat, 'csv'>

export type Detected =
  { kind: 'workbook'; format: WorkbookFormat; zip: ZipEntry[] | null; warning: string | null } | { kind: 'text'; warning: null }

const TEXT_EXTENSIONS = ['csv', 'tsv', 'txt']

/** Whether a file of this name is read as delimited text (any other supported one must be a workbook). */
export function isTextFileName(fileName: string): boolean {
  return TEXT_EXTENSIONS.includes(extensionOf(fileName))
}
const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xlsb', 'xls', 'ods']
export const SUPPORTED_EXTENSIONS = [...WORKBOOK_EXTENSIONS, ...TEXT_EXTENSIONS]

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet'
const MAX_ODS_XML = 256 * 1024 * 1024

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v)
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, Math.min(to, b.length)))
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

function notSpreadsheet(fileName: string, what: string): AppError {
  return new AppError(
    'BAD_INPUT',
    `${fileName} is ${what}, not a spreadsheet or CSV file; export the data as .xlsx or .csv and import that.`,
    {
      file: fileName,
      reason: what
    }
  )
}

/** Binary formats people drop by mistake, named so the message says what the file is. */
function knownBinary(b: Uint8Array): string | null {
  if (ascii(b, 0, 5) === '%PDF-') return 'a PDF document'
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image'
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'a JPEG image'
  if (ascii(b, 0, 4) === 'GIF8') return 'a GIF image'
  if (startsWith(b, [0x1f, 0x8b])) return 'a gzip archive'
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive'
  if (ascii(b, 0, 4) === 'Rar!') return 'a RAR archive'
  if (ascii(b, 0, 5) === '{\\rtf') return 'an RTF document'
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF image'
  // "MZ" alone could start a company name; a real program header has NUL bytes right after.
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || (ascii(b, 0, 2) === 'MZ' && b.subarray(0, 64).includes(0))) return 'a program'
  if (ascii(b, 4, 8) === 'ftyp') return 'a video or image file'
  return null
}

/** HTML or XML saved under a spreadsheet name: old CRMs export "Excel" files this way. */
function markupKind(b: Uint8Array): string | null {
  let start = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (start < b.length && (b[start] === 0x20 || b[start] === 0x0a || b[start] === 0x0d || b[start] === 0x09)) start++
  if (b[start] !== 0x3c) return null
  const head = ascii(b, start, start + 2048).toLowerCase()
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'an Excel 2003 XML spreadsheet'
  if (head.startsWith('<!doctype html') || head.includes('<html') || head.includes('<table')) return 'a web page (HTML)'
  if (head.startsWith('<?xml')) return 'an XML file'
  return null
}

function zipFormat(fileName: string, b: Uint8Array, entries: ZipEntry[]): WorkbookFormat {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e] as const))
  if (entries.some((e) => e.encrypted)) throw passwordProtected(fileName)
  const read = (name: string): string => {
    const e = byName.get(name)
    return e === undefined ? '' : new TextDecoder('utf-8').decode(inflateEntry(b, e))
  }
  const workbook = findWorkbookPart(read, (name) => byName.has(name.toLowerCase()))
  if (workbook !== null) return workbook.binary ? 'xlsb' : workbook.macroEnabled ? 'xlsm' : 'xlsx'
  const mime = read('mimetype').trim()
  if (mime.startsWith(ODS_MIME) && byName.has('content.xml')) {
    // ODF encrypts the parts themselves, not the zip: only the manifest says so.
    if (/<manifest:encryption-data\b/.test(read('meta-inf/manifest.xml'))) throw passwordProtected(fileName)
    // SheetJS reads content.xml as one string; past this size that string cannot exist.
    if ((byName.get('content.xml')?.uncompressedSize ?? 0) > MAX_ODS_XML)
      throw new ZipTooLarge('its content.xml would unpack to more than 256 MB')
    const { cells, beyondGrid } = odsCells(read('content.xml'))
    if (beyondGrid !== null) throw new BeyondGrid({ reference: beyondGrid, part: 'content.xml' })
    if (cells > MAX_ODS_CELLS)
      throw new ZipTooLarge(`its repeated cells would expand to more than ${MAX_ODS_CELLS.toLocaleString('en-US')} cells`)
    return 'ods'
  }
  if (mime.startsWith('application/vnd.oasis.opendocument.'))
    throw notSpreadsheet(fileName, 'an OpenDocument file that is not a spreadsheet')
  if (byName.has('word/document.xml')) throw notSpreadsheet(fileName, 'a Word document')
  if (byName.has('ppt/presentation.xml')) throw notSpreadsheet(fileName, 'a PowerPoint presentation')
  throw notSpreadsheet(fileName, 'a zip archive')
}

function oleFormat(fileName: string, b: Uint8Array): WorkbookFormat {
  const names = new Set(readOleDirectory(b).names.map((n) => n.toLowerCase()))
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) throw passwordProtected(fileName)
  if (names.has('workbook') || names.has('book')) return 'xls'
  if (names.has('worddocument')) throw notSpreadsheet(fileName, 'a Word document')
  if (names.has('powerpoint document')) throw notSpreadsheet(fileName, 'a PowerPoint presentation')
  throw notSpreadsheet(fileName, 'an Office file without a workbook in it')
}

function describe(format: WorkbookFormat): string {
  return format === 'ods' ? 'an OpenDocument spreadsheet (.ods)' : `an Excel workbook (.${format})`
}

export function detectFormat(fileName: string, b: Uint8Array): Detected {
  const ext = extensionOf(fileName)
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    const shown = ext === '' ? 'has no file extension' : `has an unsupported file type (.${ext})`
    throw new AppError('BAD_INPUT', `${fileName} ${shown}; supported files are ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`, {
      file: fileName,
      extension: ext
    })
  }
  if (b.length === 0) throw new AppError('BAD_INPUT', `${fileName} is empty (0 bytes).`, { file: fileName })
  let format: WorkbookFormat | null = null
  let zip: ZipEntry[] | null = null
  try {
    if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
      zip = readZipDirectory(b)
      checkDeclaredSizes(zip)
      format = zipFormat(fileName, b, zip)
    } else if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      format = oleFormat(fileName, b)
    }
  } catch (error) {
    if (error instanceof ZipTooLarge) throw decompressionBomb(fileName, error.message)
    if (error instanceof BeyondGrid) throw beyondGrid(fileName, error.found.reference, error.found.part)
    if (error instanceof ZipDamaged || error instanceof OleDamaged) throw damagedWorkbook(fileName, error.message)
    throw error
  }
  if (format !== null) {
    if (TEXT_EXTENSIONS.includes(ext)) {
      throw new AppError(
        'BAD_INPUT',
        `${fileName} is not a CSV text file: it is ${describe(format)}. Rename it to .${format} or export it again.`,
        {
          file: fileName,
          actual: format
        }
      )
    }
    const warning = ext === format ? null : `${fileName} is really ${describe(format)}; it was read as one.`
    return { kind: 'workbook', format, zip, warning }
  }
  const binary = knownBinary(b) ?? markupKind(b)
  if (binary !== null) throw notSpreadsheet(fileName, binary)
  const text = looksLikeText(b)
  if (WORKBOOK_EXTENSIONS.includes(ext) && !text) throw damagedWorkbook(fileName, 'it is neither a zip nor an OLE container')
  if (!text) throw notSpreadsheet(fileName, 'a binary file of an unknown kind')
  if (WORKBOOK_EXTENSIONS.includes(ext)) {
    const expected = ext === 'ods' ? 'an OpenDocument spreadsheet' : 'an Excel workbook'
    throw new AppError(
      'BAD_INPUT',
      `${fileName} is not ${expected}: it looks like a CSV text file. Rename it to .csv or export it again.`,
      {
        file: fileName,
        actual: 'csv'
      }
    )
  }
  return { kind: 'text', warning: null }
}
