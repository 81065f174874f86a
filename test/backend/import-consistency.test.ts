import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { engineDatasetFor } from '../../src-main/backend/engine/engine-dataset-cache'
import { testBackend, type TestBackend } from '../support/backend'
import { tempDir } from '../support/temp-dir'

const root = join(__dirname, '..', '..')

const CSV = [
  'Deal,Account,Result,Stage,Tools,Owner Notes',
  'D1,A1,Won,Closed Won,"Salesforce; Dynamics 365, Sales",x',
  'D2,A2,Lost,Closed Lost,Salesforce; Slack,x',
  'D3,A3,Won,Open,HubSpot; Slack,x',
  'D4,A4,Lost,Closed Won,"Dynamics 365, Sales; Slack",x',
  'D5,A5,Won,Closed Lost,HubSpot,x',
  'D6,A6,Lost,Open,Salesforce,x'
].join('\n')

async function imported(dir: string, csv = CSV, mapping: Array<{ value: string; outcome: 'won' | 'lost' | 'open' | null }> | null = null) {
  writeFileSync(join(dir, 'deals.csv'), csv)
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'C', path: 'c.icpw' })
  const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'deals.csv') }, tableKind: 'flat' })
  const columns = preview.columns.map((c) => ({
    index: c.index,
    type: c.name === 'Tools' ? ('multi' as const) : c.type,
    role: c.name === 'Result' ? ('outcome' as const) : c.role === 'outcome' ? ('attribute' as const) : c.role,
    category: c.category ?? 'Firmographic'
  }))
  await backend.call('import-commit', {
    stagingId: preview.stagingId,
    kind: 'flat',
    columns,
    outcomeMapping: mapping ?? [
      { value: 'Won', outcome: 'won' },
      { value: 'Lost', outcome: 'lost' }
    ],
    mode: 'replace'
  })
  return { backend, preview }
}

function engineCounts(backend: TestBackend): { won: number; lost: number; open: number } {
  const data = engineDatasetFor(backend.context.session.require().db)
  const counts = { won: 0, lost: 0, open: 0 }
  for (const value of data.outcome) counts[value === 1 ? 'won' : value === 0 ? 'lost' : 'open']++
  return counts
}

describe('the Data section and the engine read the data the same way', () => {
  it('count the same outcomes after the outcome role moves to another column', async () => {
    const { backend } = await imported(tempDir())
    const table = (await backend.call('dataset-summary', {})).tables[0]!
    const result = table.columns.find((c) => c.name === 'Result')!
    const stage = table.columns.find((c) => c.name === 'Stage')!
    await backend.call('dataset-set-column', { kind: 'flat', index: result.index, role: 'attribute' })
    const summary = await backend.call('dataset-set-column', { kind: 'flat', index: stage.index, role: 'outcome' })
    // "Closed Won" and "Closed Lost" were never saved: both read them through the suggestions.
    expect(summary.outcomes).toEqual({ won: 2, lost: 2, open: 2, unmapped: 0 })
    expect(engineCounts(backend)).toEqual({ won: 2, lost: 2, open: 2 })
    backend.close()
  })

  it('split list cells on the separators the import detected', async () => {
    const { backend } = await imported(tempDir())
    const tools = (await backend.call('dataset-summary', {})).tables[0]!.columns.find((c) => c.name === 'Tools')!
    expect(tools.multiSeparators).toBe(';')
    expect(tools.topValues.map((v) => v.value)).toContain('Dynamics 365, Sales')
    const column = engineDatasetFor(backend.context.session.require().db).attributes.get('Tools')
    expect(column?.kind).toBe('multi')
    expect(column?.kind === 'multi' ? column.items.sort() : []).toEqual(['Dynamics 365, Sales', 'HubSpot', 'Salesforce', 'Slack'])
    backend.close()
  })

  it('judge the outcome mapping on the column that is the outcome when committing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'deals.csv'), CSV)
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'C', path: 'c.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'deals.csv') }, tableKind: 'flat' })
    // The mapping sent only covers "Result" values, but "Stage" is made the outcome.
    const result = await backend.dispatch('import-commit', {
      stagingId: preview.stagingId,
      kind: 'flat',
      columns: preview.columns.map((c) => ({
        index: c.index,
        type: c.type,
        role: c.name === 'Stage' ? 'outcome' : c.role === 'outcome' ? 'attribute' : c.role,
        category: c.category ?? 'Firmographic'
      })),
      outcomeMapping: [
        { value: 'Closed Won', outcome: 'open' },
        { value: 'Won', outcome: 'won' },
        { value: 'Lost', outcome: 'lost' }
      ],
      mode: 'replace'
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('column "Stage": no value is mapped to won') }
    })
    backend.close()
  })
})

describe('refreshing a table', () => {
  it('refuses an append that would give two columns the outcome role', async () => {
    const dir = tempDir()
    const { backend } = await imported(dir)
    writeFileSync(join(dir, 'renamed.csv'), CSV.replace('Result', 'Outcome'))
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'renamed.csv') }, tableKind: 'flat' })
    const result = await backend.dispatch('import-commit', {
      stagingId: preview.stagingId,
      kind: 'flat',
      columns: preview.columns.map((c) => ({
        index: c.index,
        type: c.type,
        role: c.name === 'Outcome' ? 'outcome' : c.role === 'outcome' ? 'attribute' : c.role,
        category: c.category ?? 'Firmographic'
      })),
      outcomeMapping: [
        { value: 'Won', outcome: 'won' },
        { value: 'Lost', outcome: 'lost' }
      ],
      mode: 'append'
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('both have the role "outcome"') }
    })
    expect((await backend.call('dataset-summary', {})).dealCount).toBe(6)
    backend.close()
  })

  it('never replaces stored rows whose key is blank', async () => {
    const dir = tempDir()
    const withBlanks = CSV.replace('D2,', ',').replace('D3,', 'N/A,')
    const { backend } = await imported(dir, withBlanks)
    writeFileSync(join(dir, 'next.csv'), [CSV.split('\n')[0], ',A9,Won,Closed Won,HubSpot,x', 'D1,A1,Won,Closed Won,HubSpot,x'].join('\n'))
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'next.csv') }, tableKind: 'flat' })
    const summary = await backend.call('import-commit', {
      stagingId: preview.stagingId,
      kind: 'flat',
      columns: preview.columns.map((c) => ({
        index: c.index,
        type: c.type,
        role: c.name === 'Result' ? 'outcome' : c.role === 'outcome' ? 'attribute' : c.role,
        category: c.category ?? 'Firmographic'
      })),
      outcomeMapping: [
        { value: 'Won', outcome: 'won' },
        { value: 'Lost', outcome: 'lost' }
      ],
      mode: 'append',
      appendKey: 'Deal'
    })
    // D1 is replaced; the two blank-key rows stay; both new rows are added: 6 - 1 + 2.
    expect(summary.dealCount).toBe(7)
    backend.close()
  })
})

describe('hosts', () => {
  it('browser mode refuses to import by path (it only reads uploads)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'outside.csv'), 'secret,value\napi_key,abc\n')
    const backend = testBackend(tempDir())
    await backend.call('workspace-create', { name: 'B', path: 'b.icpw' })
    const result = await backend.dispatch('import-inspect', { source: { kind: 'path', path: join(dir, 'outside.csv') } })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
    backend.close()
  })

  it('icp import works from any working folder', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'deals.csv'), CSV)
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'icp.js'), ...args], { cwd: dir, encoding: 'utf8' })
    expect(run(['workspace', 'create', 'w.icpw']).status).toBe(0)
    const result = run(['import', 'w.icpw', 'deals.csv', '--as', 'flat', '--role', 'Result=ignore', '--role', 'Stage=outcome', '--json'])
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).outcomes).toEqual({ won: 2, lost: 2, open: 2, unmapped: 0 })
  })
})

describe('staged profiles', () => {
  it('reflect missing-value tokens changed between reading and committing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'deals.csv'), CSV)
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'T', path: 't.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'deals.csv') }, tableKind: 'flat' })
    const tokens = (await backend.call('dataset-summary', {})).missingTokens
    await backend.call('dataset-set-missing-tokens', { tokens: [...tokens, 'x'] })
    const summary = await backend.call('import-commit', {
      stagingId: preview.stagingId,
      kind: 'flat',
      columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
      mode: 'replace'
    })
    expect(summary.tables[0]!.columns.find((c) => c.name === 'Owner Notes')!.missingCount).toBe(6)
    backend.close()
  })
})
