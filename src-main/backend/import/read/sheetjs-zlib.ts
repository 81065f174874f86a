/**
 * Lets SheetJS inflate zip entries with Node's zlib instead of its pure-JS inflater (about 15%
 * of the time to open a large XLSX). SheetJS's hook wants zlib's private InflateRaw
 * `_processChunk`/`bytesRead` pair, and reading `bytesRead` prints a deprecation warning, so a
 * small adapter over the public inflateRawSync provides exactly that pair instead.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { sheetjs } from '../../sheetjs'

class InflateRaw {
  readonly _finishFlushFlag = 4
  bytesRead = 0

  _processChunk(data: Uint8Array): Buffer {
    const { buffer, engine } = inflateRawSync(data, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } }
    this.bytesRead = engine.bytesWritten
    return buffer
  }
}

let installed = false

export function useNodeZlib(): void {
  if (installed) return
  installed = true
  sheetjs().CFB.utils.use_zlib({ InflateRaw, deflateRawSync })
}
