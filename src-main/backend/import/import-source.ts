import { readInputFile } from '../fs/read-input-file'
import type { StageRequest } from './stage-file'

/**
 * Files larger than this are refused before they are read: 1 GiB holds a 5M-row, 12-column CSV
 * export (about 670 MB), which the byte path reads in well under the reader's heap.
 */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024

/**
 * Where the reader finds the file: its path, read by the reading process itself (handing it the
 * bytes meant holding the whole file in the app too and copying it across the process boundary),
 * or bytes already in hand (an upload in browser mode).
 */
export type ReaderSource = { path: string; bytes?: undefined } | { bytes: Uint8Array; path?: undefined }

/** What the reading process is asked to read: a stage request whose bytes may be left to it to load. */
export type ReaderRequest = Omit<StageRequest, 'bytes'> & ReaderSource

/** The bytes of a file chosen for import, refused past MAX_IMPORT_BYTES with a message about the file. */
export function readImportFile(path: string, sharedFrom?: number): Uint8Array {
  return readInputFile(
    path,
    MAX_IMPORT_BYTES,
    (name, limit) => `${name} is larger than ${limit / 1048576} MB; files over ${limit / 1048576} MB are not imported.`,
    sharedFrom
  )
}

/**
 * The request with its bytes loaded (from the path when it names one); from `sharedFrom` bytes
 * on, in shared memory, for a second reading thread (see csv-columns-helper.ts).
 */
export function loadReaderRequest(request: ReaderRequest, sharedFrom = Infinity): StageRequest {
  const { path, bytes, ...rest } = request
  if (path !== undefined) return { ...rest, bytes: readImportFile(path, sharedFrom) }
  // Uploaded bytes (browser mode) are copied in: before reading, the reader holds little else.
  if (bytes.length < sharedFrom || bytes.buffer instanceof SharedArrayBuffer) return { ...rest, bytes }
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length))
  shared.set(bytes)
  return { ...rest, bytes: shared }
}
