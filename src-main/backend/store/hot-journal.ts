import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { AppError } from '../app-error'

/**
 * A rollback journal left beside a workspace by a save that was cut off ("hot"). SQLite plays it
 * back into whatever file now has that name the moment the file is read, so a journal left by a
 * killed process beside a different file of the same name (a copy restored from a backup) would
 * write another file's pages into it. Before SQLite may see the pair, the journal is checked to
 * belong to the file: its copy of page 1 must hold the file's change counter (as it was when the
 * save began, or one past it once the save had started writing), and playing it back into a copy
 * must leave a database that passes integrity_check. Only then is the real file opened.
 */

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7])

export const journalPathOf = (path: string): string => `${path}-journal`

function readAt(path: string, length: number, position: number): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const read = readSync(fd, buffer, 0, length, position)
    return buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/** Whether a journal that SQLite would play back lies beside `path`. */
export function hasHotJournal(path: string): boolean {
  try {
    return readAt(journalPathOf(path), 8, 0).equals(JOURNAL_MAGIC)
  } catch {
    return false
  }
}

interface JournalFacts {
  pageSize: number
  /** The change counter in the journal's copy of page 1; null when the save had not reached page 1. */
  changeCounter: number | null
}

/** The journal's page size and its copy of page 1's change counter, or null when it is not a journal. */
function readJournal(journal: string): JournalFacts | null {
  const header = readAt(journal, 28, 0)
  if (header.length < 28) return null
  const records = header.readUInt32BE(8)
  const sectorSize = header.readUInt32BE(20)
  const pageSize = header.readUInt32BE(24)
  if (sectorSize < 32 || sectorSize > 65536 || pageSize < 512 || pageSize > 65536) return null
  // Page 1 is journalled when the save first changes it (at the latest, its change counter at
  // commit); records are page number, page, checksum. A count of 0 or -1 means "to the end".
  const size = statSync(journal).size
  const limit = records === 0 || records === 0xffffffff ? Number.POSITIVE_INFINITY : records
  for (let i = 0, at = sectorSize; i < limit && at + 8 + pageSize <= size; i++, at += 8 + pageSize) {
    const record = readAt(journal, 4 + 28, at)
    if (record.readUInt32BE(0) === 1) return { pageSize, changeCounter: record.readUInt32BE(4 + 24) }
  }
  return { pageSize, changeCounter: null }
}

function fileHeader(path: string): { pageSize: number; changeCounter: number } {
  const header = readAt(path, 28, 0)
  const raw = header.readUInt16BE(16)
  return { pageSize: raw === 1 ? 65536 : raw, changeCounter: header.readUInt32BE(24) }
}

/** A digest of the file's bytes, to say truthfully afterwards whether opening changed it. */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/**
 * Refuses, with both files untouched, a hot journal that does not belong to `path`. Returns
 * normally when there is none or it belongs (SQLite then rolls the interrupted save back).
 */
export function requireOwnJournal(path: string, nativeBinding?: string): void {
  if (!hasHotJournal(path)) return
  const journal = readJournal(journalPathOf(path))
  const file = fileHeader(path)
  const counter = journal?.changeCounter ?? null
  const matches =
    journal !== null &&
    journal.pageSize === file.pageSize &&
    (counter === null || file.changeCounter === counter || file.changeCounter === (counter + 1) >>> 0)
  if (!matches || !replaysCleanly(path, nativeBinding)) throw foreignJournal(path)
}

/** Plays the journal back into a copy of the pair and checks the result. */
function replaysCleanly(path: string, nativeBinding?: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'icp-journal-check-'))
  const copy = join(dir, basename(path))
  try {
    copyFileSync(path, copy)
    copyFileSync(journalPathOf(path), journalPathOf(copy))
    const db = new Database(copy, { fileMustExist: true, nativeBinding })
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok'
    } finally {
      db.close()
    }
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function foreignJournal(path: string): AppError {
  const name = basename(path)
  const journal = basename(journalPathOf(path))
  return new AppError(
    'CORRUPT_WORKSPACE',
    `${name} was not opened: ${journal} beside it is left over from an interrupted save of a different file (this one was probably restored from a backup or copied in), and playing it back would damage ${name}. Both files were left unchanged; move ${journal} somewhere else and open ${name} again.`,
    { path, journal: journalPathOf(path), reason: 'foreign-journal' }
  )
}

/** Size and modification time: what any write by SQLite would change. */
export function fileStamp(path: string): string {
  try {
    const stats = statSync(path, { bigint: true })
    return `${stats.size}:${stats.mtimeNs}`
  } catch {
    return 'missing'
  }
}
