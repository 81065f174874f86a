import Database from 'better-sqlite3'
import { readFileSync, writeFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/backend/app-error'
import {
  createWorkspaceFile,
  openWorkspaceFile,
  openWorkspaceReadOnly,
  WORKSPACE_APPLICATION_ID,
  WORKSPACE_PAGE_SIZE
} from '../../src-main/backend/store/workspace-file'
import { readWorkspaceRow } from '../../src-main/backend/store/workspace-queries'
import { LATEST_FORMAT_VERSION } from '../../src-main/backend/store/migrations'
import { tempDir } from '../support/temp-dir'

function codeOf(work: () => unknown): string {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`
    throw error
  }
  throw new Error('expected an error')
}

/** Asserts an open attempt fails with `code` and leaves the file byte-for-byte unchanged. */
function expectRefusedUnchanged(path: string, code: string): string {
  const before = readFileSync(path)
  const message = codeOf(() => openWorkspaceFile(path))
  expect(message.startsWith(code), message).toBe(true)
  expect(readFileSync(path).equals(before)).toBe(true)
  return message
}

describe('workspace files', () => {
  it('creates a single SQLite file that reopens with the same record', () => {
    const path = join(tempDir(), 'acme.icpw')
    createWorkspaceFile(path, 'Acme').close()
    const db = openWorkspaceFile(path)
    expect(readWorkspaceRow(db)).toMatchObject({ name: 'Acme', currentSection: 'data', createdByVersion: '0.1.0' })
    expect(db.pragma('application_id', { simple: true })).toBe(WORKSPACE_APPLICATION_ID)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    // Large pages: a column's data is a chain of overflow pages a quarter as long as in 4 KB ones.
    expect(WORKSPACE_PAGE_SIZE).toBe(16384)
    expect(db.pragma('page_size', { simple: true })).toBe(WORKSPACE_PAGE_SIZE)
    db.close()
  })

  it('opens and writes a workspace made with 4 KB pages, which keeps them', () => {
    const path = join(tempDir(), 'older.icpw')
    createWorkspaceFile(path, 'Older').close()
    // The same file as an earlier version made it: 4 KB pages (VACUUM is what changes them).
    const raw = new Database(path)
    raw.pragma('page_size = 4096')
    raw.exec('VACUUM')
    expect(raw.pragma('page_size', { simple: true })).toBe(4096)
    raw.close()
    const db = openWorkspaceFile(path)
    expect(readWorkspaceRow(db)).toMatchObject({ name: 'Older' })
    db.prepare('UPDATE workspace SET name = ?').run('Older, renamed')
    expect(db.pragma('page_size', { simple: true })).toBe(4096)
    db.close()
    const again = openWorkspaceFile(path)
    expect(readWorkspaceRow(again)).toMatchObject({ name: 'Older, renamed' })
    again.close()
  })

  it('refuses to overwrite an existing file', () => {
    const path = join(tempDir(), 'taken.icpw')
    writeFileSync(path, 'keep me')
    expect(codeOf(() => createWorkspaceFile(path, 'X'))).toMatch(/^ALREADY_EXISTS: taken.icpw already exists/)
    expect(readFileSync(path, 'utf8')).toBe('keep me')
  })

  it('reports a missing folder', () => {
    const path = join(tempDir(), 'no', 'such', 'dir.icpw')
    expect(codeOf(() => createWorkspaceFile(path, 'X'))).toMatch(/^NOT_FOUND: The folder .* does not exist/)
  })

  it('reports a missing file', () => {
    expect(codeOf(() => openWorkspaceFile(join(tempDir(), 'gone.icpw')))).toMatch(/^NOT_FOUND/)
  })

  it('refuses files that are not workspaces and leaves them unchanged', () => {
    const dir = tempDir()
    const text = join(dir, 'notes.icpw')
    writeFileSync(text, 'Account,Industry\nAcme,SaaS\n')
    expect(expectRefusedUnchanged(text, 'NOT_A_WORKSPACE')).toMatch(/not a SQLite database file/)

    const empty = join(dir, 'empty.icpw')
    writeFileSync(empty, '')
    expectRefusedUnchanged(empty, 'NOT_A_WORKSPACE')

    const other = join(dir, 'other.icpw')
    const db = new Database(other)
    db.exec('CREATE TABLE accounts (id INTEGER)')
    db.close()
    expect(expectRefusedUnchanged(other, 'NOT_A_WORKSPACE')).toMatch(/a SQLite database, but not an ICP Workbench workspace/)

    expect(codeOf(() => openWorkspaceFile(dir))).toMatch(/^NOT_A_WORKSPACE: .* is a folder/)
  })

  it('refuses a damaged workspace and leaves it unchanged', () => {
    const path = join(tempDir(), 'damaged.icpw')
    createWorkspaceFile(path, 'Damaged').close()
    const bytes = readFileSync(path)
    // Keep the valid header but scramble every page after it.
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 131) % 251
    writeFileSync(path, bytes)
    expect(expectRefusedUnchanged(path, 'CORRUPT_WORKSPACE')).toMatch(/damaged\.icpw is damaged .* left unchanged/)
  })

  it('refuses a truncated workspace', () => {
    const path = join(tempDir(), 'short.icpw')
    createWorkspaceFile(path, 'Short').close()
    writeFileSync(path, readFileSync(path).subarray(0, 1500))
    expectRefusedUnchanged(path, 'CORRUPT_WORKSPACE')
  })

  it('refuses a workspace from a newer app version and leaves it unchanged', () => {
    const path = join(tempDir(), 'future.icpw')
    createWorkspaceFile(path, 'Future').close()
    const db = new Database(path)
    db.pragma('user_version = 99')
    db.close()
    expect(expectRefusedUnchanged(path, 'NEWER_VERSION')).toContain(`format 99; this version reads up to ${LATEST_FORMAT_VERSION})`)
  })

  it('inspects read-only without changing the file', () => {
    const path = join(tempDir(), 'inspect.icpw')
    createWorkspaceFile(path, 'Inspect').close()
    const before = readFileSync(path)
    const mtime = statSync(path).mtimeMs
    const db = openWorkspaceReadOnly(path)
    expect(readWorkspaceRow(db)?.name).toBe('Inspect')
    db.close()
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(statSync(path).mtimeMs).toBe(mtime)
  })
})
