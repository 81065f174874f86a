import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/run-cli'
import { LATEST_FORMAT_VERSION } from '../../src-main/backend/store/migrations'
import { tempDir } from '../support/temp-dir'

const root = join(__dirname, '..', '..')

async function icp(args: string[], cwd = tempDir()) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('the icp command', () => {
  it('prints its version and help', async () => {
    const version = await icp(['--version'])
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0' })
    expect(JSON.parse((await icp(['--version', '--json'])).stdout)).toEqual({ name: 'ICP Workbench', version: '0.1.0' })
    const help = await icp(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('icp workspace create FILE')
    expect(help.stdout).toContain('icp workspace info FILE')
    // Wrapped for an 80-column terminal, never inside an option's brackets.
    for (const line of help.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80)
    expect(help.stdout).toContain('[--as accounts|deals|flat]')
    expect(help.stdout).toContain('[--keyed FILE.csv [--crm hubspot|salesforce|generic]]')
    const importHelp = await icp(['import', '--help'])
    expect(importHelp.code).toBe(0)
    expect(importHelp.stdout).toMatch(/^Usage: icp import WORKSPACE FILE /)
    for (const line of importHelp.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80)
    expect(importHelp.stdout).toContain('[--outcome VALUE=won|lost|open|none]…')
  })

  it('creates a workspace and describes it as JSON', async () => {
    const dir = tempDir()
    const created = await icp(['workspace', 'create', 'acme', '--name', 'Acme Corp', '--json'], dir)
    expect(created.code).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'Acme Corp', path: join(dir, 'acme.icpw') })
    const info = await icp(['workspace', 'info', 'acme.icpw', '--json'], dir)
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({
      name: 'Acme Corp',
      formatVersion: LATEST_FORMAT_VERSION,
      currentSection: 'data',
      fileName: 'acme.icpw'
    })
    const human = await icp(['workspace', 'info', 'acme.icpw'], dir)
    expect(human.stdout).toMatch(/^Name\s+Acme Corp$/m)
  })

  it('names the workspace after the file when --name is not given', async () => {
    const dir = tempDir()
    const created = await icp(['workspace', 'create', 'Globex Q4.icpw', '--json'], dir)
    expect(JSON.parse(created.stdout).name).toBe('Globex Q4')
  })

  it('exits 2 with one line on stderr for bad input, and never changes the file', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'notes.icpw'), 'hello')
    const cases = [
      ['workspace', 'info', 'notes.icpw'],
      ['workspace', 'info', 'missing.icpw'],
      ['workspace', 'info'],
      ['workspace', 'info', 'a', 'b'],
      ['workspace', 'create', 'x', '--colour', 'red'],
      ['workspace', 'create', 'notes.icpw'],
      ['frobnicate']
    ]
    for (const args of cases) {
      const result = await icp(args, dir)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.split('\n'), args.join(' ')).toHaveLength(1)
      expect(result.stderr).toMatch(/^icp: /)
    }
    expect(readFileSync(join(dir, 'notes.icpw'), 'utf8')).toBe('hello')
  })

  it('runs as an installed command through bin/icp.js', () => {
    const dir = tempDir()
    const out = execFileSync(process.execPath, [join(root, 'bin', 'icp.js'), 'workspace', 'create', 'x.icpw', '--json'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(JSON.parse(out)).toMatchObject({ name: 'x', fileName: 'x.icpw' })
    const failed = spawnSync(process.execPath, [join(root, 'bin', 'icp.js'), 'workspace', 'info', 'nope.icpw'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(failed.status).toBe(2)
    expect(failed.stderr.trim()).toMatch(/^icp: .*nope\.icpw does not exist\.$/)
  })

  it("imports through the installed command, reading in the bundle's own worker (no TypeScript at run time)", async () => {
    const { writeCrmFiles } = await import('../support/crm-files')
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'cli-built', 120)
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'icp.js'), ...args], { cwd: dir, encoding: 'utf8' })
    expect(run('workspace', 'create', 'w.icpw').status).toBe(0)
    // Without tsx: every module the built command loads must be JavaScript.
    const imported = spawnSync(
      process.execPath,
      [
        '--require',
        join(root, 'test', 'support', 'forbid-typescript.cjs'),
        join(root, 'bin', 'icp.js'),
        'import',
        'w.icpw',
        files.flatCsv,
        '--json'
      ],
      {
        cwd: dir,
        encoding: 'utf8'
      }
    )
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ dataset: 'flat', rows: files.crm.truth.deals.length })
  })
})

describe('icp import', () => {
  it('imports a flat export with the suggested settings and reports them as JSON', async () => {
    const { writeCrmFiles } = await import('../support/crm-files')
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'cli-import', 150)
    expect((await icp(['workspace', 'create', 'w.icpw'], dir)).code).toBe(0)
    const result = await icp(['import', 'w.icpw', files.flatCsv, '--json'], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(Object.keys(json)).toEqual(['dataset', 'rows', 'columns', 'cleanups', 'roles', 'outcomeMapping', 'outcomes'])
    expect(json.cleanups.applied).toEqual(expect.arrayContaining([expect.stringMatching(/^Merge .* in Industry$/)]))
    expect(json.dataset).toBe('flat')
    expect(json.rows).toBe(files.crm.truth.deals.length)
    expect(json.roles.Stage).toBe('outcome')
    expect(json.outcomeMapping['Closed Won']).toBe('won')
    expect(json.columns[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        type: expect.any(String),
        role: expect.any(String),
        missingPct: expect.any(Number),
        missingAs: expect.any(Array),
        keptAsValues: expect.any(Array),
        distinct: expect.any(Number)
      })
    )
    expect(json.columns.find((c: { name: string }) => c.name === 'Stage')).toEqual(
      expect.objectContaining({ role: 'outcome', reason: expect.stringMatching(/won and lost/) })
    )
  })

  it('imports accounts then deals with explicit keys, roles and outcomes, and reports the join', async () => {
    const { writeCrmFiles } = await import('../support/crm-files')
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'cli-two', 150)
    await icp(['workspace', 'create', 'w.icpw'], dir)
    expect((await icp(['import', 'w.icpw', files.accountsXlsx, '--as', 'accounts', '--json'], dir)).code).toBe(0)
    const deals = await icp(
      [
        'import',
        'w.icpw',
        files.dealsCsv,
        '--as',
        'deals',
        '--key',
        'Account ID',
        '--join-key',
        'Account ID',
        '--role',
        'Opportunity Owner=ignore',
        '--outcome',
        'Negotiation=open',
        '--json'
      ],
      dir
    )
    expect(deals.code).toBe(0)
    const json = JSON.parse(deals.stdout)
    expect(json.join.matched + json.join.unmatchedDeals).toBe(json.rows)
    expect(json.roles['Opportunity Owner']).toBe('ignore')
    expect(json.outcomeMapping.Negotiation).toBe('open')
  })

  it('exits 2 with one line for a bad option value or a file that cannot be read', async () => {
    const dir = tempDir()
    await icp(['workspace', 'create', 'w.icpw'], dir)
    writeFileSync(join(dir, 'notes.xlsx'), 'Account,Industry\nAcme,SaaS\n')
    for (const args of [
      ['import', 'w.icpw', 'notes.xlsx'],
      ['import', 'w.icpw', 'missing.csv'],
      ['import', 'w.icpw', 'notes.xlsx', '--as', 'contacts'],
      ['import', 'w.icpw', 'notes.xlsx', '--role', 'Industry']
    ]) {
      const result = await icp(args, dir)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})

describe('icp prospects', () => {
  it('imports a ZoomInfo list and scores it with a suggested scorecard: the market as JSON, the call list as CSV', async () => {
    const { writeCrmFiles } = await import('../support/crm-files')
    const { generateProspects } = await import('../../scripts/crm-generator/index')
    const { writeCsv } = await import('../../scripts/crm-generator/writers')
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'cli-prospects', 400)
    expect((await icp(['workspace', 'create', 'w.icpw'], dir)).code).toBe(0)
    expect((await icp(['import', 'w.icpw', files.flatCsv], dir)).code).toBe(0)
    expect((await icp(['scorecard', 'suggest', 'w.icpw', '--name', 'Core'], dir)).code).toBe(0)
    const list = generateProspects({ shape: 'zoominfo', count: 300, seed: 4 })
    writeFileSync(join(dir, 'zoominfo.csv'), writeCsv({ headers: list.headers, rows: list.rows }, {}))

    const imported = await icp(['prospects', 'import', 'w.icpw', 'zoominfo.csv', '--json'], dir)
    expect(imported.stderr).toBe('')
    expect(JSON.parse(imported.stdout)).toMatchObject({ source: 'zoominfo', rowCount: 300, fileName: 'zoominfo.csv' })

    const scored = await icp(['prospects', 'score', 'w.icpw', '--scorecard', 'Core', '--top', '5', '--out', 'calls.csv', '--json'], dir)
    expect(scored.stderr).toBe('')
    expect(scored.code).toBe(0)
    const json = JSON.parse(scored.stdout)
    expect(json.market.listSize).toBe(300)
    expect(json.market.tiers.reduce((s: number, t: { count: number }) => s + t.count, 0)).toBe(300)
    expect(json.market.headline).toMatch(/^The ICP as defined finds [\d,]+ of your 300 prospects/)
    expect(json.rows).toHaveLength(5)
    expect(json.mapping.attributes.length).toBeGreaterThan(0)
    const csv = readFileSync(join(dir, 'calls.csv'), 'utf8')
    expect(csv.split('\r\n').filter((l) => l !== '').length).toBe(301)

    const human = await icp(['prospects', 'score', 'w.icpw', '--scorecard', 'Core'], dir)
    expect(human.stdout).toMatch(/What narrows the market most/)
    expect(human.stdout).toMatch(/Mapping:/)

    const bad = await icp(['prospects', 'score', 'w.icpw', '--scorecard', 'Core', '--threshold', '120'], dir)
    expect(bad).toMatchObject({ code: 2 })
    expect(bad.stderr).toMatch(/--threshold is a whole number from 0 to 100/)

    // Said in English whatever the tool's name starts with.
    const apollo = generateProspects({ shape: 'apollo', count: 50, seed: 5 })
    writeFileSync(join(dir, 'apollo.csv'), writeCsv({ headers: apollo.headers, rows: apollo.rows }, {}))
    expect((await icp(['prospects', 'import', 'w.icpw', 'apollo.csv'], dir)).stdout).toMatch(
      /prospects from apollo\.csv as an Apollo list \(/
    )
    expect((await icp(['prospects', 'import', 'w.icpw', 'zoominfo.csv'], dir)).stdout).toMatch(/as a ZoomInfo list \(/)
  })
})
