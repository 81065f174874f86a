/**
 * Prospect lists in the export shapes of Apollo, Sales Navigator, ZoomInfo and a plain CSV: the
 * mapping is proposed with no input, prospects score as the engine scores accounts with the same
 * values, tier counts match a count written here independently of the engine, and whatever could
 * not be mapped is listed and counted as unknown, never as "no".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MISSING_CODE, type EngineColumn, type EngineDataset } from '@shared/engine/engine-dataset'
import { DISQUALIFIED, type Condition, type Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { findCountry, findUsState } from '@shared/import/hygiene'
import { generateProspects, type ProspectShape, type TrueProspect } from '../../scripts/crm-generator/index'
import { writeCsv } from '../../scripts/crm-generator/writers'
import { engineDatasetFor } from '../../src-main/backend/engine/engine-dataset-cache'
import { prospectRun } from '../../src-main/backend/prospects/prospect-scoring'
import { testBackend, type TestBackend } from '../support/backend'
import { importShape } from '../support/import-shape'
import { parseCsv } from '../support/parse-csv'
import { tempDir } from '../support/temp-dir'

const SIZE = 3000

interface Names {
  industry: string
  employees: string
  revenue: string
  country: string
  state: string
  tech: string
  funding: string
  raised: string
}

function nameLike(dataset: EngineDataset, pattern: RegExp, kind: EngineColumn['kind']): string {
  const found = [...dataset.attributes].find(([name, column]) => pattern.test(name) && column.kind === kind)
  if (!found) throw new Error(`no ${kind} attribute like ${pattern}`)
  return found[0]
}

function valuesOf(dataset: EngineDataset, name: string): string[] {
  const column = dataset.attributes.get(name)!
  return column.kind === 'category' ? column.values : column.kind === 'multi' ? column.items : []
}

/** Every kind of condition a prospect list meets: picklists, bands of a count, money, items, a flag the lists lack, a knockout. */
function icp(names: Names, dataset: EngineDataset): Scorecard {
  const saas = valuesOf(dataset, names.industry).filter((v) => /saas|fintech/i.test(v))
  const us = valuesOf(dataset, names.country).filter((v) => findCountry(v)?.code === 'US')
  const sunbelt = valuesOf(dataset, names.state).filter((v) => ['CA', 'TX'].includes(findUsState(v)?.code ?? ''))
  const salesforce = valuesOf(dataset, names.tech).filter((v) => v === 'Salesforce')
  const funded = valuesOf(dataset, names.funding).filter((v) => /series [ab]$/i.test(v))
  expect(saas.length && us.length && sunbelt.length && salesforce.length && funded.length, 'the workspace has the values').toBeTruthy()
  return {
    name: 'Core ICP',
    categories: [
      { name: 'Firmographic', budget: 50 },
      { name: 'Technographic', budget: 20 },
      { name: 'Triggers', budget: 30 }
    ],
    criteria: [
      { id: 'industry', category: 'Firmographic', attribute: names.industry, op: 'in', values: saas, points: 25 },
      { id: 'mid', category: 'Firmographic', attribute: names.employees, op: 'between', min: 51, max: 500, points: 20 },
      { id: 'tiny', category: 'Firmographic', attribute: names.employees, op: 'lt', value: 20, points: -15 },
      { id: 'revenue', category: 'Firmographic', attribute: names.revenue, op: 'gt', value: 10_000_000, points: 5 },
      { id: 'us', category: 'Firmographic', attribute: names.country, op: 'in', values: us, points: 5 },
      { id: 'state', category: 'Firmographic', attribute: names.state, op: 'in', values: sunbelt, points: 3 },
      { id: 'sf', category: 'Technographic', attribute: names.tech, op: 'contains_any', values: salesforce, points: 15 },
      { id: 'funded', category: 'Triggers', attribute: names.funding, op: 'in', values: funded, points: 10 },
      { id: 'raised', category: 'Triggers', attribute: names.raised, op: 'is_true', points: 12 }
    ],
    knockouts: [{ name: 'Fewer than 5 employees', attribute: names.employees, op: 'lt', value: 5 }],
    tiers: [
      { name: 'A', min: 70 },
      { name: 'B', min: 45 },
      { name: 'C', min: 0 }
    ]
  }
}

let backend: TestBackend
let dir: string
let scorecardId: number
let scorecard: Scorecard
let names: Names

// One workspace for the whole file (tempDir() folders are removed after each test).
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'icp-prospects-'))
  backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'prospects', path: 'p.icpw' })
  await importShape(backend, dir, { shape: 'standard', seed: 5, accounts: 800, signal: 'strong', mess: 'none' })
  const dataset = engineDatasetFor(backend.context.session.require().db)
  names = {
    industry: nameLike(dataset, /Industry/, 'category'),
    employees: nameLike(dataset, /Employees/, 'number'),
    revenue: nameLike(dataset, /Revenue/, 'number'),
    country: nameLike(dataset, /Country/, 'category'),
    state: nameLike(dataset, /State/, 'category'),
    tech: nameLike(dataset, /Tech/, 'multi'),
    funding: nameLike(dataset, /Funding/, 'category'),
    raised: nameLike(dataset, /Raised/, 'boolean')
  }
  const created = await backend.call('scorecard-create', { name: 'Core ICP' })
  await backend.call('scorecard-save', { id: created.id, scorecard: icp(names, dataset) })
  scorecardId = created.id
  scorecard = (await backend.call('scorecard-get', { id: created.id })).scorecard
}, 120_000)

async function importList(shape: ProspectShape, seed = 3, count = SIZE) {
  const list = generateProspects({ shape, count, seed })
  const path = join(tempDir(), `${shape}-${seed}.csv`)
  writeFileSync(path, writeCsv({ headers: list.headers, rows: list.rows }, {}))
  const summary = await backend.call('prospects-import', { source: { kind: 'path', path } })
  return { list, summary }
}

const LIST_INDUSTRY_UNMAPPED: Record<ProspectShape, readonly string[]> = {
  // "Financial Services" is not FinTech: an analyst would not map it without asking.
  apollo: ['FinTech'],
  'sales-navigator': ['FinTech'],
  zoominfo: [],
  plain: []
}

/** The workspace value a prospect's truth stands for, or null where the list's spelling is left unmapped (unknown). */
function knownValue(shape: ProspectShape, p: TrueProspect, attribute: keyof Names, vocabulary: (name: string) => string[]): unknown {
  switch (attribute) {
    case 'industry':
      return LIST_INDUSTRY_UNMAPPED[shape].includes(p.industry) ? null : p.industry
    case 'country':
      return vocabulary(names.country).find((v) => findCountry(v)?.code === p.country) ?? null
    case 'state':
      if (shape === 'plain') return null
      return p.state === null ? null : (vocabulary(names.state).find((v) => findUsState(v)?.code === p.state) ?? null)
    case 'funding':
      // Apollo spells Series D+ "Series D" and Public "IPO": no workspace value; Bootstrapped is blank.
      if (shape !== 'apollo' || p.fundingStage === null || ['Series D+', 'Public', 'Bootstrapped'].includes(p.fundingStage)) return null
      return p.fundingStage
    case 'revenue':
      return shape === 'apollo' || shape === 'zoominfo' ? p.annualRevenue : null
    case 'tech':
      return shape === 'apollo' || shape === 'plain' ? p.techStack : null
    case 'employees':
      return p.employees
    default:
      return null
  }
}

/** The same accounts as an engine dataset, from the truth: what the engine would score them with. */
function truthDataset(shape: ProspectShape, truth: TrueProspect[], vocabulary: (name: string) => string[]): EngineDataset {
  const n = truth.length
  const attributes = new Map<string, EngineColumn>()
  const category = (attribute: 'industry' | 'country' | 'state' | 'funding'): EngineColumn => {
    const values: string[] = []
    const codes = new Uint32Array(n)
    truth.forEach((p, i) => {
      const v = knownValue(shape, p, attribute, vocabulary) as string | null
      if (v === null) codes[i] = MISSING_CODE
      else codes[i] = values.includes(v) ? values.indexOf(v) : values.push(v) - 1
    })
    return { kind: 'category', codes, values }
  }
  for (const a of ['industry', 'country', 'state', 'funding'] as const) attributes.set(names[a], category(a))
  const number = (attribute: 'employees' | 'revenue'): EngineColumn => ({
    kind: 'number',
    values: Float64Array.from(truth, (p) => (knownValue(shape, p, attribute, vocabulary) as number | null) ?? NaN)
  })
  attributes.set(names.employees, number('employees'))
  attributes.set(names.revenue, number('revenue'))
  const items = vocabulary(names.tech)
  const bits = new Uint32Array(n)
  const missing = new Uint8Array(n)
  truth.forEach((p, i) => {
    const stack = knownValue(shape, p, 'tech', vocabulary) as string[] | null
    if (stack === null) missing[i] = 1
    else for (const item of stack) if (items.includes(item)) bits[i]! |= 1 << items.indexOf(item)
  })
  attributes.set(names.tech, { kind: 'multi', items, bits, wordsPerRow: 1, missing })
  attributes.set(names.raised, { kind: 'boolean', values: new Int8Array(n).fill(-1) })
  return {
    rowCount: n,
    outcome: new Int8Array(n).fill(-1),
    amount: new Float64Array(n).fill(NaN),
    cycleDays: new Float64Array(n).fill(NaN),
    closedAt: new Float64Array(n).fill(NaN),
    accountIndex: Int32Array.from(truth, (_, i) => i),
    accountCount: n,
    dealIds: truth.map(() => ''),
    accountIds: truth.map(() => ''),
    accountNames: truth.map((p) => p.name),
    attributes
  }
}

/** The scorecard's arithmetic written out plainly (docs/scorecard-format.md), for an independent tier count. */
function independentTier(card: Scorecard, holds: (c: Condition) => boolean): string {
  if (card.knockouts.some(holds)) return DISQUALIFIED
  let raw = 0
  let min = 0
  let max = 0
  const byAttribute = new Map<string, { pos: number; neg: number }>()
  for (const c of card.criteria) {
    if (holds(c)) raw += c.points
    const s = byAttribute.get(c.attribute) ?? { pos: 0, neg: 0 }
    if (c.points > 0) s.pos += c.points
    else s.neg += c.points
    byAttribute.set(c.attribute, s)
  }
  for (const s of byAttribute.values()) {
    max += s.pos
    min += s.neg
  }
  const score = Math.floor((200 * (raw - min) + (max - min)) / (2 * (max - min)))
  return card.tiers.find((t) => score >= t.min)?.name ?? card.tiers[card.tiers.length - 1]!.name
}

// Each test imports a generated list through the import's child process: slow on a busy machine.
describe('prospect lists from Apollo, Sales Navigator, ZoomInfo and a plain CSV', { timeout: 90_000 }, () => {
  const concepts: Array<[keyof Names, keyof ReturnType<typeof generateProspects>['expectedColumns']]> = [
    ['industry', 'industry'],
    ['employees', 'employees'],
    ['revenue', 'revenue'],
    ['country', 'country'],
    ['state', 'state'],
    ['tech', 'techStack'],
    ['funding', 'funding']
  ]

  for (const shape of ['apollo', 'sales-navigator', 'zoominfo', 'plain'] as const) {
    it(`${shape}: recognises the tool and proposes the mapping an analyst would, with no input`, async () => {
      const { list, summary } = await importList(shape)
      expect(summary.source).toBe(shape)
      expect(summary.rowCount).toBe(SIZE)
      const mapping = await backend.call('prospects-mapping-get', { scorecardId })
      const byAttribute = new Map(mapping.attributes.map((m) => [m.attribute, m]))
      for (const [attribute, concept] of concepts) {
        expect(byAttribute.get(names[attribute])?.column ?? null, `${attribute} in ${shape}`).toBe(list.expectedColumns[concept])
      }
      expect(byAttribute.get(names.raised)?.column, 'no list tool exports "Recently Raised"').toBeNull()
      // Industry values: each list spelling maps to the industry it was written from, except the ones an analyst would leave open.
      const industry = byAttribute.get(names.industry)!
      expect(industry.via).toBe(shape === 'zoominfo' ? 'naics' : null)
      const truthOf = new Map<string, string>()
      const rows = [...list.rows]
      for (let i = 0; i < 400; i++) {
        const p = list.truthAt(i)
        const row = rows[i]!
        const cell = String(row[list.headers.indexOf(industry.column!)])
        truthOf.set(cell, p.industry)
      }
      for (const value of industry.values) {
        const truth = truthOf.get(value.prospect)!
        expect(value.mapped, `${value.prospect} (${value.reason})`).toBe(LIST_INDUSTRY_UNMAPPED[shape].includes(truth) ? null : truth)
      }
      if (shape === 'sales-navigator') {
        const country = byAttribute.get(names.country)!
        expect(country.part).toBe('country')
        expect(byAttribute.get(names.state)!.part).toBe('state')
        expect(country.values.every((v) => v.mapped !== null)).toBe(true)
      }
      if (shape === 'zoominfo') expect(byAttribute.get(names.revenue)!.unitFactor).toBe(1000)
    })
  }

  for (const shape of ['apollo', 'zoominfo', 'plain'] as const) {
    it(`${shape}: scores equal the engine's for the same values, and tier counts an independent count`, async () => {
      const { list } = await importList(shape, 11)
      const { db } = backend.context.session.require()
      const vocabulary = (name: string): string[] => valuesOf(engineDatasetFor(db), name)
      const truth = Array.from({ length: SIZE }, (_, i) => list.truthAt(i))
      const engine = truthDataset(shape, truth, vocabulary)
      const expected = scoreCompiled(compileScorecard(scorecard, engine))
      const run = prospectRun(db, scorecardId)
      expect(Array.from(run.scoring.scored.scores)).toEqual(Array.from(expected.scores))
      expect(Array.from(run.scoring.scored.knockedOutBy)).toEqual(Array.from(expected.knockedOutBy))

      const scored = await backend.call('prospects-score', { scorecardId, limit: 50 })
      const counts = new Map<string, number>()
      truth.forEach((p) => {
        const holds = (c: Condition): boolean => {
          const known = Object.entries(names).find(([, name]) => name === c.attribute)![0] as keyof Names
          const v = knownValue(shape, p, known, vocabulary)
          if (v === null || known === 'raised') return false
          if (c.op === 'in') return (c.values ?? []).includes(v as string)
          if (c.op === 'contains_any') return (v as string[]).some((item) => (c.values ?? []).includes(item))
          if (c.op === 'between') return (v as number) >= (c.min ?? -Infinity) && (v as number) <= (c.max ?? Infinity)
          if (c.op === 'lt') return (v as number) < c.value!
          if (c.op === 'gt') return (v as number) > c.value!
          throw new Error(c.op)
        }
        const tier = independentTier(scorecard, holds)
        counts.set(tier, (counts.get(tier) ?? 0) + 1)
      })
      for (const tier of scored.market.tiers) expect(tier.count, `Tier ${tier.name}`).toBe(counts.get(tier.name) ?? 0)
      expect(scored.market.tiers.reduce((s, t) => s + t.count, 0)).toBe(SIZE)
      // The call list is best first (knocked-out prospects come last; the page holds the first 50).
      const scores = scored.rows.filter((r) => r.knockout === null).map((r) => r.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      expect(scored.market.passing).toBe(
        scored.market.tiers.filter((t) => t.name === 'A' || t.name === 'B').reduce((s, t) => s + t.count, 0)
      )
    })
  }

  it('never scores what could not be mapped as "no": it is listed, counted as unknown and named in the headline', async () => {
    await importList('sales-navigator', 17)
    const { market, rows } = await backend.call('prospects-score', { scorecardId, limit: 200 })
    const raised = market.criteria.find((c) => c.id === 'raised')!
    expect(raised).toMatchObject({ met: 0, notMet: 0, unknown: SIZE, unknownBy: { 'no-column': SIZE } })
    expect(market.unmappedAttributes).toEqual(expect.arrayContaining([names.raised, names.revenue, names.tech, names.funding]))
    // "11-50 employees" straddles "fewer than 20": neither met nor failed.
    const tiny = market.criteria.find((c) => c.id === 'tiny')!
    expect(tiny.unknownBy.band).toBeGreaterThan(0)
    expect(tiny.met + tiny.notMet + tiny.unknown).toBe(SIZE)
    // "Financial Services" stays unmapped: unknown on industry, not "not SaaS or FinTech".
    const industry = market.criteria.find((c) => c.id === 'industry')!
    expect(industry.unknownBy['unmapped-value']).toBeGreaterThan(0)
    expect(market.withUnknowns).toBe(SIZE)
    expect(market.couldPass).toBeGreaterThan(0)
    expect(market.headline).toMatch(/could not be judged on every criterion/)
    expect(market.headline).toContain(`Not in this list: `)
    for (const row of rows) {
      expect(
        row.unknown.some((u) => u.words.includes(names.raised) && u.reason === 'no-column'),
        row.name
      ).toBe(true)
      expect(row.bestScore).toBeGreaterThanOrEqual(row.score)
    }
  })

  it("keeps the consultant's mapping for the next list from the same tool", async () => {
    await importList('apollo', 21)
    const before = await backend.call('prospects-mapping-get', { scorecardId })
    const industry = before.attributes.find((a) => a.attribute === names.industry)!
    expect(industry.values.find((v) => v.prospect === 'financial services')?.mapped).toBeNull()
    const fintech = valuesOf(engineDatasetFor(backend.context.session.require().db), names.industry).find((v) => /fintech/i.test(v))!
    await backend.call('prospects-mapping-save', {
      scorecardId,
      attributes: [
        {
          attribute: industry.attribute,
          column: industry.column,
          part: industry.part,
          via: industry.via,
          unitFactor: industry.unitFactor,
          values: [{ prospect: 'financial services', mapped: fintech }]
        }
      ]
    })
    await importList('apollo', 22)
    const after = await backend.call('prospects-mapping-get', { scorecardId })
    const again = after.attributes.find((a) => a.attribute === names.industry)!
    expect(again.decided).toBe(true)
    expect(again.values.find((v) => v.prospect === 'financial services')).toMatchObject({ mapped: fintech, decided: true })
    // Values not decided are still proposed.
    expect(again.values.find((v) => v.prospect === 'computer software')).toMatchObject({ decided: false })
  })

  it('prints the market line on the one-pager only when asked for', async () => {
    await importList('zoominfo', 31, 800)
    const before = await backend.call('export-document-get', { scorecardId })
    expect(before.market ?? null).toBeNull()
    const saved = await backend.call('export-document-save', { scorecardId, document: { ...before.document, showMarket: true } })
    expect(saved.document.showMarket).toBe(true)
    const { market } = await backend.call('prospects-score', { scorecardId, limit: 0 })
    const tiers = market.tiers.map((t, i) => `${i === 0 ? `Tier ${t.name}` : t.name} ${t.count.toLocaleString('en-US')}`).join(', ')
    expect(saved.market).toContain(`Market: 800 prospects in zoominfo-31.csv (ZoomInfo, `)
    expect(saved.market).toContain(`${tiers}; ${market.passing} score ${market.threshold} or more.`)
    expect(saved.market).toContain(`Not in the list, so not judged: ${market.unmappedAttributes.join(', ')}.`)
    await backend.call('export-document-save', { scorecardId, document: { ...before.document, showMarket: false } })
    expect((await backend.call('export-document-get', { scorecardId })).market ?? null).toBeNull()
  })

  it('refuses a mapping that names a column the list lacks, and saves nothing', async () => {
    await importList('plain', 23)
    const result = await backend.dispatch('prospects-mapping-save', {
      scorecardId,
      attributes: [{ attribute: names.industry, column: 'Vertical', part: null, via: null, unitFactor: 1, values: [] }]
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/has no column "Vertical"/)
    const mapping = await backend.call('prospects-mapping-get', { scorecardId })
    expect(mapping.attributes.find((a) => a.attribute === names.industry)?.column).toBe('Industry')
  })

  it('exports the call list best first as CSV and XLSX, and in the CRM pack keyed format', async () => {
    await importList('zoominfo', 29, 500)
    const csv = await backend.call('prospects-export', { scorecardId, format: 'csv' })
    const table = parseCsv(new TextDecoder().decode(csv.bytes).replace(/^\ufeff/, ''))
    expect(table[0]).toEqual(['Rank', 'Company', 'Domain', 'ICP Score', 'Best possible score', 'ICP Tier', 'ICP Reasons', 'Not judged on'])
    expect(table.length - 1).toBe(500)
    // Best first; knocked-out prospects last, whatever their points.
    const tiers = table.slice(1).map((r) => r[5])
    const firstOut = tiers.indexOf(DISQUALIFIED)
    expect(firstOut).toBeGreaterThan(0)
    expect(tiers.slice(firstOut).every((t) => t === DISQUALIFIED)).toBe(true)
    const scores = table.slice(1, firstOut + 1).map((r) => Number(r[3]))
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const keyed = await backend.call('prospects-export', { scorecardId, format: 'keyed', crm: 'hubspot' })
    const keyedTable = parseCsv(new TextDecoder().decode(keyed.bytes).replace(/^\ufeff/, ''))
    expect(keyedTable[0]).toEqual(['Company Domain Name', 'Company name', 'ICP Score', 'ICP Tier', 'ICP Reasons'])
    expect(keyedTable[1]![0]).toMatch(/\.com$/)
    // Reopened, the page's names and domains are read from the file without loading the columns; the same ones.
    const page = await backend.call('prospects-score', { scorecardId, limit: 20 })
    await backend.call('workspace-close', {})
    await backend.call('workspace-open', { path: join(dir, 'p.icpw') })
    const reopened = await backend.call('prospects-score', { scorecardId, limit: 20 })
    expect(reopened.rows.map((r) => [r.name, r.domain, r.score])).toEqual(page.rows.map((r) => [r.name, r.domain, r.score]))
    expect(reopened.rows.map((r) => r.name)).toEqual(table.slice(1, 21).map((r) => r[1]))
    const xlsx = await backend.call('prospects-export', { scorecardId, format: 'xlsx' })
    expect(xlsx.fileName).toMatch(/\.xlsx$/)
    expect(xlsx.bytes.length).toBeGreaterThan(1000)
  })
})
