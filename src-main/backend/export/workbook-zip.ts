import { promisify } from 'node:util'
import { constants, crc32, deflateRaw } from 'node:zlib'

/**
 * The few ZIP operations the workbook needs: read the entries of the small archive exceljs
 * writes, and write a new archive in which one entry (the Scored accounts sheet) is compressed
 * from a stream of XML chunks while every other entry keeps exceljs's compressed bytes.
 *
 * Why not let exceljs zip the big sheet: its streaming writer buffers everything written
 * synchronously until the zip library pulls it, so 100,000 accounts held the whole sheet's
 * XML (hundreds of MB) in memory and compressed it only after the last row, on one thread.
 * Here the rows are generated while zlib compresses earlier chunks on libuv's thread pool,
 * with a bounded amount of XML waiting in between.
 */

export interface ZipEntry {
  name: string
  /** 0 (stored) or 8 (deflate). */
  method: number
  crc: number
  size: number
  /** The compressed bytes, possibly in several chunks. */
  data: Buffer[]
  /** MS-DOS time and date, as the entry had them. */
  time: number
  date: number
}

const u16 = (bytes: Buffer, at: number) => bytes.readUInt16LE(at)
const u32 = (bytes: Buffer, at: number) => bytes.readUInt32LE(at)

/** The entries of an archive without ZIP64 (all exceljs writes for the small sheets), in order. */
export function readZipEntries(bytes: Buffer): ZipEntry[] {
  let end = bytes.length - 22
  while (end >= 0 && u32(bytes, end) !== 0x06054b50) end--
  if (end < 0) throw new Error('Not a ZIP archive: no end of central directory.')
  const count = u16(bytes, end + 10)
  let at = u32(bytes, end + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw new Error('Damaged ZIP central directory.')
    const method = u16(bytes, at + 10)
    const time = u16(bytes, at + 12)
    const date = u16(bytes, at + 14)
    const crc = u32(bytes, at + 16)
    const compressed = u32(bytes, at + 20)
    const size = u32(bytes, at + 24)
    const nameLength = u16(bytes, at + 28)
    const extraLength = u16(bytes, at + 30)
    const commentLength = u16(bytes, at + 32)
    const local = u32(bytes, at + 42)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
    entries.push({ name, method, crc, size, data: [bytes.subarray(dataStart, dataStart + compressed)], time, date })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

const deflateRawAsync = promisify(deflateRaw)

/** Chunks being compressed at once: both cores of a small laptop, and one waiting. */
const IN_FLIGHT = 3

/**
 * Deflates a stream of chunks the way pigz does: each chunk is compressed on its own on libuv's
 * thread pool and ends with a sync flush (byte-aligned, not final), so the outputs concatenate
 * into one valid stream, closed by an empty final block. Chunks compress in parallel while the
 * generator makes the next ones; each chunk of a few MB loses only zlib's 32 KB of history.
 */
export async function deflateChunks(chunks: Iterable<Buffer>, level: number): Promise<Pick<ZipEntry, 'crc' | 'size' | 'data' | 'method'>> {
  const queue: Array<Promise<Buffer>> = []
  const data: Buffer[] = []
  let crc = 0
  let size = 0
  for (const bytes of chunks) {
    crc = crc32(bytes, crc)
    size += bytes.length
    queue.push(deflateRawAsync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH }))
    if (queue.length >= IN_FLIGHT) data.push(await queue.shift()!)
  }
  for (const compressing of queue) data.push(await compressing)
  data.push(await deflateRawAsync(Buffer.alloc(0), { level, finishFlush: constants.Z_FINISH }))
  return { method: 8, crc, size, data }
}

/** The archive's bytes: local headers and data, then the central directory. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const compressed = entry.data.reduce((n, chunk) => n + chunk.length, 0)
    if (compressed >= 0xffffffff || entry.size >= 0xffffffff) throw new Error(`${entry.name} is too large for a workbook (over 4 GB).`)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(entry.method, 8)
    local.writeUInt16LE(entry.time, 10)
    local.writeUInt16LE(entry.date, 12)
    local.writeUInt32LE(entry.crc >>> 0, 14)
    local.writeUInt32LE(compressed, 18)
    local.writeUInt32LE(entry.size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(20, 6)
    local.copy(header, 8, 6, 26) // flags … uncompressed size are the same fields
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(offset, 42)
    parts.push(local, name, ...entry.data)
    central.push(header, name)
    offset += local.length + name.length + compressed
  }
  const directorySize = central.reduce((n, part) => n + part.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directorySize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, ...central, end])
}
