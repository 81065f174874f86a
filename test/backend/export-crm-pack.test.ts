/**
 * The CRM hand-over pack gives every account the app's own score and tier: the Salesforce
 * formulas (run by an evaluator of Salesforce's formula grammar), the HubSpot scoring rules (run
 * as HubSpot adds points and clips groups) and the keyed CSV are checked account by account
 * against the app's scored accounts, on a generated Salesforce export with every kind of rule.
 */
import { describe, expect, it } from 'vitest'
import type { CrmField } from '@shared/domain/crm'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { DISQUALIFIED, type Criterion, type Scorecard } from '@shared/engine/scorecard/model'
import { scaleScore } from '@shared/engine/scoring/scale'
import type { HubSpotScoring } from '@shared/export/crm/hubspot-scoring'
import type { AttributeValue } from '@shared/export/scored-accounts'
import { engineDatasetFor } from '../../src-main/backend/engine/engine-dataset-cache'
import { scoredAccountsWithData } from '../../src-main/backend/export/scored-accounts-export'
import { testBackend, type TestBackend } from '../support/backend'
import { importShape } from '../support/import-shape'
import { parseCsv } from '../support/parse-csv'
import { hubspotHolds } from '../support/hubspot-rules-eval'
import { evaluate, parseFormula, type SfValue } from '../support/salesforce-formula-eval'
import { tempDir } from '../support/temp-dir'
import { readZip } from '../support/zip-entries'

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes).replace(/^\ufeff/, '')

function attributeNamed(dataset: EngineDataset, pattern: RegExp, kind: string): string {
  const found = [...dataset.attributes].find(([name, column]) => pattern.test(name) && column.kind === kind)
  if (!found) throw new Error(`no ${kind} attribute like ${pattern}`)
  return found[0]
}

/** A scorecard with every kind of rule the packs translate: lists, ranges, lists of items, flags, blanks, a cap and a knockout. */
function everyRule(dataset: EngineDataset, base: Scorecard): Scorecard {
  const industry = attributeNamed(dataset, /Industry/, 'category')
  const employees = attributeNamed(dataset, /Employees/, 'number')
  const revenue = attributeNamed(dataset, /Revenue/, 'number')
  const tech = attributeNamed(dataset, /Tech Stack/, 'multi')
  const raised = attributeNamed(dataset, /Recently Raised/, 'boolean')
  const hiring = attributeNamed(dataset, /Hiring SDRs/, 'boolean')
  const country = attributeNamed(dataset, /Country/, 'category')
  const competitor = attributeNamed(dataset, /Competitor/, 'category')
  const categoryValues = (name: string): string[] => {
    const column = dataset.attributes.get(name)!
    return column.kind === 'category' ? column.values : []
  }
  const items = (() => {
    const column = dataset.attributes.get(tech)!
    return column.kind === 'multi' ? column.items : []
  })()
  const [i1, i2, i3] = categoryValues(industry)
  const c = (criterion: Omit<Criterion, 'category'> & { category?: string }): Criterion => ({ category: 'Firmographic', ...criterion })
  return {
    ...base,
    criteria: [
      c({ id: 'in', attribute: industry, op: 'in', values: [i1!, i2!], points: 15 }),
      c({ id: 'notin', attribute: industry, op: 'not_in', values: [i3!], points: 5 }),
      c({ id: 'between', attribute: employees, op: 'between', min: 51, max: 500, points: 10 }),
      c({ id: 'lt', attribute: employees, op: 'lt', value: 20, points: -20 }),
      c({ id: 'gt', attribute: revenue, op: 'gt', value: 10_000_000, points: 8 }),
      c({ id: 'any', category: 'Technographic', attribute: tech, op: 'contains_any', values: [items[0]!, items[1]!], points: 12 }),
      c({ id: 'all', category: 'Technographic', attribute: tech, op: 'contains_all', values: [items[2]!, items[3]!], points: 6 }),
      c({ id: 'true', category: 'Triggers', attribute: raised, op: 'is_true', points: 7 }),
      c({ id: 'false', category: 'Triggers', attribute: hiring, op: 'is_false', points: -4 }),
      c({ id: 'missing', attribute: country, op: 'is_missing', points: -3 })
    ],
    // Industry's two criteria can both hold (+20); the cap lets 15 through, in the app and in both CRMs.
    attributeCaps: [{ attribute: industry, cap: 15 }],
    knockouts: [{ name: 'Lost to a rival', attribute: competitor, op: 'in', values: [categoryValues(competitor)[0]!] }],
    tiers: [
      { name: 'A', min: 70 },
      { name: 'B', min: 45 },
      { name: 'C', min: 0 }
    ]
  }
}

/** The account's values as the CRM holds them: text, numbers, booleans, lists of options; blank as null. */
function crmValue(value: AttributeValue, field: CrmField): SfValue {
  if (value === null) return null
  if (field.type === 'multipicklist') return String(value).split('; ')
  return value
}

async function setUp(): Promise<{ backend: TestBackend; id: number; scorecard: Scorecard }> {
  const dir = tempDir()
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'crm', path: 'crm.icpw' })
  await importShape(backend, dir, { shape: 'salesforce', seed: 19, accounts: 600, signal: 'strong', mess: 'typical' })
  const { db } = backend.context.session.require()
  const created = await backend.call('scorecard-create', { name: 'Every rule' })
  const scorecard = everyRule(engineDatasetFor(db), created.scorecard)
  await backend.call('scorecard-save', { id: created.id, scorecard })
  return { backend, id: created.id, scorecard: (await backend.call('scorecard-get', { id: created.id })).scorecard }
}

describe('the CRM hand-over pack', () => {
  it('Salesforce formulas, HubSpot rules and the keyed CSVs give every account the app score and tier', async () => {
    const { backend, id, scorecard } = await setUp()
    const { db } = backend.context.session.require()
    const { table } = scoredAccountsWithData(db, scorecard)
    expect(table.accounts.length).toBeGreaterThan(300)
    const tiers = new Set(table.accounts.map((a) => a.tier))
    expect(tiers, 'the scorecard spreads accounts over every tier and knocks some out').toEqual(new Set(['A', 'B', 'C', DISQUALIFIED]))

    // Salesforce: the mapping proposes standard Account fields and custom ones for the rest.
    const sfMapping = await backend.call('export-crm-mapping-get', { scorecardId: id, crm: 'salesforce' })
    const sfFields = new Map(sfMapping.fields.map((f) => [f.attribute, f]))
    expect(sfMapping.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['Industry', 'NumberOfEmployees', 'AnnualRevenue', 'BillingCountry'])
    )
    expect(sfMapping.fields.every((f) => f.proposed)).toBe(true)
    const sf = await backend.call('export-crm-pack', { scorecardId: id, crm: 'salesforce' })
    const sfFiles = new Map(readZip(sf.bytes).map((e) => [e.name, text(e.data)]))
    expect([...sfFiles.keys()]).toEqual(sf.files)
    const scoreFormula = parseFormula(sfFiles.get('ICP_Score__c formula.txt')!)
    const tierFormula = parseFormula(sfFiles.get('ICP_Tier__c formula.txt')!)
    expect(sfFiles.get('ICP_Score__c formula.txt')!.length).toBeLessThanOrEqual(3900)

    // HubSpot
    const hs = await backend.call('export-crm-pack', { scorecardId: id, crm: 'hubspot' })
    const hsFiles = new Map(readZip(hs.bytes).map((e) => [e.name, text(e.data)]))
    const scoring = JSON.parse(hsFiles.get('hubspot-scoring.json')!) as HubSpotScoring
    const hsMapping = await backend.call('export-crm-mapping-get', { scorecardId: id, crm: 'hubspot' })
    const hsFields = new Map(hsMapping.fields.map((f) => [f.attribute, f]))
    expect(hs.warnings.join(' ')).not.toMatch(/points taken away/)

    let checked = 0
    for (const account of table.accounts) {
      const sfValues: Record<string, SfValue> = {}
      const hsValues: Record<string, SfValue> = {}
      table.attributes.forEach((attribute, a) => {
        sfValues[sfFields.get(attribute.name)!.field] = crmValue(account.values[a]!, sfFields.get(attribute.name)!)
        hsValues[hsFields.get(attribute.name)!.field] = crmValue(account.values[a]!, hsFields.get(attribute.name)!)
      })
      const score = evaluate(scoreFormula, sfValues)
      expect(score, `Salesforce score of ${account.accountId}`).toBe(account.score)
      expect(evaluate(tierFormula, { ...sfValues, ICP_Score__c: score }), `Salesforce tier of ${account.accountId}`).toBe(account.tier)

      let points = 0
      for (const group of scoring.groups) {
        const sum = group.rules.reduce(
          (total, rule) => total + (rule.filters.every((f) => hubspotHolds(f, hsValues[f.property] ?? null)) ? rule.points : 0),
          0
        )
        points += Math.min(sum, group.limit)
      }
      expect(points, `HubSpot points of ${account.accountId}`).toBe(account.raw)
      expect(scaleScore(points, scoring.scale)).toBe(account.score)
      const knocked = scoring.disqualifiers.some((d) => d.filters.every((f) => hubspotHolds(f, hsValues[f.property] ?? null)))
      const tier = knocked ? DISQUALIFIED : scoring.thresholds.find((t) => t.minPoints === null || points >= t.minPoints)!.tier
      expect(tier, `HubSpot tier of ${account.accountId}`).toBe(account.tier)
      checked++
    }
    expect(checked).toBe(table.accounts.length)

    // The keyed CSVs: the client's own id, then score, tier and reasons, for every account.
    // (This Salesforce export has no domain column, so neither CSV carries one.)
    for (const [crm, files, name, headers] of [
      ['salesforce', sfFiles, 'ICP scores - Salesforce import.csv', ['Account ID', 'Account Name']],
      ['hubspot', hsFiles, 'ICP scores - HubSpot import.csv', ['Record ID', 'Company name']]
    ] as const) {
      const rows = parseCsv(files.get(name)!)
      expect(rows[0], crm).toEqual([...headers, 'ICP Score', 'ICP Tier', 'ICP Reasons'])
      const body = rows.slice(1).filter((r) => r.length > 1)
      expect(body).toHaveLength(table.accounts.length)
      const byKey = new Map(body.map((r) => [r[0]!, r]))
      for (const account of table.accounts) {
        const row = byKey.get(account.accountId)!
        expect(row.slice(-3, -1), `${crm} ${account.accountId}`).toEqual([String(account.score), account.tier])
      }
    }
  }, 120_000)

  it('reason codes name the criteria that moved the score, the cap and the knockout, in the CSV, the workbook text and the pack', async () => {
    const { backend, id, scorecard } = await setUp()
    const { db } = backend.context.session.require()
    const { table } = scoredAccountsWithData(db, scorecard)
    const csv = parseCsv(text((await backend.call('export-scored-csv', { scorecardId: id })).bytes))
    const reasonsAt = csv[0]!.indexOf('Reasons')
    expect(reasonsAt).toBe(csv[0]!.length - 1)
    const byId = new Map(csv.slice(1).map((r) => [r[0]!, r[reasonsAt]!]))
    // An account meeting both Industry criteria: one reason, at the cap.
    const industryAt = table.criteria.findIndex((c) => c.id === 'in')
    const both = table.accounts.find((a) => a.knockout === null && a.matches[industryAt] && a.matches[industryAt + 1])!
    expect(both, 'an account meeting both Industry criteria').toBeDefined()
    expect(byId.get(both.accountId)).toMatch(/\(capped at 15\) \(\+15\)/)
    // Strongest first, at most three, points after the words (never "+15 …", which a spreadsheet reads as a formula).
    for (const account of table.accounts.slice(0, 50)) {
      const reasons = byId.get(account.accountId)!
      if (account.knockout === null) expect(reasons).not.toMatch(/^[+\-=@]/)
      const points = [...reasons.matchAll(/\(([+-]\d+)\)/g)].map((m) => Math.abs(Number(m[1])))
      expect(points.length).toBeLessThanOrEqual(3)
      expect(points).toEqual([...points].sort((a, b) => b - a))
    }
    const knocked = table.accounts.find((a) => a.knockout !== null)!
    expect(byId.get(knocked.accountId)).toMatch(/^Knocked out: Lost to a rival/)
  }, 120_000)

  it('keeps the consultant’s field names, refuses ones the CRM would not accept, and warns about what HubSpot cannot cap', async () => {
    const { backend, id, scorecard } = await setUp()
    const mapping = await backend.call('export-crm-mapping-get', { scorecardId: id, crm: 'salesforce' })
    const edited = mapping.fields.map((f) =>
      /Tech Stack/.test(f.attribute)
        ? { attribute: f.attribute, field: 'Installed_Tools__c', type: 'multipicklist' as const }
        : { attribute: f.attribute, field: f.field, type: f.type }
    )
    const saved = await backend.call('export-crm-mapping-save', { scorecardId: id, crm: 'salesforce', fields: edited })
    expect(saved.fields.find((f) => /Tech Stack/.test(f.attribute))).toMatchObject({ field: 'Installed_Tools__c', proposed: false })
    const pack = await backend.call('export-crm-pack', { scorecardId: id, crm: 'salesforce' })
    expect(text(readZip(pack.bytes).find((e) => e.name === 'ICP_Score__c formula.txt')!.data)).toContain('INCLUDES(Installed_Tools__c, ')

    const bad = await backend.dispatch('export-crm-mapping-save', {
      scorecardId: id,
      crm: 'salesforce',
      fields: [{ ...edited[0]!, field: 'Employee Count' }]
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.error).toMatchObject({
        code: 'BAD_INPUT',
        message: expect.stringMatching(/"Employee Count", which is not a Salesforce field API name.*Nothing was saved/)
      })
    const twice = await backend.dispatch('export-crm-mapping-save', {
      scorecardId: id,
      crm: 'hubspot',
      fields: [
        { ...edited[0]!, field: 'industry' },
        { ...edited[1]!, field: 'industry' }
      ]
    })
    expect(twice.ok).toBe(false)

    // Two negative rules on one capped attribute that can both hold: HubSpot cannot floor them at the cap.
    const employees = scorecard.criteria.find((c) => c.id === 'lt')!.attribute
    await backend.call('scorecard-save', {
      id,
      scorecard: {
        ...scorecard,
        criteria: [...scorecard.criteria, { id: 'tiny', category: 'Firmographic', attribute: employees, op: 'lt', value: 10, points: -20 }],
        attributeCaps: [...(scorecard.attributeCaps ?? []), { attribute: employees, cap: 25 }]
      }
    })
    const hs = await backend.call('export-crm-pack', { scorecardId: id, crm: 'hubspot' })
    expect(hs.warnings.join('\n')).toMatch(/the app never takes more than 25 points, but HubSpot can take up to 40/)
    expect(hs.warnings.join('\n')).not.toMatch(/describes? deals, not accounts/)

    // A trait of the deal (the opportunity's type) is not on the company record: the pack says so.
    const { db } = backend.context.session.require()
    const dealType = [...engineDatasetFor(db).levels!].find(([name, level]) => level === 'deal' && /Type/.test(name))![0]
    const typeValue = (engineDatasetFor(db).attributes.get(dealType) as { values: string[] }).values[0]!
    const now = (await backend.call('scorecard-get', { id })).scorecard
    await backend.call('scorecard-save', {
      id,
      scorecard: {
        ...now,
        criteria: [...now.criteria, { id: 'type', category: 'Triggers', attribute: dealType, op: 'in', values: [typeValue], points: 5 }]
      }
    })
    const withDeal = await backend.call('export-crm-pack', { scorecardId: id, crm: 'hubspot' })
    expect(withDeal.warnings.join('\n')).toMatch(/Type describes deals, not accounts: HubSpot scores the company record/)
  }, 120_000)
})
