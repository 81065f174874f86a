import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { readZipEntries, writeZip as writeArchive } from '../../src-main/backend/export/workbook-zip'

/** One member of a zip archive, uncompressed; `declaredSize` overrides the size written in the headers. */
export interface ZipEntry {
  name: string
  data: Uint8Array
  declaredSize?: number
}

/**
 * Reads a well-formed zip (what SheetJS writes: stored or deflated members, no zip64) through
 * its central directory, with the workbook export's reader. Only for the fixtures tests build;
 * hostile archives are what the app reads.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  return readZipEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).map((entry) => {
    const packed = Buffer.concat(entry.data)
    return { name: entry.name, data: new Uint8Array(entry.method === 0 ? packed : inflateRawSync(packed)) }
  })
}

/** Writes members deflated (stored when `store` is set), with sizes as declared or real. */
export function writeZip(entries: readonly ZipEntry[], store = false): Uint8Array {
  const archive = writeArchive(
    entries.map((entry) => ({
      name: entry.name,
      method: store ? 0 : 8,
      crc: crc32(entry.data),
      size: (entry.declaredSize ?? entry.data.length) >>> 0,
      data: [store ? Buffer.from(entry.data) : deflateRawSync(entry.data, { level: 6 })],
      time: 0,
      date: 0
    }))
  )
  return new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength)
}
