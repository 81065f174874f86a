/**
 * Text encoders for the byte encodings CRM exports arrive in.
 *
 * TextEncoder only speaks UTF-8, and Excel on Windows still saves "CSV" as Windows-1252 and
 * "Unicode Text" as UTF-16LE, so both are encoded by hand. Characters Windows-1252 cannot
 * represent become "?", exactly what Excel does on save.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252'

/** Windows-1252 bytes 0x80-0x9F and the code points they stand for (the rest is Latin-1). */
const CP1252_HIGH: readonly (readonly [number, number])[] = [
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x0192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x02c6],
  [0x89, 0x2030],
  [0x8a, 0x0160],
  [0x8b, 0x2039],
  [0x8c, 0x0152],
  [0x8e, 0x017d],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x02dc],
  [0x99, 0x2122],
  [0x9a, 0x0161],
  [0x9b, 0x203a],
  [0x9c, 0x0153],
  [0x9e, 0x017e],
  [0x9f, 0x0178]
]
const CP1252_BY_CODE = new Map(CP1252_HIGH.map(([byte, code]) => [code, byte] as const))
const CP1252_BY_BYTE = new Map(CP1252_HIGH.map(([byte, code]) => [byte, code] as const))
/** The five undefined bytes decode (per the WHATWG Encoding standard) to the same C1 code points. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

const utf8 = new TextEncoder()

function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || CP1252_UNDEFINED.has(code)) out[n++] = code
    else {
      out[n++] = CP1252_BY_CODE.get(code) ?? 0x3f
      // A surrogate pair is one character to the user, so it becomes a single "?".
      if (code >= 0xd800 && code <= 0xdbff) i++
    }
  }
  return n === out.length ? out : out.subarray(0, n)
}

function encodeUtf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    out[2 * i] = code & 0xff
    out[2 * i + 1] = code >>> 8
  }
  return out
}

export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return utf8.encode(text)
    case 'utf-16le':
      return encodeUtf16le(text)
    case 'windows-1252':
      return encodeWindows1252(text)
  }
}

/** Byte-order mark written once at the start of the file. */
export function byteOrderMark(encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf])
  if (encoding === 'utf-16le') return new Uint8Array([0xff, 0xfe])
  return new Uint8Array(0)
}

/**
 * Decodes what encodeText wrote. Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as
 * Latin-1 (nodejs/node#56542), so importers and tests on Node need this table-driven decoder.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  const bom = byteOrderMark(encoding)
  const body = bom.length > 0 && bom.every((b, i) => bytes[i] === b) ? bytes.subarray(bom.length) : bytes
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(body)
  if (encoding !== 'windows-1252') return new TextDecoder('utf-8').decode(body)
  let out = ''
  for (let i = 0; i < body.length; i += 8192) {
    const codes = Array.from(body.subarray(i, i + 8192), (b) => CP1252_BY_BYTE.get(b) ?? b)
    out += String.fromCharCode(...codes)
  }
  return out
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const p of parts) length += p.length
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
