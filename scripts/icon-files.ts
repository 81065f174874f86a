/**
 * The icon containers the installers need, written from PNGs: both formats accept PNG-encoded
 * images, so no image library is needed. Read back by test/unit/app-icons.test.ts.
 */

/** Linux icon theme sizes electron-builder copies into the AppImage and the deb. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

/** Windows shell sizes; 256 is the largest an .ico holds. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

/** macOS icon types: icp4-6 and ic07-10 at 1x, ic11-14 the @2x versions of 16…512. */
export const ICNS_ENTRIES = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 }
] as const

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) throw new Error('not a PNG')
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** An .ico: a directory of entries, each a whole PNG (Windows Vista and later). */
export function icoFile(pngs: Uint8Array[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png)
    const entry = 6 + 16 * i
    // 0 stands for 256 in the one-byte size fields.
    header.writeUInt8(width >= 256 ? 0 : width, entry)
    header.writeUInt8(height >= 256 ? 0 : height, entry + 1)
    header.writeUInt16LE(1, entry + 4)
    header.writeUInt16LE(32, entry + 6)
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...pngs])
}

/** An .icns: "icns", the total length, then per image its type, its length and the PNG. */
export function icnsFile(entries: Array<{ type: string; png: Uint8Array }>): Buffer {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(8 + png.length, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}
