import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

/** One member of a zip archive, uncompressed; `declaredSize` overrides the size written in the headers. */
export interface ZipEntry {
  name: string
  data: Uint8Array
  declaredSize?: number
}

/**
 * Reads a well-formed zip (what SheetJS writes: stored or deflated members, no zip64) through
 * its central directory. Only for the fixtures tests build; hostile archives are what the app reads.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip')
  const count = buf.readUInt16LE(end + 10)
  let at = buf.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10)
    const packedSize = buf.readUInt32LE(at + 20)
    const nameLength = buf.readUInt16LE(at + 28)
    const extra = buf.readUInt16LE(at + 30)
    const comment = buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength)
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const packed = buf.subarray(dataAt, dataAt + packedSize)
    entries.push({ name, data: new Uint8Array(method === 0 ? Buffer.from(packed) : inflateRawSync(packed)) })
    at += 46 + nameLength + extra + comment
  }
  return entries
}

/** Writes members deflated (stored when `store` is set), with sizes as declared or real. */
export function writeZip(entries: readonly ZipEntry[], store = false): Uint8Array {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const packed = store ? Buffer.from(entry.data) : deflateRawSync(entry.data, { level: 6 })
    const size = entry.declaredSize ?? entry.data.length
    const crc = crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt32LE(crc, 14)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(store ? 0 : 8, 8)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(store ? 0 : 8, 10)
    dir.writeUInt32LE(crc, 16)
    dir.writeUInt32LE(packed.length, 20)
    dir.writeUInt32LE(size >>> 0, 24)
    dir.writeUInt16LE(name.length, 28)
    dir.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    central.push(dir, name)
    offset += 30 + name.length + packed.length
  }
  const size = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, ...central, end]))
}
