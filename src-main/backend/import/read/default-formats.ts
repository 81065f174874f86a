/**
 * Completes an .xlsx/.xlsm's styles before SheetJS reads it: a cell style that uses a built-in
 * format id SheetJS's table lacks (Excel's Accounting format, 44, is written that way) made
 * SheetJS drop the whole sheet without a word, and the import said the sheet was empty. The
 * missing formats are written into a copy of the styles part as Excel shows them, so SheetJS
 * reads the workbook as the stream reader does (xlsx-package.ts). A workbook that needs nothing
 * is passed through untouched; only the rare one that does pays for a rewritten zip.
 */
import { Buffer } from 'node:buffer'
import { sheetjs } from '../../sheetjs'
import { inflateEntry, readZipDirectory, ZipDamaged, ZipTooLarge } from './zip-directory'
import { undefinedFormats } from './xlsx-package'

const STYLES_PART = /(^|\/)styles\.xml$/i
const STYLE_SHEET_OPEN = /<(?:(\w+):)?styleSheet\b[^<>]*>/
const NUM_FMTS_OPEN = /<(?:\w+:)?numFmts\b[^<>]*?(\/?)>/

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The styles XML with `formats` added as numFmt elements, or null if it has no place for them. */
export function withFormats(xml: string, formats: ReadonlyArray<[number, string]>): string | null {
  const open = STYLE_SHEET_OPEN.exec(xml)
  if (open === null) return null
  const prefix = open[1] === undefined ? '' : `${open[1]}:`
  const tags = formats.map(([id, code]) => `<${prefix}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`).join('')
  const existing = NUM_FMTS_OPEN.exec(xml)
  if (existing !== null) {
    const at = existing.index + existing[0].length
    // An empty <numFmts/> becomes an element that holds them.
    if (existing[1] === '/') return `${xml.slice(0, existing.index)}<${prefix}numFmts>${tags}</${prefix}numFmts>${xml.slice(at)}`
    return xml.slice(0, at) + tags + xml.slice(at)
  }
  const at = open.index + open[0].length
  return `${xml.slice(0, at)}<${prefix}numFmts count="${formats.length}">${tags}</${prefix}numFmts>${xml.slice(at)}`
}

/** The workbook's bytes, or a copy whose styles define every format its cells use. */
export function withDefaultFormats(bytes: Uint8Array): Uint8Array {
  let patches: Array<[string, string]>
  try {
    patches = []
    for (const entry of readZipDirectory(bytes)) {
      if (!STYLES_PART.test(entry.name)) continue
      const data = inflateEntry(bytes, entry)
      const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      const missing = undefinedFormats(xml)
      if (missing.length === 0) continue
      const patched = withFormats(xml.toString('utf8'), missing)
      if (patched !== null) patches.push([entry.name, patched])
    }
  } catch (error) {
    // Not a zip (an .xls), or one the checks before this have already judged: SheetJS reads it as it is.
    if (error instanceof ZipDamaged || error instanceof ZipTooLarge) return bytes
    throw error
  }
  if (patches.length === 0) return bytes
  const { CFB } = sheetjs()
  const container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' })
  for (const [name, xml] of patches) {
    const entry = CFB.find(container, `/${name}`)
    if (entry === null) return bytes
    const content = Buffer.from(xml, 'utf8')
    entry.content = content
    entry.size = content.length
  }
  return CFB.write(container, { type: 'buffer', fileType: 'zip' }) as Buffer
}
