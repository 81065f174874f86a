/**
 * Workspace files that attack the app that opens them (issue 17, items 4 and 5): a schema with
 * views or triggers (a `workspace` view over an endless recursive query made opening never
 * return), and a stale rollback journal beside a different file of the same name, which SQLite
 * would play back into it. Opening runs in a child process here, so a regression hangs that
 * process, not the test run.
 */
import Database from 'better-sqlite3'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkspaceFile, openWorkspaceFile } from '../../src-main/backend/store/workspace-file'
import { readWorkspaceRow } from '../../src-main/backend/store/workspace-queries'
import { tempDir } from '../support/temp-dir'

const require = createRequire(import.meta.url)
const tsx = require.resolve('tsx/cjs')
const sqlite = require.resolve('better-sqlite3')
const workspaceFile = join(__dirname, '../../src-main/backend/store/workspace-file.ts')
const tsconfig = join(__dirname, '../../tsconfig.node.json')

/** openWorkspaceFile in a child process with a deadline: its error, 'opened', or 'timeout'. */
function openInChild(
  path: string,
  timeoutMs = 20_000
): { code?: string; message?: string; details?: Record<string, unknown> } | 'opened' | 'timeout' {
  const script = `const { openWorkspaceFile } = require(${JSON.stringify(workspaceFile)}); try { openWorkspaceFile(${JSON.stringify(path)}).close(); console.log('"opened"') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, details: e.details })) }`
  const run = spawnSync(process.execPath, ['--require', tsx, '-e', script], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig }
  })
  if (run.signal === 'SIGKILL') return 'timeout'
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as never
}

function workspace(name: string): string {
  const path = join(tempDir(), `${name}.icpw`)
  createWorkspaceFile(path, name).close()
  return path
}

function alter(path: string, sql: string): void {
  const db = new Database(path)
  db.exec(sql)
  db.close()
}

describe("a workspace whose schema is not the app's", () => {
  it('refuses a `workspace` view over an endless recursive query at once, without querying it', () => {
    const path = workspace('endless')
    alter(
      path,
      `ALTER TABLE workspace RENAME TO workspace_kept;
       CREATE VIEW workspace AS WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT * FROM workspace_kept, forever WHERE n < 0;`
    )
    const before = readFileSync(path)
    const started = performance.now()
    const result = openInChild(path)
    expect(result).not.toBe('timeout')
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(result).toMatchObject({ code: 'CORRUPT_WORKSPACE', details: { reason: 'unexpected-schema', unchanged: true } })
    const { message } = result as { message: string }
    expect(message).toMatch(
      /^endless\.icpw cannot be opened: it contains a (view "workspace"|table "workspace_kept") that ICP Workbench never creates/
    )
    expect(message).toContain('The file was left unchanged.')
    expect(readFileSync(path).equals(before)).toBe(true)
  }, 30_000)

  it.each([
    ['a trigger', 'CREATE TRIGGER wipe AFTER UPDATE ON workspace BEGIN DELETE FROM scorecard; END;', 'trigger "wipe"'],
    [
      'a redefined table',
      'DROP TABLE leak_overrule; CREATE TABLE leak_overrule (attribute TEXT, x BLOB);',
      'table "leak_overrule" is not defined'
    ],
    ['a missing table', 'DROP TABLE leak_overrule;', 'table "leak_overrule" is missing']
  ])(
    'refuses %s before reading any table',
    (_what, sql, said) => {
      const path = workspace('altered')
      alter(path, sql)
      const before = readFileSync(path)
      const result = openInChild(path)
      expect(result).toMatchObject({ code: 'CORRUPT_WORKSPACE' })
      expect((result as { message: string }).message).toContain(said)
      expect(readFileSync(path).equals(before)).toBe(true)
    },
    30_000
  )
})

/**
 * Leaves `path-journal` hot: a child opens the file, starts a save big enough to spill pages into
 * the file, and is SIGKILLed before it commits.
 */
function crashMidSave(path: string): void {
  const script = `const Database = require(${JSON.stringify(sqlite)});
    const db = new Database(${JSON.stringify(path)});
    db.pragma('journal_mode = DELETE'); db.pragma('cache_size = 2');
    db.exec('BEGIN');
    const insert = db.prepare('INSERT INTO missing_token (token) VALUES (?)');
    for (let i = 0; i < 3000; i++) insert.run('token ' + i + ' ' + 'x'.repeat(200));
    process.kill(process.pid, 'SIGKILL');`
  spawnSync(process.execPath, ['-e', script])
  expect(existsSync(`${path}-journal`)).toBe(true)
}

describe('a workspace path that is not a file', () => {
  it('refuses a symlink to /dev/zero and a FIFO in words, without reading them', () => {
    const dir = tempDir()
    symlinkSync('/dev/zero', join(dir, 'zeros.icpw'))
    execFileSync('mkfifo', [join(dir, 'pipe.icpw')])
    // Each child loads TypeScript through tsx, seconds apiece on a loaded machine; a FIFO opened
    // for reading would block it until the default deadline.
    for (const name of ['zeros.icpw', 'pipe.icpw']) {
      const result = openInChild(join(dir, name))
      expect(result).toEqual({
        code: 'NOT_A_WORKSPACE',
        message: `${name} is not an ordinary file (it is a device, pipe or socket), not a workspace file.`,
        details: expect.anything()
      })
    }
  }, 60_000)
})

describe('a stale journal', () => {
  it('beside a different file of the same name (restored from a backup) is never played back into it', () => {
    const path = workspace('client')
    crashMidSave(path)
    // The backup: the same workspace name, saved several times more, copied over the file.
    const backup = workspace('client')
    const db = openWorkspaceFile(backup)
    for (let i = 0; i < 5; i++) db.prepare('UPDATE workspace SET name = ?').run(`Saved ${i}`)
    db.close()
    copyFileSync(backup, path)
    const file = readFileSync(path)
    const journal = readFileSync(`${path}-journal`)
    const result = openInChild(path)
    expect(result).toMatchObject({ code: 'CORRUPT_WORKSPACE', details: { reason: 'foreign-journal' } })
    expect((result as { message: string }).message).toContain(
      'client.icpw-journal beside it is left over from an interrupted save of a different file'
    )
    expect(readFileSync(path).equals(file)).toBe(true)
    expect(readFileSync(`${path}-journal`).equals(journal)).toBe(true)
    // With the journal moved away, the restored file opens as it is.
    copyFileSync(`${path}-journal`, join(tempDir(), 'kept-journal'))
    spawnSync('rm', [`${path}-journal`])
    expect(openInChild(path)).toBe('opened')
  }, 60_000)

  it('that belongs to the file is played back: the interrupted save is undone and the file opens', () => {
    const path = workspace('mine')
    crashMidSave(path)
    const db = openWorkspaceFile(path)
    expect(readWorkspaceRow(db)?.name).toBe('mine')
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((db.prepare("SELECT COUNT(*) AS n FROM missing_token WHERE token LIKE 'token %'").get() as { n: number }).n).toBe(0)
    db.close()
    expect(existsSync(`${path}-journal`)).toBe(false)
  }, 60_000)
})
