/**
 * Lists the stream names of an OLE2 compound file (the container of .xls, and of every
 * password-protected .xlsx) and checks that the workbook stream is fully present. Read by hand
 * because a truncated .xls can otherwise load "successfully" with rows missing.
 */

export class OleDamaged extends Error {}

export interface OleDirectory {
  names: string[]
}

const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff
const MAX_CHAIN = 1 << 22

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0
}

class Sectors {
  readonly size: number
  private readonly fat: number[] = []

  constructor(private readonly b: Uint8Array) {
    const shift = u16(b, 0x1e)
    if (shift !== 9 && shift !== 12) throw new OleDamaged('the file header is corrupt')
    this.size = 1 << shift
    const fatSectors: number[] = []
    for (let i = 0; i < 109; i++) {
      const s = u32(b, 0x4c + i * 4)
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s)
    }
    // Large files list further FAT sectors in a chain of DIFAT sectors.
    let difat = u32(b, 0x44)
    let guard = 0
    while (difat !== END_OF_CHAIN && difat !== FREE && guard++ < MAX_CHAIN) {
      const at = this.offset(difat)
      const per = this.size / 4 - 1
      for (let i = 0; i < per; i++) {
        const s = u32(b, at + i * 4)
        if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s)
      }
      difat = u32(b, at + per * 4)
    }
    for (const s of fatSectors) {
      const at = this.offset(s)
      for (let i = 0; i < this.size / 4; i++) this.fat.push(u32(b, at + i * 4))
    }
  }

  offset(sector: number): number {
    const at = (sector + 1) * this.size
    if (at + this.size > this.b.length) throw new OleDamaged('the file is cut short')
    return at
  }

  /** The sectors of a chain, each checked to lie inside the file. */
  chain(start: number): number[] {
    const out: number[] = []
    let s = start
    while (s !== END_OF_CHAIN) {
      if (s >= this.fat.length || out.length > MAX_CHAIN) throw new OleDamaged('a sector chain is broken')
      this.offset(s)
      out.push(s)
      s = this.fat[s] ?? END_OF_CHAIN
    }
    return out
  }
}

export function readOleDirectory(b: Uint8Array): OleDirectory {
  if (b.length < 512) throw new OleDamaged('the file is cut short')
  const sectors = new Sectors(b)
  const miniCutoff = u32(b, 0x38) || 4096
  const names: string[] = []
  for (const s of sectors.chain(u32(b, 0x30))) {
    const base = sectors.offset(s)
    for (let at = base; at < base + sectors.size; at += 128) {
      const type = b[at + 0x42] ?? 0
      const nameLen = u16(b, at + 0x40)
      if (type === 0 || nameLen < 2 || nameLen > 64) continue
      let name = ''
      for (let i = 0; i < nameLen - 2; i += 2) name += String.fromCharCode(u16(b, at + i))
      names.push(name)
      const size = u32(b, at + 0x78)
      // Big streams live in regular sectors; walking their chain proves none was cut off.
      if (type === 2 && size >= miniCutoff) {
        const needed = Math.ceil(size / sectors.size)
        if (sectors.chain(u32(b, at + 0x74)).length < needed) throw new OleDamaged(`the "${name}" stream is incomplete`)
      }
    }
  }
  return { names }
}
