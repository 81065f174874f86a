/**
 * One rule turns deal scores into an account's score and tier: its most recent deal's
 * (docs/exports.md, "Which deal scores an account"). On a workspace with a deal-level attribute,
 * where an account's deals score differently, every place that scores an account must give it
 * the same score and tier: the compare view's accounts, capacity planning's account counts,
 * Test a record, the scored-accounts CSV and the workbook's cached values.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { CompareSwap } from '@shared/domain/simulation'
import type { Criterion, Knockout, Scorecard } from '@shared/engine/scorecard/model'
import { simulationFor } from '../../src-main/backend/simulate/run-simulation'
import { testBackend, type TestBackend } from '../support/backend'
import { importShape } from '../support/import-shape'
import { parseCsv } from '../support/parse-csv'
import { tempDir } from '../support/temp-dir'

interface Scored {
  score: number
  tier: string
}

async function save(backend: TestBackend, name: string, edit: (scorecard: Scorecard) => Scorecard): Promise<number> {
  const created = await backend.call('scorecard-create', { name })
  await backend.call('scorecard-save', { id: created.id, scorecard: edit(created.scorecard) })
  return created.id
}

/** Every page of one side of the swap set. */
async function allSwaps(backend: TestBackend, a: number, b: number, list: 'entering' | 'leaving'): Promise<CompareSwap[]> {
  const rows: CompareSwap[] = []
  for (let offset = 0; ; offset += 500) {
    const report = await backend.call('simulate-compare', {
      a: { scorecardId: a },
      b: { scorecardId: b },
      swapLimit: 500,
      [`${list}Offset`]: offset
    })
    rows.push(...report[list].rows)
    if (rows.length >= report[list].total) return rows
  }
}

describe('an account has one score and tier everywhere', () => {
  it('compare, capacity, Test a record, the CSV and the workbook agree on a scorecard with a deal-level attribute', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'rule', path: 'rule.icpw' })
    await importShape(backend, dir, { shape: 'salesforce', seed: 35, accounts: 400, signal: 'strong', mess: 'none' })

    // A deal-level attribute with two values: one scores, the other knocks out; an account-level one spreads the scores.
    const report = await backend.call('discover-run', {})
    const usable = report.attributes.filter((a) => !a.excluded && !a.leakageSuspected)
    const deal = usable.find((a) => a.unit === 'deal' && a.values.filter((v) => v.condition?.op === 'in').length >= 2)
    const account = usable.find((a) => a.unit === 'account' && a.values.some((v) => v.condition))
    expect(deal, 'a deal-level category in the Salesforce shape').toBeDefined()
    expect(account, 'an account-level attribute').toBeDefined()
    const [scoring, knocking] = deal!.values.filter((v) => v.condition?.op === 'in').map((v) => v.condition!)
    const criteria = (category: string): Criterion[] => [
      { ...scoring!, id: 'deal', category, points: 40 },
      { ...account!.values.find((v) => v.condition)!.condition!, id: 'account', category, points: 20 }
    ]
    const knockout: Knockout = { ...knocking!, name: `${deal!.name} knockout` }
    const id = await save(backend, 'Deal-level', (s) => ({ ...s, criteria: criteria(s.categories[0]!.name), knockouts: [knockout] }))
    // Everyone in the top tier (no knockouts, one tier from 0) and no one (every deal knocked out):
    // compared with them, every account appears once in a swap set with its tier and score.
    const everyone = await save(backend, 'Everyone', (s) => ({
      ...s,
      criteria: criteria(s.categories[0]!.name),
      tiers: [{ name: 'All', min: 0 }]
    }))
    const missing = { attribute: deal!.name, op: 'is_missing' as const, name: 'Missing' }
    const noOne = await save(backend, 'No one', (s) => ({
      ...s,
      criteria: criteria(s.categories[0]!.name),
      knockouts: [knockout, { ...knocking!, op: 'not_in' as const, name: 'Other' }, missing]
    }))

    const { db } = backend.context.session.require()
    const scorecard = (await backend.call('scorecard-get', { id })).scorecard
    const tierNames = scorecard.tiers.map((t) => t.name)

    // The CSV: one row per account.
    const csv = parseCsv(
      new TextDecoder().decode((await backend.call('export-scored-csv', { scorecardId: id })).bytes).replace(/^\ufeff/, '')
    )
    const header = csv[0]!
    const [idAt, scoreAt, tierAt] = ['Account ID', 'Score', 'Tier'].map((h) => header.indexOf(h))
    const fromCsv = new Map<string, Scored>(
      csv
        .slice(1)
        .filter((r) => r.length > 1)
        .map((r) => [r[idAt!]!, { score: Number(r[scoreAt!]), tier: r[tierAt!]! }])
    )
    expect(fromCsv.size).toBeGreaterThan(100)

    // The rule matters here: for some accounts the best deal would give another tier than the most recent one.
    const sim = simulationFor(db, scorecard, 'won')
    const { dataset } = sim.view
    const bestTier = new Map<string, number>()
    for (let row = 0; row < dataset.rowCount; row++) {
      if (dataset.accountIndex[row]! < 0) continue
      const tier = sim.scored.tiers[row]!
      const seen = bestTier.get(dataset.accountIds[row]!)
      const rank = (t: number): number => (t < 0 ? 99 : t)
      if (seen === undefined || rank(tier) < rank(seen)) bestTier.set(dataset.accountIds[row]!, tier)
    }
    const differs = [...fromCsv].filter(([accountId, { tier }]) => {
      const best = bestTier.get(accountId)!
      return (best < 0 ? 'Disqualified' : tierNames[best]) !== tier
    })
    expect(differs.length, 'accounts whose best deal is in another tier than their most recent one').toBeGreaterThan(5)
    expect([...fromCsv.values()].some((s) => s.tier === 'Disqualified')).toBe(true)

    // The workbook's cached values.
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from((await backend.call('export-workbook', { scorecardId: id })).bytes) as unknown as ExcelJS.Buffer)
    const sheet = book.getWorksheet('Scored accounts')!
    const sheetHeader = (sheet.getRow(1).values as unknown[]).map(String)
    const [wbId, wbScore, wbTier] = ['Account ID', 'Score', 'Tier'].map((h) => sheetHeader.indexOf(h))
    // A formula cell's cached value (the engine's result, what a viewer that does not recalculate shows).
    const cached = (cell: ExcelJS.Cell): unknown => (cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value)
    const fromWorkbook = new Map<string, Scored>()
    sheet.eachRow((row, r) => {
      if (r === 1) return
      expect(row.getCell(wbScore!).type).toBe(ExcelJS.ValueType.Formula)
      fromWorkbook.set(String(cached(row.getCell(wbId!))), {
        score: Number(cached(row.getCell(wbScore!))),
        tier: String(cached(row.getCell(wbTier!)))
      })
    })
    expect(fromWorkbook).toEqual(fromCsv)

    // The compare view: A's tier and score of every account, from the two swap sets.
    const fromCompare = new Map<string, Scored>()
    for (const swap of [...(await allSwaps(backend, id, noOne, 'leaving')), ...(await allSwaps(backend, id, everyone, 'entering'))]) {
      expect(fromCompare.has(swap.accountId), swap.accountId).toBe(false)
      fromCompare.set(swap.accountId, { score: swap.scoreA!, tier: swap.tierA })
    }
    expect(await allSwaps(backend, id, noOne, 'entering')).toEqual([])
    expect(await allSwaps(backend, id, everyone, 'leaving')).toEqual([])
    expect(fromCompare).toEqual(fromCsv)
    const compared = await backend.call('simulate-compare', { a: { scorecardId: id }, b: { scorecardId: noOne } })
    expect(compared.a.topTierAccounts).toBe([...fromCsv.values()].filter((s) => s.tier === tierNames[0]).length)

    // Test a record: each account searched by its id.
    for (const [accountId, expected] of fromCsv) {
      const records = await backend.call('scorecard-explain', { id, query: accountId, limit: 200 })
      const record = records.find((r) => r.accountId === accountId)
      expect(record, accountId).toBeDefined()
      expect({ score: record!.score, tier: record!.tier }, accountId).toEqual(expected)
    }

    // Capacity: the accounts passing each tier's minimum, as the CSV counts them.
    for (const tier of scorecard.tiers) {
      const passing = [...fromCsv.values()].filter((s) => s.tier !== 'Disqualified' && s.score >= tier.min).length
      const run = await backend.call('simulate-run', { scorecardId: id, capacity: Math.max(1, passing) })
      if (passing === 0) continue
      expect(run.capacity!.threshold, tier.name).not.toBeNull()
      expect(run.capacity!.threshold!, tier.name).toBeLessThanOrEqual(tier.min)
      expect(run.capacity!.accountsPassing, tier.name).toBe(passing)
      // And at the threshold it chose, the CSV counts the same accounts.
      const atThreshold = [...fromCsv.values()].filter((s) => s.tier !== 'Disqualified' && s.score >= run.capacity!.threshold!).length
      expect(atThreshold, tier.name).toBe(passing)
    }

    // The one-pager's accounts per tier: the CSV's decided accounts (won or lost) in each tier.
    const [outcomeAt] = ['Outcome'].map((h) => header.indexOf(h))
    const decidedRows = csv.slice(1).filter((r) => r.length > 1 && r[outcomeAt!] !== 'open')
    const content = await backend.call('export-document-get', { scorecardId: id })
    for (const tier of content.evidence.tiers) {
      const inTier = decidedRows.filter((r) => r[tierAt!] === tier.name)
      expect({ accounts: tier.accounts, won: tier.wonAccounts }, tier.name).toEqual({
        accounts: inTier.length,
        won: inTier.filter((r) => r[outcomeAt!] === 'won').length
      })
    }
    backend.close()
  })
})
