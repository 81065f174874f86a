/**
 * The one place the generator touches the file system: streaming a delimited export to disk
 * chunk by chunk, so a million-row file never exists in memory as a whole.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { csvChunks, type CsvOptions, type TableLike } from './writers.js'

/** Writes the table to path and returns the number of bytes written. */
export function writeCsvFile(path: string, table: TableLike, options: CsvOptions = {}): number {
  const fd = openSync(path, 'w')
  let bytes = 0
  try {
    for (const chunk of csvChunks(table, options)) {
      let at = 0
      while (at < chunk.length) at += writeSync(fd, chunk, at, chunk.length - at)
      bytes += chunk.length
    }
  } finally {
    closeSync(fd)
  }
  return bytes
}
