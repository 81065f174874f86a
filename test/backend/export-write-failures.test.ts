/**
 * Writing an export where the disk refuses it (issue 17, item 9): a full disk or a read-only
 * folder is a coded error naming the output file, exit code 2, not "internal error: ENOSPC".
 * Real refusals: a tiny tmpfs filled up, and a tmpfs remounted read-only (root ignores file
 * modes); skipped, with the reason, where this machine cannot mount.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/run-cli'
import { testBackend } from '../support/backend'
import { skipBecause } from '../support/skip'
import { remountReadOnly, smallDisk } from '../support/small-disk'
import { tempDir } from '../support/temp-dir'

async function icp(args: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** A workspace with one scorecard, "Core", closed again so the CLI can open it. */
async function workspaceWithScorecard(): Promise<string> {
  const dir = tempDir()
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'Acme', path: join(dir, 'acme.icpw') })
  await backend.call('scorecard-create', { name: 'Core' })
  await backend.call('workspace-close', {})
  return dir
}

describe('an export to a pipe or a device', () => {
  it('is written into it, and the pipe is still a pipe (the atomic write once replaced /dev/null with a file)', async () => {
    const dir = await workspaceWithScorecard()
    const fifo = join(dir, 'out.fifo')
    execFileSync('mkfifo', [fifo])
    // A reader on the other end, as a shell's `| gzip` would be.
    const reader = spawn('cat', [fifo])
    const read: Buffer[] = []
    reader.stdout.on('data', (chunk: Buffer) => read.push(chunk))
    const closed = new Promise((resolve) => reader.on('close', resolve))
    const result = await icp(['export', 'acme.icpw', '--scorecard', 'Core', '--sql', fifo], dir)
    await closed
    expect(result.code).toBe(0)
    expect(statSync(fifo).isFIFO()).toBe(true)
    expect(Buffer.concat(read).toString('utf8')).toMatch(/SELECT/i)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('an export the disk refuses', () => {
  it('to a full disk: DISK_FULL naming the file, exit 2, nothing half-written', async (ctx) => {
    const disk = smallDisk(256)
    if (disk === null) skipBecause(ctx, 'a tmpfs could not be mounted here (needs root with mount rights)')
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(512 * 1024))
    } catch {
      // ENOSPC: the disk is now full to the last block.
    }
    const dir = await workspaceWithScorecard()
    const out = join(disk, 'core.icp-scorecard.json')
    const result = await icp(['scorecard', 'export', 'acme.icpw', '--name', 'Core', '--out', out], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `icp: core.icp-scorecard.json could not be written: the disk holding ${disk} is full. Nothing was written; free some space and export again.`
    )
    expect(readdirSync(disk)).toEqual(['filler'])
  })

  it('to a read-only folder: PERMISSION_DENIED naming the file, exit 2', async (ctx) => {
    const disk = smallDisk(256)
    if (disk === null) skipBecause(ctx, 'a tmpfs could not be mounted here (needs root with mount rights)')
    remountReadOnly(disk)
    const dir = await workspaceWithScorecard()
    const result = await icp(['export', 'acme.icpw', '--scorecard', 'Core', '--sql', join(disk, 'core.sql')], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `icp: core.sql could not be written: ${disk} is read-only for you. Nothing was written; choose a folder you can write to.`
    )
    expect(existsSync(join(disk, 'core.sql'))).toBe(false)
  })
})
