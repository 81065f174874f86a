import Database from 'better-sqlite3'
import { accessSync, closeSync, constants, existsSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { randomBytes } from 'node:crypto'
import { APP_VERSION } from '@shared/app-info'
import { AppError } from '../app-error'
import { fileDigest, fileStamp, hasHotJournal, requireOwnJournal } from './hot-journal'
import { formatVersionOf, migrate } from './migrate'
import { requireExpectedSchema, UnexpectedSchema } from './workspace-schema'
import { storageError } from './storage-errors'
import { LATEST_FORMAT_VERSION } from './migrations'
import { insertWorkspaceRow, readWorkspaceRow } from './workspace-queries'

/** PRAGMA application_id of every workspace file: "ICPW" in ASCII. */
export const WORKSPACE_APPLICATION_ID = 0x49435057

const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface WorkspaceFileOptions {
  /** better-sqlite3 addon built for the running ABI (Electron); Node uses the default. */
  nativeBinding?: string | undefined
}

/**
 * Reads the 100-byte SQLite header without opening the database, so a file that is not ours,
 * or is from a newer app, is refused before SQLite could touch it.
 */
export function inspectWorkspaceHeader(path: string): { formatVersion: number } {
  const name = basename(path)
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new AppError('NOT_FOUND', `${path} does not exist.`, { path })
  }
  if (!stats.isFile()) {
    // A device or pipe (a symlink to /dev/zero, a FIFO) is never read: it may not end.
    const what = stats.isDirectory() ? 'a folder' : 'not an ordinary file (it is a device, pipe or socket)'
    throw new AppError('NOT_A_WORKSPACE', `${name} is ${what}, not a workspace file.`, { path })
  }
  const header = Buffer.alloc(100)
  let read = 0
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    read = readSync(fd, header, 0, 100, 0)
  } catch (error) {
    throw new AppError('PERMISSION_DENIED', `${name} cannot be read: ${(error as Error).message}`, {
      path
    })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError('NOT_A_WORKSPACE', `${name} is not an ICP Workbench workspace (it is not a SQLite database file).`, { path })
  }
  const applicationId = header.readUInt32BE(68)
  if (applicationId !== WORKSPACE_APPLICATION_ID) {
    throw new AppError('NOT_A_WORKSPACE', `${name} is a SQLite database, but not an ICP Workbench workspace.`, { path })
  }
  const formatVersion = header.readUInt32BE(60)
  if (formatVersion > LATEST_FORMAT_VERSION) {
    throw new AppError(
      'NEWER_VERSION',
      `${name} was saved by a newer version of ICP Workbench (format ${formatVersion}; this version reads up to ${LATEST_FORMAT_VERSION}). Update the app to open it.`,
      { path, formatVersion, supportedVersion: LATEST_FORMAT_VERSION }
    )
  }
  return { formatVersion }
}

/** Page size of a workspace created now (see createWorkspaceFile). */
export const WORKSPACE_PAGE_SIZE = 16384

function configure(db: Database.Database): void {
  db.pragma('foreign_keys = ON')
  // A rollback journal (not WAL) keeps the workspace a single file at rest, so it can be
  // copied or e-mailed; FULL sync makes every committed change survive a crash or power cut.
  db.pragma('journal_mode = DELETE')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 3000')
}

/**
 * A workspace is edited in place and SQLite writes a rollback journal beside it, so both the file
 * and its folder must be writable. Refused up front, naming the file, rather than failing at the
 * first save (SQLite would otherwise open a read-only file read-only without a word).
 */
function requireWritable(path: string): void {
  const name = basename(path)
  const folder = dirname(path)
  for (const [target, what] of [
    [path, `${name} is read-only`],
    [folder, `${name} is in a read-only folder (${folder})`]
  ] as const) {
    try {
      accessSync(target, constants.W_OK)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') continue
      throw new AppError(
        'PERMISSION_DENIED',
        `${what}, so it cannot be opened for editing. Copy it to a folder you can write to, or make it writable. The file was left unchanged.`,
        { path }
      )
    }
  }
}

/** Opens a workspace for reading and writing, upgrading an older format in one transaction. */
export function openWorkspaceFile(path: string, options: WorkspaceFileOptions = {}): Database.Database {
  const name = basename(path)
  inspectWorkspaceHeader(path)
  requireWritable(path)
  requireOwnJournal(path, options.nativeBinding)
  const unchanged = changeWatch(path)
  let db: Database.Database
  try {
    db = new Database(path, { fileMustExist: true, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw corrupt(name, path, error, unchanged())
  }
  try {
    // Before any table is read: a view or trigger in a hostile file never runs.
    requireExpectedSchema(db, formatVersionOf(db), options.nativeBinding)
    // Checked before anything is written: a damaged file is reported, never "repaired".
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(String(check))
    configure(db)
    migrate(db)
    if (!readWorkspaceRow(db)) throw new Error('the workspace record is missing')
    return db
  } catch (error) {
    db.close()
    if (error instanceof AppError) throw error
    throw corrupt(name, path, error, unchanged())
  }
}

/**
 * Whether the file's bytes are as they were when this was called. Opening changes them only by
 * rolling back an interrupted save (a hot journal), so only then are the bytes hashed; otherwise
 * size and modification time tell, as any write changes them.
 */
function changeWatch(path: string): () => boolean {
  if (hasHotJournal(path)) {
    const before = fileDigest(path)
    return () => fileDigest(path) === before
  }
  const before = fileStamp(path)
  return () => fileStamp(path) === before
}

/** Opens a workspace without writing anything, for read-only inspection (the CLI's `info`). */
export function openWorkspaceReadOnly(path: string, options: WorkspaceFileOptions = {}): Database.Database {
  const name = basename(path)
  const { formatVersion } = inspectWorkspaceHeader(path)
  const unchanged = changeWatch(path)
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw corrupt(name, path, error, unchanged())
  }
  try {
    requireExpectedSchema(db, formatVersionOf(db), options.nativeBinding)
    if (formatVersion < LATEST_FORMAT_VERSION) {
      throw new AppError(
        'NOT_SUPPORTED',
        `${name} uses an older workspace format (${formatVersion}); open it once in the app to upgrade it.`,
        { path, formatVersion }
      )
    }
    if (!readWorkspaceRow(db)) throw new Error('the workspace record is missing')
    return db
  } catch (error) {
    db.close()
    if (error instanceof AppError) throw error
    throw corrupt(name, path, error, unchanged())
  }
}

/**
 * Creates a new workspace file. It is built under a temporary name and moved into place only
 * when complete, so a crash never leaves a half-made workspace at the chosen path.
 */
export function createWorkspaceFile(path: string, name: string, options: WorkspaceFileOptions = {}): Database.Database {
  const fileName = basename(path)
  if (existsSync(path)) {
    throw new AppError('ALREADY_EXISTS', `${fileName} already exists; choose another name or open it.`, {
      path
    })
  }
  const folder = dirname(path)
  if (!existsSync(folder)) {
    throw new AppError('NOT_FOUND', `The folder ${folder} does not exist.`, { path })
  }
  const temp = `${path}.${randomBytes(6).toString('hex')}.creating`
  try {
    const db = new Database(temp, { nativeBinding: options.nativeBinding })
    try {
      // Before the first table, the only time SQLite takes it (a workspace made earlier keeps
      // its 4 KB pages and opens as before). A column is one row with its dictionary and codes,
      // tens of MB for a large export, stored as a chain of overflow pages: in 16 KB pages that
      // chain is a quarter as long. Measured on the 1M-row CSV: saving its columns 0.27-0.46 s
      // -> 0.18-0.21 s, reading them back 88-319 ms -> 60-115 ms, the whole import about 0.5 s
      // sooner. An empty workspace is 1.2 MB instead of 0.3 MB.
      db.pragma(`page_size = ${WORKSPACE_PAGE_SIZE}`)
      configure(db)
      db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`)
      migrate(db)
      db.transaction(() => insertWorkspaceRow(db, name, APP_VERSION, new Date().toISOString()))()
    } finally {
      db.close()
    }
    moveIntoPlace(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    rmSync(`${temp}-journal`, { force: true })
    if (error instanceof AppError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('PERMISSION_DENIED', `Cannot write ${fileName} in ${folder}: permission denied.`, {
        path
      })
    }
    throw error
  }
  return openWorkspaceFile(path, options)
}

/** Refuses to replace a file that appeared meanwhile (link fails if the target exists). */
function moveIntoPlace(temp: string, path: string): void {
  try {
    linkSync(temp, path)
    rmSync(temp)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') {
      throw new AppError('ALREADY_EXISTS', `${basename(path)} already exists; choose another name or open it.`, {
        path
      })
    }
    // Some file systems (FAT, network shares) have no hard links: fall back to a rename.
    if (existsSync(path)) throw error
    renameSync(temp, path)
  }
}

/** `unchanged` is what a comparison found, never assumed: the message says only what is true. */
function corrupt(name: string, path: string, error: unknown, unchanged: boolean): AppError {
  // A file another program holds locked is busy, not damaged.
  const busy = storageError(error, path)
  if (busy !== null && busy.code === 'WORKSPACE_IN_USE') return busy
  const outcome = unchanged
    ? 'The file was left unchanged.'
    : 'Its bytes changed while it was being opened (SQLite rolled back an interrupted save or upgrade in it); keep a copy of it before trying anything else.'
  if (error instanceof UnexpectedSchema) {
    return new AppError(
      'CORRUPT_WORKSPACE',
      `${name} cannot be opened: ${error.message}, so it was changed outside the app or is not a real workspace. Nothing in it was run. ${outcome}`,
      { path, reason: 'unexpected-schema', unchanged }
    )
  }
  const reason = error instanceof Error ? error.message : String(error)
  return new AppError('CORRUPT_WORKSPACE', `${name} is damaged and cannot be opened (${reason}). ${outcome}`, { path, unchanged })
}
