import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runReadWorker } from '../../src-main/backend/import/run-read-worker'

/**
 * The folder each read hands its columns over in (staged-columns-file.ts) is the app's to
 * delete: after a read, a refused file and a cancel, and a day later if the app was killed.
 */
describe('the reading process leaves no folder behind', () => {
  const outer = process.env['TMPDIR']
  let base = ''
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'icp-read-folders-test-'))
    // tmpdir() follows TMPDIR, so this file's reads use a folder no other test touches.
    process.env['TMPDIR'] = base
  })
  afterAll(() => {
    if (outer === undefined) delete process.env['TMPDIR']
    else process.env['TMPDIR'] = outer
    rmSync(base, { recursive: true, force: true })
  })
  const readFolders = () => readdirSync(base).filter((name) => name.startsWith('icp-read-'))
  const request = (text: string) => ({
    bytes: new TextEncoder().encode(text),
    fileName: 'accounts.csv',
    missingTokens: [],
    knownOutcomes: []
  })

  it('sweeps a folder a killed app left a day ago, keeps a recent one, and deletes its own after the read', async () => {
    const old = join(base, 'icp-read-left')
    const recent = join(base, 'icp-read-running')
    for (const folder of [old, recent]) {
      mkdirSync(folder)
      writeFileSync(join(folder, 'columns.bin'), 'x')
    }
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000)
    utimesSync(old, twoDaysAgo, twoDaysAgo)
    const staged = await runReadWorker(request('Name,Employees\nAcme,10\nGlobex,250\n'), () => undefined).result
    expect(staged.columns.map((c) => c.dictionary)).toEqual([
      ['Acme', 'Globex'],
      ['10', '250']
    ])
    expect(readFolders()).toEqual(['icp-read-running'])
    rmSync(recent, { recursive: true })
  })

  it('deletes the folder of a read still running when the app exits', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs')
    const source = join(__dirname, '../../src-main/backend/import/run-read-worker.ts')
    const script = `const { runReadWorker } = require(${JSON.stringify(source)});
      const rows = Array.from({ length: 50000 }, (_, i) => 'Company ' + i + ',' + i).join('\\n');
      runReadWorker({ bytes: new TextEncoder().encode('Name,Employees\\n' + rows), fileName: 'a.csv', missingTokens: [], knownOutcomes: [] }, () => {});
      const { readdirSync } = require('node:fs');
      console.log(readdirSync(process.env.TMPDIR).filter((n) => n.startsWith('icp-read-')).length);
      process.exit(0)`
    const run = spawnSync(process.execPath, ['--require', tsx, '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: base, TSX_TSCONFIG_PATH: join(__dirname, '../../tsconfig.node.json') }
    })
    // The read had its folder while it ran, and the exit removed it.
    expect(run.stdout.trim()).toBe('1')
    expect(readFolders()).toEqual([])
  })

  it('deletes its folder when the file is refused and when the read is cancelled', async () => {
    await expect(runReadWorker(request(''), () => undefined).result).rejects.toThrow()
    expect(readFolders()).toEqual([])
    const rows = Array.from({ length: 200_000 }, (_, i) => `Company ${i},${i}`).join('\n')
    const job = runReadWorker(request(`Name,Employees\n${rows}\n`), () => undefined)
    job.cancel()
    await expect(job.result).rejects.toThrow('cancelled')
    expect(readFolders()).toEqual([])
  })
})
