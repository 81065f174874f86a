import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/run-cli'
import { testBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { tempDir } from '../support/temp-dir'

describe('discover on the sample client (planted signal)', () => {
  it('ranks the planted traits, flags the leaky columns and keeps noise out', async () => {
    const backend = testBackend(tempDir(), 'native')
    await openSampleData(backend)
    const report = await backend.call('discover-run', {})
    expect(report.signal).toBe('present')
    expect(report.n).toBeGreaterThan(3000)
    const byName = new Map(report.attributes.map((a) => [a.name, a]))
    // Filled in only once a deal is won: a date, so the import never offers it as a trait at all.
    expect(byName.has('Contract Signed Date')).toBe(false)
    const summary = await backend.call('dataset-summary', {})
    const signed = summary.tables.flatMap((t) => t.columns).find((c) => c.name === 'Contract Signed Date')
    expect(signed?.role).toBe('ignore')
    expect(signed?.roleReason).toMatch(/a date/)
    // Filled in for customers after they signed: too good to be true even if not perfect.
    expect([...byName.values()].find((a) => a.name.startsWith('Onboarding Completed'))?.leakageSuspected).toBe(true)
    const honest = report.attributes.filter((a) => !a.leakageSuspected)
    const top = honest.slice(0, 6).map((a) => a.name)
    expect(top).toEqual(expect.arrayContaining(['Industry', 'Employees']))
    const owner = report.attributes.find((a) => a.name === 'Opportunity Owner')
    expect(owner?.significant).toBe(false)
    const industry = byName.get('Industry')!
    const saas = industry.values.find((v) => v.label === 'SaaS')!
    expect(saas.rate!).toBeGreaterThan(report.baseRate!)
    expect(saas.condition).toEqual({ attribute: 'Industry', op: 'in', values: ['SaaS'] })
    const employees = byName.get('Employees')!
    expect(employees.bands?.map((b) => b.label)).toContain('51-200')
    backend.close()
  })

  it('suggests a scorecard that ranks deals well and saves it', async () => {
    const backend = testBackend(tempDir(), 'native')
    await openSampleData(backend)
    const suggested = await backend.call('scorecard-suggest', { name: 'Suggested ICP' })
    // Measured on the newest deals, which the fit never saw, and saying so.
    expect(suggested.validation.measuredOn).toBe('holdout')
    expect(suggested.validation.kind).toBe('time')
    expect(suggested.validation.description).toMatch(
      /^Fitted on the [\d,]+ deals closed before \d{4}-\d\d-\d\d; measured on the [\d,]+ closed on or after it/
    )
    expect(suggested.auc).toBe(suggested.validation.auc)
    expect(suggested.auc!).toBeGreaterThan(0.7)
    expect(suggested.validation.auc!).toBeGreaterThanOrEqual(suggested.validation.unconstrainedAuc! - 0.02)
    expect(suggested.attributes.length).toBeLessThanOrEqual(7)
    expect(suggested.scorecard.criteria.length).toBeLessThanOrEqual(15)
    expect(suggested.attributes).not.toContain('Contract Signed Date')
    // On every deal, the saved scorecard ranks about as well as on the held-out ones.
    const report = await backend.call('simulate-run', { scorecardId: suggested.id, threshold: 50 })
    expect(Math.abs(report.auc! - suggested.auc!)).toBeLessThan(0.05)
    expect((await backend.call('scorecard-list', {})).map((s) => s.name)).toEqual(['Suggested ICP'])
    backend.close()
  })
})

describe('icp discover and icp scorecard suggest', () => {
  it('print the documented JSON', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    await openSampleData(backend)
    backend.close()
    const out: string[] = []
    const err: string[] = []
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir }
    expect(await runCli(['discover', 'Sample workspace.icpw', '--json'], io)).toBe(0)
    const json = JSON.parse(out.join('\n'))
    expect(Object.keys(json)).toEqual(['target', 'n', 'positives', 'baseRate', 'accounts', 'signal', 'attributes'])
    const attribute = json.attributes[0]
    for (const key of ['name', 'category', 'iv', 'strength', 'unit', 'leakageSuspected', 'leakageOverruled', 'excluded', 'values'])
      expect(attribute).toHaveProperty(key)
    for (const key of ['label', 'n', 'deals', 'accounts', 'positives', 'rate', 'ci', 'lift', 'woe', 'tooSmall'])
      expect(attribute.values[0]).toHaveProperty(key)
    out.length = 0
    expect(await runCli(['scorecard', 'suggest', 'Sample workspace.icpw', '--name', 'From evidence', '--json'], io)).toBe(0)
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      name: 'From evidence',
      criteria: expect.any(Number),
      auc: expect.any(Number),
      validation: { measuredOn: 'holdout', verdict: { sentence: expect.any(String) } }
    })
    expect(await runCli(['discover', 'Sample workspace.icpw', '--target', 'best'], io)).toBe(2)
    expect(err.join('\n')).toContain('Best customers need a definition')
  })
})
