import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorShape, MethodInput, MethodName } from '@shared/contract'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { PORTABLE_FORMAT, toPortable } from '@shared/engine/scorecard/portable-format'
import { runCli } from '../../src-main/cli/run-cli'
import { attributeKinds, attributeValues } from '../../src-main/backend/scorecards/workspace-attributes'
import { testBackend, type TestBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { writeCrmFiles } from '../support/crm-files'
import { tempDir } from '../support/temp-dir'

/** The sample workspace (accounts + deals, ~5,000 deals) is built once and copied for each test. */
let sampleDir = ''
let sampleFile = ''
beforeAll(async () => {
  sampleDir = mkdtempSync(join(tmpdir(), 'icp-scorecards-'))
  const builder = testBackend(sampleDir, 'native')
  sampleFile = (await openSampleData(builder)).path
  builder.close()
}, 60_000)
afterAll(() => rmSync(sampleDir, { recursive: true, force: true }))

async function withSample(): Promise<{ dir: string; backend: TestBackend }> {
  const dir = tempDir()
  copyFileSync(sampleFile, join(dir, 'w.icpw'))
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-open', { path: 'w.icpw' })
  return { dir, backend }
}

async function failure<M extends MethodName>(backend: TestBackend, method: M, input: MethodInput<M>): Promise<ApiErrorShape> {
  const result = await backend.dispatch(method, input)
  if (result.ok) throw new Error(`${method} succeeded but should have failed`)
  return result.error
}

/** Every op, open-ended ranges, labels, knockouts, tiers with and without colours, a cap. */
function richScorecard(name: string): Scorecard {
  return {
    name,
    categories: [...defaultScorecard(name).categories, { name: 'Fit', budget: 12.5 }],
    criteria: [
      { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 10, label: 'Software' },
      { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 1000, points: 8 },
      { id: 'c3', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 5000, max: null, points: 2 },
      { id: 'c4', category: 'Firmographic', attribute: 'Employees', op: 'lt', value: 10, points: -5 },
      { id: 'c5', category: 'Fit', attribute: 'Annual Revenue', op: 'gt', value: 1_250_000.5, points: 5 },
      { id: 'c6', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce', 'HubSpot'], points: 10 },
      { id: 'c7', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_all', values: ['Snowflake', 'Slack'], points: 5 },
      { id: 'c8', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 10 },
      { id: 'c9', category: 'Triggers', attribute: 'Hiring SDRs', op: 'is_false', points: -3 },
      { id: 'c10', category: 'Buying process', attribute: 'Lead Source', op: 'not_in', values: ['Event'], points: 4 },
      { id: 'c11', category: 'Buying process', attribute: 'Funding Stage', op: 'is_missing', points: -2 }
    ],
    knockouts: [
      { name: 'Too small', attribute: 'Employees', op: 'lt', value: 20 },
      { name: 'Competitor', attribute: 'Uses Competitor', op: 'is_true' },
      { name: 'Strategic accounts', attribute: 'Sales Region', op: 'in', values: ['Strategic'] },
      { name: 'Tiny revenue', attribute: 'Annual Revenue', op: 'between', min: null, max: 100_000 }
    ],
    tiers: [
      { name: 'A', min: 80, color: '#2f855a' },
      { name: 'B', min: 55 },
      { name: 'C', min: 0, color: '#a0aec0' }
    ],
    attributeCaps: [{ attribute: 'Tech Stack', cap: 12 }]
  }
}

describe('scorecards in a workspace', () => {
  it('creates one with the default content, saves and reads it back exactly, also after reopening', async () => {
    const { dir, backend } = await withSample()
    const created = await backend.call('scorecard-create', { name: 'Core ICP' })
    expect(created.scorecard).toEqual(defaultScorecard('Core ICP'))
    const rich = richScorecard('Core ICP')
    const saved = await backend.call('scorecard-save', { id: created.id, scorecard: rich })
    expect(saved.scorecard).toStrictEqual(rich)
    expect((await backend.call('scorecard-get', { id: created.id })).scorecard).toStrictEqual(rich)
    expect(await backend.call('scorecard-list', {})).toEqual([
      {
        id: created.id,
        name: 'Core ICP',
        criteriaCount: 11,
        knockoutCount: 4,
        versionCount: 0,
        createdAt: created.updatedAt,
        updatedAt: saved.updatedAt
      }
    ])
    backend.close()
    const reopened = testBackend(dir, 'native')
    await reopened.call('workspace-open', { path: 'w.icpw' })
    expect((await reopened.call('scorecard-get', { id: created.id })).scorecard).toStrictEqual(rich)
    reopened.close()
  })

  it('keeps only the operand fields an op uses, and refuses unknown attributes or ops that do not fit, naming the criterion', async () => {
    const { backend } = await withSample()
    const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
    const leftovers = richScorecard('Core ICP')
    leftovers.criteria[1] = { ...leftovers.criteria[1]!, values: ['stale'], value: 3, max: undefined }
    const saved = await backend.call('scorecard-save', { id, scorecard: leftovers })
    expect(saved.scorecard.criteria[1]).toStrictEqual({
      id: 'c2',
      category: 'Firmographic',
      attribute: 'Employees',
      op: 'between',
      min: 51,
      max: null,
      points: 8
    })

    const unknown = richScorecard('Core ICP')
    unknown.criteria[2] = { ...unknown.criteria[2]!, attribute: 'Shoe Size' }
    const error = await failure(backend, 'scorecard-save', { id, scorecard: unknown })
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe('Criterion 3: the attribute "Shoe Size" is not a column of this workspace; the scorecard was not saved.')
    const misfit = richScorecard('Core ICP')
    misfit.criteria[0] = { ...misfit.criteria[0]!, op: 'gt', value: 3 }
    expect((await failure(backend, 'scorecard-save', { id, scorecard: misfit })).message).toMatch(
      /^Criterion 1: "gt" does not apply to Industry, a category attribute/
    )
    expect((await failure(backend, 'scorecard-save', { id, scorecard: { ...misfit, tiers: [] } })).message).toMatch(
      /needs at least one tier/
    )
    expect((await backend.call('scorecard-get', { id })).scorecard).toStrictEqual(saved.scorecard)
    expect((await failure(backend, 'scorecard-get', { id: 999 })).code).toBe('NOT_FOUND')
  })

  it('duplicates a scorecard into an independent copy', async () => {
    const { backend } = await withSample()
    const core = await backend.call('scorecard-create', { name: 'Core ICP' })
    await backend.call('scorecard-save', { id: core.id, scorecard: richScorecard('Core ICP') })
    const adjacent = await backend.call('scorecard-create', { name: 'Adjacent ICP', from: core.id })
    expect(adjacent.id).not.toBe(core.id)
    expect(adjacent.scorecard).toStrictEqual(richScorecard('Adjacent ICP'))
    await backend.call('scorecard-save', { id: adjacent.id, scorecard: { ...adjacent.scorecard, criteria: [] } })
    expect((await backend.call('scorecard-get', { id: core.id })).scorecard).toStrictEqual(richScorecard('Core ICP'))
    expect((await backend.call('scorecard-list', {})).map((s) => [s.name, s.criteriaCount])).toEqual([
      ['Core ICP', 11],
      ['Adjacent ICP', 0]
    ])
  })

  it('keeps names unique regardless of case, for create, rename and save', async () => {
    const { backend } = await withSample()
    const core = await backend.call('scorecard-create', { name: 'Core ICP' })
    const other = await backend.call('scorecard-create', { name: 'Adjacent ICP' })
    const taken = await failure(backend, 'scorecard-create', { name: 'core icp' })
    expect(taken).toMatchObject({
      code: 'ALREADY_EXISTS',
      message: 'This workspace already has a scorecard named "Core ICP"; choose another name.'
    })
    expect((await failure(backend, 'scorecard-rename', { id: other.id, name: 'CORE ICP' })).code).toBe('ALREADY_EXISTS')
    expect((await failure(backend, 'scorecard-save', { id: other.id, scorecard: defaultScorecard('Core ICP') })).code).toBe(
      'ALREADY_EXISTS'
    )
    expect((await failure(backend, 'scorecard-create', { name: '   ' })).code).toBe('BAD_INPUT')
    const renamed = await backend.call('scorecard-rename', { id: core.id, name: '  Core ICP 2026 ' })
    expect(renamed.scorecard.name).toBe('Core ICP 2026')
    expect((await backend.call('scorecard-rename', { id: core.id, name: 'core icp 2026' })).scorecard.name).toBe('core icp 2026')
  })

  it('deletes a scorecard with its versions and content', async () => {
    const { backend } = await withSample()
    const core = await backend.call('scorecard-create', { name: 'Core ICP' })
    const other = await backend.call('scorecard-create', { name: 'Other' })
    await backend.call('scorecard-save', { id: core.id, scorecard: richScorecard('Core ICP') })
    await backend.call('scorecard-version-save', { id: core.id, note: 'Q3 review' })
    const left = await backend.call('scorecard-delete', { id: core.id })
    expect(left.map((s) => s.id)).toEqual([other.id])
    expect((await failure(backend, 'scorecard-get', { id: core.id })).code).toBe('NOT_FOUND')
    const { db } = backend.context.session.require()
    for (const table of [
      'scorecard_criterion',
      'scorecard_criterion_value',
      'scorecard_knockout',
      'scorecard_knockout_value',
      'scorecard_attribute_cap'
    ]) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0)
    }
    expect(db.prepare('SELECT count(*) FROM scorecard_revision').pluck().get()).toBe(1)
  })

  it('saves versions with notes, keeps them unchanged by later edits, and restores one without losing later versions', async () => {
    const { backend } = await withSample()
    const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
    const first = richScorecard('Core ICP')
    await backend.call('scorecard-save', { id, scorecard: first })
    const [q3] = await backend.call('scorecard-version-save', { id, note: 'Q3 review' })
    const second = { ...first, criteria: first.criteria.slice(0, 3), knockouts: [] }
    await backend.call('scorecard-save', { id, scorecard: second })
    const versions = await backend.call('scorecard-version-save', { id, note: 'After workshop' })
    expect(versions.map((v) => [v.note, v.criteriaCount, v.knockoutCount])).toEqual([
      ['After workshop', 3, 0],
      ['Q3 review', 11, 4]
    ])
    expect(versions[1]).toEqual({ ...q3, criteriaCount: 11, knockoutCount: 4 })
    await backend.call('scorecard-save', { id, scorecard: { ...second, criteria: [] } })
    expect(await backend.call('scorecard-version-get', { id, versionId: q3!.id })).toStrictEqual(first)
    expect(await backend.call('scorecard-version-get', { id, versionId: versions[0]!.id })).toStrictEqual(second)

    const restored = await backend.call('scorecard-version-restore', { id, versionId: q3!.id })
    expect(restored.scorecard).toStrictEqual(first)
    expect((await backend.call('scorecard-version-list', { id })).map((v) => v.note)).toEqual(['After workshop', 'Q3 review'])
    expect((await backend.call('scorecard-list', {}))[0]).toMatchObject({ criteriaCount: 11, versionCount: 2 })

    const other = await backend.call('scorecard-create', { name: 'Other' })
    expect((await failure(backend, 'scorecard-version-get', { id: other.id, versionId: q3!.id })).code).toBe('NOT_FOUND')
    expect((await failure(backend, 'scorecard-version-save', { id, note: ' ' })).code).toBe('BAD_INPUT')
  })
})

describe('portable scorecard files', () => {
  it('exports icp-scorecard/1 and imports it back to the same scorecard', async () => {
    const { backend } = await withSample()
    const { id } = await backend.call('scorecard-create', { name: 'Core/ICP: v2' })
    await backend.call('scorecard-save', { id, scorecard: richScorecard('Core/ICP: v2') })
    const file = await backend.call('scorecard-export-file', { id })
    expect(file.fileName).toBe('Core-ICP- v2.icp-scorecard.json')
    const json = JSON.parse(new TextDecoder().decode(file.bytes))
    expect(json).toEqual(toPortable(richScorecard('Core/ICP: v2')))
    expect(json.format).toBe(PORTABLE_FORMAT)
    const imported = await backend.call('scorecard-import-file', {
      source: { kind: 'upload', fileName: file.fileName, bytes: file.bytes },
      name: 'Imported'
    })
    expect(imported.scorecard).toStrictEqual(richScorecard('Imported'))
    expect(imported.warnings.every((w) => !/does not occur/.test(w))).toBe(true)
    expect(
      (await failure(backend, 'scorecard-import-file', { source: { kind: 'upload', fileName: 'again.json', bytes: file.bytes } })).code
    ).toBe('ALREADY_EXISTS')
  })

  it('refuses a file naming an attribute the workspace lacks, and saves nothing', async () => {
    const { dir, backend } = await withSample()
    const portable = toPortable(richScorecard('Core ICP'))
    portable.criteria[4]!.attribute = 'Shoe Size'
    const path = join(dir, 'core.icp-scorecard.json')
    writeFileSync(path, JSON.stringify(portable))
    const error = await failure(backend, 'scorecard-import-file', { source: { kind: 'path', path } })
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe(
      'core.icp-scorecard.json: criterion 5: the attribute "Shoe Size" is not a column of this workspace; nothing was imported.'
    )
    expect(await backend.call('scorecard-list', {})).toEqual([])
    writeFileSync(path, '{"format": "icp-scorecard/1", ')
    expect((await failure(backend, 'scorecard-import-file', { source: { kind: 'path', path } })).message).toMatch(
      /^core\.icp-scorecard\.json is not valid JSON/
    )
    expect((await failure(backend, 'scorecard-import-file', { source: { kind: 'path', path: 'nope.json' } })).code).toBe('NOT_FOUND')
  })

  it('imports values that do not occur in the data, with a warning for each', async () => {
    const { backend } = await withSample()
    const portable = toPortable(richScorecard('Core ICP'))
    portable.criteria[0]!.values = ['SaaS', 'Underwater Basket Weaving']
    const bytes = new TextEncoder().encode(JSON.stringify(portable))
    const imported = await backend.call('scorecard-import-file', { source: { kind: 'upload', fileName: 'core.json', bytes } })
    expect(imported.scorecard.criteria[0]!.values).toEqual(['SaaS', 'Underwater Basket Weaving'])
    expect(imported.warnings).toContain('criterion 1: the value "Underwater Basket Weaving" does not occur in Industry')
    expect((await backend.call('scorecard-list', {})).map((s) => s.name)).toEqual(['Core ICP'])
  })

  it('needs imported data to check a file against', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Empty', path: 'empty.icpw' })
    const bytes = new TextEncoder().encode(JSON.stringify(toPortable(defaultScorecard('Core ICP'))))
    expect((await failure(backend, 'scorecard-import-file', { source: { kind: 'upload', fileName: 'core.json', bytes } })).code).toBe(
      'NOT_FOUND'
    )
    // Without data a scorecard can still be made and saved; attributes are checked once data exists.
    const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
    expect((await backend.call('scorecard-save', { id, scorecard: richScorecard('Core ICP') })).scorecard).toStrictEqual(
      richScorecard('Core ICP')
    )
    backend.close()
  })
})

describe('the workspace attributes a scorecard is checked against', () => {
  it('name and type attributes as the engine dataset does; without deals, the stored columns give kinds only', async () => {
    const { backend } = await withSample()
    const { db } = backend.context.session.require()
    const values = attributeValues(db)!
    expect([...attributeKinds(db)!].map(([name, info]) => [name, info.kind])).toEqual([...values].map(([name, info]) => [name, info.kind]))
    expect(values.get('Industry')?.values).toContain('SaaS')
    expect(values.get('Tech Stack')).toMatchObject({ kind: 'multi', values: expect.arrayContaining(['Salesforce']) })

    const dir = tempDir()
    const files = writeCrmFiles(dir, 'accounts-only', 60)
    const only = testBackend(dir, 'native')
    await only.call('workspace-create', { name: 'Accounts', path: 'a.icpw' })
    const preview = await only.call('import-inspect', { source: { kind: 'path', path: files.accountsXlsx }, tableKind: 'accounts' })
    await only.call('import-commit', {
      stagingId: preview.stagingId,
      kind: 'accounts',
      columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      mode: 'replace'
    })
    const kinds = attributeValues(only.context.session.require().db)!
    expect(kinds.get('Industry')).toEqual({ kind: 'category' })
    expect(kinds.get('Employees')?.kind).toBe('number')
    only.close()
  })
})

async function icp(args: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('icp scorecard', () => {
  it('imports a file, exports an equivalent one and lists scorecards as JSON', async () => {
    const dir = tempDir()
    copyFileSync(sampleFile, join(dir, 'w.icpw'))
    const portable = toPortable(richScorecard('Core ICP'))
    portable.criteria[0]!.values = ['SaaS', 'Underwater Basket Weaving']
    writeFileSync(join(dir, 'core.json'), JSON.stringify(portable))

    const imported = await icp(['scorecard', 'import', 'w.icpw', 'core.json', '--json'], dir)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const json = JSON.parse(imported.stdout)
    expect(Object.keys(json)).toEqual(['id', 'name', 'criteria', 'warnings'])
    expect(json).toMatchObject({ name: 'Core ICP', criteria: 11 })
    expect(json.warnings).toContain('criterion 1: the value "Underwater Basket Weaving" does not occur in Industry')
    const human = await icp(['scorecard', 'import', 'w.icpw', join(dir, 'core.json'), '--name', 'Adjacent ICP'], dir)
    expect(human.stdout).toMatch(/^Imported scorecard "Adjacent ICP" \(11 criteria, 4 knockouts\)\nWarning: criterion 1: /)

    const out = join(dir, 'out.icp-scorecard.json')
    const exported = await icp(['scorecard', 'export', 'w.icpw', '--name', 'core icp', '--out', out, '--json'], dir)
    expect(exported.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(portable)

    const list = await icp(['scorecard', 'list', 'w.icpw', '--json'], dir)
    expect(list.code).toBe(0)
    const entries = JSON.parse(list.stdout)
    expect(entries).toHaveLength(2)
    expect(entries[0]).toEqual({ id: json.id, name: 'Core ICP', criteria: 11, knockouts: 4, versions: 0, updatedAt: expect.any(String) })
    expect((await icp(['scorecard', 'list', 'w.icpw'], dir)).stdout).toMatch(
      /^Core ICP {6}11 criteria, 4 knockouts, 0 versions {2}\(changed /
    )

    for (const args of [
      ['scorecard', 'export', 'w.icpw', '--name', 'Nope', '--out', out],
      ['scorecard', 'export', 'w.icpw', '--name', 'Core ICP'],
      ['scorecard', 'import', 'w.icpw', 'core.json'],
      ['scorecard', 'import', 'w.icpw']
    ]) {
      const result = await icp(args, dir)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
