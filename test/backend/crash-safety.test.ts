import { spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkspaceFile, openWorkspaceFile } from '../../src-main/backend/store/workspace-file'
import { readWorkspaceRow } from '../../src-main/backend/store/workspace-queries'
import { tempDir } from '../support/temp-dir'

const root = join(__dirname, '..', '..')

/** Runs the writer until it has committed at least `minCommits`, then SIGKILLs it. */
function killMidWrite(path: string, minCommits: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'support', 'crash-writer.ts'), path], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let last = 0
    let stderr = ''
    let scheduled = false
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString('utf8').trim().split('\n')
      last = Number(lines[lines.length - 1])
      if (!scheduled && last >= minCommits) {
        scheduled = true
        setTimeout(() => child.kill('SIGKILL'), extraMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last)
      else reject(new Error(`writer exited on its own: ${stderr}`))
    })
  })
}

describe('crash safety', () => {
  it('survives SIGKILL in the middle of writes: the file opens, is intact, and holds the last commit', async () => {
    const path = join(tempDir(), 'crash.icpw')
    createWorkspaceFile(path, 'Start').close()
    for (let round = 0; round < 5; round++) {
      const lastReported = await killMidWrite(path, 5, 7 + round * 11)
      const check = new Database(path)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      check.close()
      const db = openWorkspaceFile(path)
      const row = readWorkspaceRow(db)!
      db.close()
      // Every reported commit is on disk; at most the one in flight when killed is beyond it.
      const saved = Number(row.name.replace('Edit ', ''))
      expect(saved).toBeGreaterThanOrEqual(lastReported)
      expect(saved).toBeLessThanOrEqual(lastReported + 1)
    }
  }, 60_000)
})
