/**
 * Reads a zip's central directory ourselves, before SheetJS sees the bytes, so that a damaged
 * archive gets a clear message and a decompression bomb is refused before anything inflates it.
 * The sizes in the directory are only claims: verifyEntries() inflates each entry with a hard
 * output cap, so a lying header cannot make the real data larger than what was accepted.
 */
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  encrypted: boolean
  compressedSize: number
  uncompressedSize: number
  dataStart: number
}

/** Thrown for structural damage; the caller words it for the user. */
export class ZipDamaged extends Error {}
/** Thrown for archives that inflate to too much. */
export class ZipTooLarge extends Error {}

export const MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024
export const MAX_RATIO = 200
/** Below this size a high ratio is normal (an almost empty sheet XML compresses extremely well). */
const RATIO_MIN_SIZE = 10 * 1024 * 1024
const MAX_ENTRIES = 65_535
/** The most one inflation reserves up front; larger parts arrive in chunks of this size. */
const MAX_INFLATE_CHUNK = 64 * 1024 * 1024

const EOCD = 0x06054b50
const EOCD64_LOCATOR = 0x07064b50
const EOCD64 = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000
}

function findEndRecord(b: Uint8Array): number {
  const last = b.length - 22
  const first = Math.max(0, last - 65_535)
  for (let at = last; at >= first; at--) {
    if (b[at] === 0x50 && u32(b, at) === EOCD) return at
  }
  throw new ZipDamaged('the zip directory at the end of the file is missing, so the file was probably cut short')
}

/** Directory location and entry count, following the ZIP64 record when the classic one overflows. */
function directoryBounds(b: Uint8Array, eocd: number): { offset: number; size: number; count: number } {
  let count = u16(b, eocd + 10)
  let size = u32(b, eocd + 12)
  let offset = u32(b, eocd + 16)
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20
    if (locator < 0 || u32(b, locator) !== EOCD64_LOCATOR) throw new ZipDamaged('the ZIP64 directory locator is missing')
    const rec = u64(b, locator + 8)
    if (rec + 56 > b.length || u32(b, rec) !== EOCD64) throw new ZipDamaged('the ZIP64 directory record is missing')
    count = u64(b, rec + 32)
    size = u64(b, rec + 40)
    offset = u64(b, rec + 48)
  }
  if (offset + size > eocd) throw new ZipDamaged('the zip directory points past the end of the file')
  if (count > MAX_ENTRIES) throw new ZipDamaged(`the archive claims ${count} entries`)
  return { offset, size, count }
}

/** Applies the ZIP64 extra field, which carries whichever sizes the fixed fields could not hold. */
function zip64Sizes(b: Uint8Array, extraAt: number, extraEnd: number, sizes: number[]): void {
  let at = extraAt
  while (at + 4 <= extraEnd) {
    const id = u16(b, at)
    const len = u16(b, at + 2)
    if (id === 0x0001) {
      let p = at + 4
      for (let i = 0; i < sizes.length; i++) {
        if (sizes[i] === 0xffffffff && p + 8 <= at + 4 + len) {
          sizes[i] = u64(b, p)
          p += 8
        }
      }
      return
    }
    at += 4 + len
  }
}

export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  const { offset, count } = directoryBounds(b, findEndRecord(b))
  const decoder = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw new ZipDamaged(`zip directory entry ${i + 1} is corrupt`)
    const flags = u16(b, at + 8)
    const method = u16(b, at + 10)
    const nameLen = u16(b, at + 28)
    const extraLen = u16(b, at + 30)
    const commentLen = u16(b, at + 32)
    const sizes = [u32(b, at + 24), u32(b, at + 20), u32(b, at + 42)]
    const nameAt = at + 46
    zip64Sizes(b, nameAt + nameLen, nameAt + nameLen + extraLen, sizes)
    const [uncompressedSize = 0, compressedSize = 0, local = 0] = sizes
    const name = decoder.decode(b.subarray(nameAt, nameAt + nameLen))
    if (local + 30 > b.length || u32(b, local) !== LOCAL) throw new ZipDamaged(`the data of "${name}" is missing`)
    const dataStart = local + 30 + u16(b, local + 26) + u16(b, local + 28)
    if (dataStart + compressedSize > b.length) throw new ZipDamaged(`the data of "${name}" is cut short`)
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, uncompressedSize, dataStart })
    at = nameAt + nameLen + extraLen + commentLen
  }
  return entries
}

/** Refuses archives whose declared sizes are bomb-like; call before inflating anything. */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  let total = 0
  for (const e of entries) {
    total += e.uncompressedSize
    if (total > MAX_TOTAL_UNCOMPRESSED) throw new ZipTooLarge('it would unpack to more than 1 GB')
    if (e.uncompressedSize > RATIO_MIN_SIZE && e.uncompressedSize > MAX_RATIO * Math.max(1, e.compressedSize)) {
      throw new ZipTooLarge(`"${e.name}" would unpack to more than ${MAX_RATIO} times its packed size`)
    }
  }
}

/** The bytes of one entry, never more than it declared. */
export function inflateEntry(b: Uint8Array, e: ZipEntry): Uint8Array {
  const raw = b.subarray(e.dataStart, e.dataStart + e.compressedSize)
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw new ZipDamaged(`"${e.name}" has inconsistent sizes`)
    return raw
  }
  if (e.method !== 8) throw new ZipDamaged(`"${e.name}" uses compression method ${e.method}, which spreadsheets do not use`)
  let out: Uint8Array
  try {
    // One byte of headroom so that "more than declared" is detectable rather than silently cut.
    // Output in one chunk of the declared size (up to a cap): zlib's 16 KB chunks were then
    // joined by a copy of the whole part (a tenth of a second for a 33 MB sheet).
    const limit = Math.max(1, e.uncompressedSize + 1)
    out = inflateRawSync(raw, { maxOutputLength: limit, chunkSize: Math.max(64, Math.min(limit, MAX_INFLATE_CHUNK)) })
  } catch (error) {
    if (error instanceof RangeError) throw new ZipTooLarge(`"${e.name}" unpacks to more than its declared size`)
    throw new ZipDamaged(`"${e.name}" is corrupt`)
  }
  if (out.length !== e.uncompressedSize)
    throw new ZipDamaged(`"${e.name}" unpacks to ${out.length} bytes, not the declared ${e.uncompressedSize}`)
  return out
}

/**
 * Inflates every entry under its cap, proving the declared sizes before SheetJS trusts them;
 * `inspect` sees each entry's bytes on the way (one inflation serves both).
 */
export function verifyEntries(b: Uint8Array, entries: readonly ZipEntry[], inspect?: (entry: ZipEntry, data: Uint8Array) => void): void {
  for (const e of entries) {
    if (e.name.endsWith('/') && e.uncompressedSize === 0) continue
    const data = inflateEntry(b, e)
    inspect?.(e, data)
  }
}
