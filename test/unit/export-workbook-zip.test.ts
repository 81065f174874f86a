import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { deflateChunks, readZipEntries, writeZip, type ZipEntry } from '../../src-main/backend/export/workbook-zip'

const entry = (name: string, text: string): ZipEntry => {
  const bytes = Buffer.from(text, 'utf8')
  return { name, method: 8, crc: crc32(bytes), size: bytes.length, data: [deflateRawSync(bytes)], time: 0x6000, date: 0x5a21 }
}

describe('the workbook archive', () => {
  it('deflates chunks independently into one stream that inflates to their concatenation', async () => {
    const chunks = Array.from({ length: 7 }, (_, i) => Buffer.from(`<row r="${i}">${'é<c/>'.repeat(5000 + i * 997)}</row>`, 'utf8'))
    const whole = Buffer.concat(chunks)
    const packed = await deflateChunks(chunks, 1)
    expect(packed.size).toBe(whole.length)
    expect(packed.crc).toBe(crc32(whole))
    expect(inflateRawSync(Buffer.concat(packed.data)).equals(whole)).toBe(true)
    const none = await deflateChunks([], 1)
    expect(inflateRawSync(Buffer.concat(none.data)).length).toBe(0)
  })

  it('writes entries that read back with their names, checksums and bytes, in order', async () => {
    const big = await deflateChunks([Buffer.from('<sheetData>'), Buffer.from('<row/>'.repeat(10000)), Buffer.from('</sheetData>')], 1)
    const entries = [
      entry('[Content_Types].xml', '<Types/>'),
      { ...entry('xl/worksheets/sheet3.xml', ''), ...big },
      entry('xl/workbook.xml', 'Ünïcode ✓')
    ]
    const back = readZipEntries(writeZip(entries))
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name))
    back.forEach((e, i) => {
      const text = inflateRawSync(Buffer.concat(e.data))
      expect(e.crc).toBe(entries[i]!.crc)
      expect(crc32(text)).toBe(e.crc)
      expect(text.length).toBe(entries[i]!.size)
      expect([e.time, e.date]).toEqual([0x6000, 0x5a21])
    })
    expect(inflateRawSync(Buffer.concat(back[2]!.data)).toString('utf8')).toBe('Ünïcode ✓')
    expect(() => readZipEntries(Buffer.from('not a zip at all, just text long enough'))).toThrow(/Not a ZIP/)
  })
})
