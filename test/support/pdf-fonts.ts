import { execFileSync } from 'node:child_process'
import { inflateSync } from 'node:zlib'

export interface PdfFont {
  name: string
  /** As pdffonts prints it ("CID TrueType", "Type 3", …) or the dictionary's /Subtype. */
  type: string
}

/** The fonts `pdffonts` lists, or null when poppler is not installed. */
export function pdffonts(file: string): PdfFont[] | null {
  let out: string
  try {
    out = execFileSync('pdffonts', [file], { encoding: 'utf8' })
  } catch {
    return null
  }
  // Columns are fixed-width: name (37), type (18), then encoding…
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().length > 0)
    .map((line) => ({ name: line.slice(0, 37).trim(), type: line.slice(37, 55).trim() }))
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

/**
 * The font dictionaries of a PDF read without poppler: every `/Type /Font` dictionary in the
 * file, including those inside Flate-compressed object streams, with its /Subtype and /BaseFont.
 * Enough to tell a Type 3 font from an embedded TrueType/CFF one on a machine without pdffonts.
 */
export function pdfFontDictionaries(bytes: Uint8Array): PdfFont[] {
  const texts = [latin1(bytes)]
  const file = texts[0]!
  for (const match of file.matchAll(/\/FlateDecode[^]*?>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length
    const end = file.indexOf('endstream', start)
    if (end < 0) continue
    try {
      texts.push(latin1(inflateSync(bytes.subarray(start, end))))
    } catch {
      // Image and font programs may not inflate on their own (or carry a trailing EOL); skip them.
    }
  }
  const fonts: PdfFont[] = []
  for (const text of texts) {
    for (const dict of text.matchAll(/<<((?:[^<>]|<(?!<)|>(?!>)|<<(?:[^<>]|<(?!<)|>(?!>))*>>)*)>>/g)) {
      const body = dict[1]!
      if (!/\/Type\s*\/Font\b/.test(body)) continue
      const subtype = /\/Subtype\s*\/(\w+)/.exec(body)?.[1] ?? 'unknown'
      const name = /\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(body)?.[1] ?? '[none]'
      fonts.push({ name, type: subtype })
    }
  }
  return fonts
}

/** Type 3 fonts by either reading: glyphs drawn as pictures, not text a reader can search. */
export const isType3 = (font: PdfFont): boolean => /^type\s*3$/i.test(font.type)
