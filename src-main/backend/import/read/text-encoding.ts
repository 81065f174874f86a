/**
 * Which encoding a text export is in, and decoding it in chunks. Chunks keep a 500 MB file from
 * ever becoming one string (V8 caps strings at about 512 million characters) and let the CSV
 * parser report progress as it goes.
 */
import { Buffer, isUtf8 } from 'node:buffer'

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252'

export interface TextChunk {
  text: string
  /** Byte offset just past this chunk. */
  end: number
  final: boolean
}

const SAMPLE = 8192
export const DEFAULT_CHUNK_BYTES = 1024 * 1024

/** Windows-1252's printable characters at 0x80-0x9F; the five undefined bytes keep their code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
].map((code) => String.fromCharCode(code))

/** UTF-16 without a byte-order mark shows up as ASCII with every other byte NUL. */
function utf16Pattern(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, SAMPLE) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++
    if (b[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le'
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be'
  return null
}

/**
 * UTF-32 without a byte-order mark: every character is four bytes, and for the text of a CRM
 * export (all below U+10000) two of them are always NUL. Checked before UTF-16, whose pattern
 * UTF-32 would otherwise half match, leaving rows of NUL-separated characters.
 */
function utf32Pattern(b: Uint8Array): 'utf-32le' | 'utf-32be' | null {
  const n = Math.min(b.length, SAMPLE) & ~3
  if (n < 8) return null
  let le = 0
  let be = 0
  for (let i = 0; i < n; i += 4) {
    if (b[i + 2] === 0 && b[i + 3] === 0 && (b[i] !== 0 || b[i + 1] !== 0)) le++
    if (b[i] === 0 && b[i + 1] === 0 && (b[i + 2] !== 0 || b[i + 3] !== 0)) be++
  }
  const quads = n / 4
  if (le > quads * 0.9) return 'utf-32le'
  if (be > quads * 0.9) return 'utf-32be'
  return null
}

function bomOf(b: Uint8Array): TextEncodingName | null {
  // Before UTF-16LE: FF FE 00 00 starts with UTF-16LE's mark.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le'
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be'
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  return null
}

/** True for text in any encoding we read; false for binary data (NULs, control characters). */
export function looksLikeText(b: Uint8Array): boolean {
  if (bomOf(b) !== null || utf32Pattern(b) !== null || utf16Pattern(b) !== null) return true
  const n = Math.min(b.length, SAMPLE)
  let control = 0
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0
    if (c === 0) return false
    // Tab, LF, FF, CR and the DOS end-of-file mark turn up in real text exports.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 0x1a) control++
  }
  return control <= n / 100
}

/**
 * Multi-byte UTF-8 sequences versus bytes that cannot be UTF-8. A sequence cut off by the end
 * of the file is neither: it is what a truncated UTF-8 file ends with.
 */
function utf8Evidence(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  const n = b.length
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0
    if (c < 0x80) continue
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= b.length
    for (let k = 1; ok && k < len; k++) ok = ((b[i + k] ?? 0) & 0xc0) === 0x80
    if (ok) {
      valid++
      i += len - 1
    } else if (len === 0 || i + len <= n) {
      invalid++
    }
  }
  return { valid, invalid }
}

export interface DetectedEncoding {
  name: TextEncodingName
  /** UTF-8 with a few broken bytes (a cut-off file, one pasted Latin-1 value): decoded as UTF-8. */
  brokenBytes: number
  /** The file's UTF-8 mark was wrong: its text is Windows-1252 and was read as that. */
  markOverruled: boolean
}

/** Whether bytes that are not UTF-8 are mostly so (a single-byte encoding) rather than a few broken ones. */
function mostlyNotUtf8(b: Uint8Array): { singleByte: boolean; invalid: number } {
  const { valid, invalid } = utf8Evidence(b)
  return { singleByte: valid < 10 * invalid, invalid }
}

/**
 * BOM, then the UTF-16 NUL pattern, then UTF-8 validity. Text that is not valid UTF-8 is
 * Windows-1252, unless it is overwhelmingly UTF-8 with a few bad bytes: decoding that as
 * Windows-1252 would garble every accented letter to fix a handful.
 */
export function detectEncoding(b: Uint8Array): DetectedEncoding {
  const marked = bomOf(b) ?? utf32Pattern(b) ?? utf16Pattern(b)
  if (marked === 'utf-8-bom') {
    // A UTF-8 mark is a claim: tools add it to old Latin-1 exports, and decoding those as UTF-8
    // would turn every accented letter into "�" without a word.
    const body = b.subarray(3)
    if (isUtf8(body)) return { name: marked, brokenBytes: 0, markOverruled: false }
    const { singleByte, invalid } = mostlyNotUtf8(body)
    return singleByte
      ? { name: 'windows-1252', brokenBytes: 0, markOverruled: true }
      : { name: marked, brokenBytes: Math.max(1, invalid), markOverruled: false }
  }
  if (marked !== null) return { name: marked, brokenBytes: 0, markOverruled: false }
  if (isUtf8(b)) return { name: 'utf-8', brokenBytes: 0, markOverruled: false }
  const { singleByte, invalid } = mostlyNotUtf8(b)
  if (!singleByte) return { name: 'utf-8', brokenBytes: Math.max(1, invalid), markOverruled: false }
  return { name: 'windows-1252', brokenBytes: 0, markOverruled: false }
}

export function bomLength(encoding: TextEncodingName, b: Uint8Array): number {
  const mark = bomOf(b)
  if (encoding === 'utf-8-bom' || (encoding === 'windows-1252' && mark === 'utf-8-bom')) return 3
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return mark === encoding ? 4 : 0
  return mark === encoding ? 2 : 0
}

/** UTF-32 code units to text; values that are no character (surrogates, past U+10FFFF) become U+FFFD. */
function decodeUtf32(b: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.length - (b.length % 4))
  const parts: string[] = []
  const batch: number[] = []
  for (let at = 0; at < view.byteLength; at += 4) {
    const point = view.getUint32(at, !bigEndian)
    batch.push(point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) ? 0xfffd : point)
    if (batch.length === 8192) {
      parts.push(String.fromCodePoint(...batch))
      batch.length = 0
    }
  }
  if (batch.length > 0) parts.push(String.fromCodePoint(...batch))
  return parts.join('')
}

/**
 * Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 control codes
 * (nodejs/node#56542), which would turn curly quotes and the euro sign into garbage.
 */
function decodeWindows1252(b: Uint8Array): string {
  const latin1 = Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1')
  return latin1.replace(/[\x80-\x9f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch)
}

/** Moves a chunk end back to the start of a UTF-8 character, so every chunk decodes on its own. */
function utf8Boundary(b: Uint8Array, end: number, min: number): number {
  let at = end
  while (at > min && at < b.length && ((b[at] ?? 0) & 0xc0) === 0x80) at--
  return at
}

/**
 * Decodes bytes after the byte-order mark in chunks of about chunkBytes. UTF-8 and UTF-16LE go
 * through Buffer.toString, several times faster than a streaming TextDecoder; a surrogate pair
 * split between two UTF-16 chunks is rejoined by the parser, which carries the unfinished field.
 */
export function* decodeChunks(b: Uint8Array, encoding: TextEncodingName, chunkBytes = DEFAULT_CHUNK_BYTES): Generator<TextChunk> {
  const start = bomLength(encoding, b)
  const buffer = Buffer.from(b.buffer, b.byteOffset, b.length)
  const be = encoding === 'utf-16be' ? new TextDecoder('utf-16be', { ignoreBOM: true }) : null
  // Chunks sized in whole code units (4 bytes covers UTF-16 and UTF-32).
  const step = Math.max(4, chunkBytes & ~3)
  if (start >= b.length) {
    yield { text: '', end: b.length, final: true }
    return
  }
  let at = start
  while (at < b.length) {
    let end = Math.min(b.length, at + step)
    if (encoding === 'utf-8' || encoding === 'utf-8-bom') end = utf8Boundary(b, end, at + 1)
    const final = end === b.length
    let text: string
    if (encoding === 'windows-1252') text = decodeWindows1252(b.subarray(at, end))
    else if (encoding === 'utf-32le' || encoding === 'utf-32be') text = decodeUtf32(b.subarray(at, end), encoding === 'utf-32be')
    else if (be !== null) text = be.decode(b.subarray(at, end), { stream: !final })
    else text = buffer.toString(encoding === 'utf-16le' ? 'utf16le' : 'utf8', at, end)
    yield { text, end, final }
    at = end
  }
}

/** The first maxBytes decoded, for sniffing; `whole` when that is the entire file. */
export function decodeSample(b: Uint8Array, encoding: TextEncodingName, maxBytes = 1024 * 1024): { text: string; whole: boolean } {
  const first = decodeChunks(b, encoding, maxBytes).next()
  return first.done === true ? { text: '', whole: true } : { text: first.value.text, whole: first.value.final }
}
