import { describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { compareScorecards } from '@shared/engine/simulation/compare'
import type { CompareSwap } from '@shared/domain/simulation'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { simulationFor } from '../../src-main/backend/simulate/run-simulation'
import { readContent } from '../../src-main/backend/scorecards/scorecard-content'
import { findScorecard, findVersion } from '../../src-main/backend/scorecards/scorecard-queries'
import { testBackend, type TestBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { tempDir } from '../support/temp-dir'

/** The generator's planted ICP, as in simulate.test.ts. */
function icpScorecard(): Scorecard {
  return {
    ...defaultScorecard('Core ICP'),
    criteria: [
      { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
      { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 500, points: 20 },
      { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 25 },
      { id: 'c4', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 25 }
    ],
    knockouts: [{ name: 'Education', attribute: 'Industry', op: 'in', values: ['Education'] }]
  }
}

/** The sample workspace with the ICP saved as version "Q3 review", then the working copy changed by `edit`. */
async function versionAndEdit(edit: (scorecard: Scorecard) => Scorecard): Promise<{ backend: TestBackend; id: number; versionId: number }> {
  const backend = testBackend(tempDir(), 'native')
  await openSampleData(backend)
  const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
  await backend.call('scorecard-save', { id, scorecard: icpScorecard() })
  const [version] = await backend.call('scorecard-version-save', { id, note: 'Q3 review' })
  await backend.call('scorecard-save', { id, scorecard: edit(icpScorecard()) })
  return { backend, id, versionId: version!.id }
}

/** Every page of one side of the swap set. */
async function allSwaps(
  backend: TestBackend,
  input: { a: { scorecardId: number; versionId?: number }; b: { scorecardId: number } },
  list: 'entering' | 'leaving'
): Promise<CompareSwap[]> {
  const rows: CompareSwap[] = []
  for (let offset = 0; ; offset += 500) {
    const report = await backend.call('simulate-compare', { ...input, swapLimit: 500, [`${list}Offset`]: offset })
    rows.push(...report[list].rows)
    if (rows.length >= report[list].total) return rows
  }
}

const nullIfNaN = (value: number): number | null => (Number.isFinite(value) ? value : null)

/** Each account's most recent deal (latest close, else created date, else the last in the data), by sorting its deals. */
function mostRecentDeals(dataset: EngineDataset): Map<string, number> {
  const deals = new Map<string, number[]>()
  for (let row = 0; row < dataset.rowCount; row++) {
    if (dataset.accountIndex[row]! < 0) continue
    const id = dataset.accountIds[row]!
    deals.set(id, [...(deals.get(id) ?? []), row])
  }
  const dateOf = (row: number): number => {
    const closed = dataset.closedAt[row]!
    const created = dataset.createdAt?.[row] ?? NaN
    return Number.isNaN(closed) ? (Number.isNaN(created) ? -Infinity : created) : closed
  }
  return new Map([...deals].map(([id, rows]) => [id, [...rows].sort((x, y) => dateOf(x) - dateOf(y) || x - y).at(-1)!]))
}

describe('simulate-compare', () => {
  it('reports exactly what the engine compares, and a swap set that follows the accounts', async () => {
    const withoutIndustry = (s: Scorecard): Scorecard => ({ ...s, criteria: s.criteria.filter((c) => c.id !== 'c1') })
    const { backend, id, versionId } = await versionAndEdit(withoutIndustry)
    const input = { a: { scorecardId: id, versionId }, b: { scorecardId: id } }
    const report = await backend.call('simulate-compare', input)

    // The engine directly, on the same stored revisions.
    const { db } = backend.context.session.require()
    const record = findScorecard(db, id)!
    const version = readContent(db, findVersion(db, id, versionId)!, record.name)
    const working = readContent(db, record.workingRevisionId, record.name)
    expect(version.criteria).toHaveLength(4)
    expect(working.criteria).toHaveLength(3)
    const simA = simulationFor(db, version, 'won')
    const simB = simulationFor(db, working, 'won')
    const direct = compareScorecards(simA, simB)
    for (const key of [
      'threshold',
      'auc',
      'gini',
      'ks',
      'passRate',
      'winRateAbove',
      'lift',
      'recall',
      'revenueKept',
      'topTierAccounts'
    ] as const) {
      expect(report.a[key], `a.${key}`).toBe(nullIfNaN(direct.a[key]))
      expect(report.b[key], `b.${key}`).toBe(nullIfNaN(direct.b[key]))
      expect(report.delta[key], `delta.${key}`).toBeCloseTo(direct.delta[key], 12)
    }
    expect(report.a).toMatchObject({ scorecardId: id, versionId, revision: 'Q3 review', topTier: 'A', topTierMin: 80 })
    expect(report.b).toMatchObject({ scorecardId: id, versionId: null, revision: 'Working copy' })
    expect(report.entering.total).toBe(direct.entering.length)
    expect(report.leaving.total).toBe(direct.leaving.length)
    expect(report.entering.rows.map((r) => r.accountId)).toEqual(direct.entering.slice(0, 50).map((s) => s.accountId))
    // Dropping a 30-point criterion re-scales everyone: accounts move both ways.
    expect(report.entering.total).toBeGreaterThan(0)
    expect(report.leaving.total).toBeGreaterThan(0)
    expect(report.a.auc! - report.b.auc!).toBeGreaterThan(0)

    // Independently: an account is top tier when its most recent deal is in tier 0.
    const latest = mostRecentDeals(simA.view.dataset)
    const topAccounts = (tiers: Int8Array): Set<string> => new Set([...latest].filter(([, row]) => tiers[row] === 0).map(([id]) => id))
    const inA = topAccounts(simA.scored.tiers)
    const inB = topAccounts(simB.scored.tiers)
    const entering = await allSwaps(backend, input, 'entering')
    const leaving = await allSwaps(backend, input, 'leaving')
    expect(new Set(entering.map((r) => r.accountId))).toEqual(new Set([...inB].filter((a) => !inA.has(a))))
    expect(new Set(leaving.map((r) => r.accountId))).toEqual(new Set([...inA].filter((a) => !inB.has(a))))
    // Several deals to an account, so the rule matters here.
    expect(latest.size).toBeLessThan(simA.view.dataset.rowCount)
    for (const row of [...entering, ...leaving]) {
      const deal = latest.get(row.accountId)!
      expect([row.scoreA, row.scoreB]).toEqual([simA.scored.scores[deal], simB.scored.scores[deal]])
    }
    for (const row of entering) {
      expect(row.tierB).toBe('A')
      expect(row.tierA).not.toBe('A')
      expect(row.scoreB!).toBeGreaterThanOrEqual(80)
    }
    for (const row of leaving) expect(row.tierA).toBe('A')
    // Highest score under the new side first.
    expect(entering.map((r) => r.scoreB)).toEqual([...entering.map((r) => r.scoreB)].sort((x, y) => y! - x!))
    backend.close()
  })

  it('sends every top-tier SaaS account out, and none in, when SaaS becomes a knockout', async () => {
    const saasOut = (s: Scorecard): Scorecard => ({
      ...s,
      knockouts: [...s.knockouts, { name: 'No SaaS', attribute: 'Industry', op: 'in', values: ['SaaS'] }]
    })
    const { backend, id, versionId } = await versionAndEdit(saasOut)
    const report = await backend.call('simulate-compare', { a: { scorecardId: id, versionId }, b: { scorecardId: id }, swapLimit: 500 })
    expect(report.entering.total).toBe(0)
    expect(report.leaving.total).toBeGreaterThan(0)
    expect(report.delta.topTierAccounts).toBe(-report.leaving.total)
    // Independently: the accounts whose most recent deal is top tier under the version and SaaS.
    const { db } = backend.context.session.require()
    const before = simulationFor(db, icpScorecard(), 'won')
    const { attributes } = before.view.dataset
    const industry = attributes.get('Industry')!
    if (industry.kind !== 'category') throw new Error('Industry should be a category')
    const saas = industry.values.indexOf('SaaS')
    const latest = mostRecentDeals(before.view.dataset)
    const expected = new Set(
      [...latest].filter(([, row]) => before.scored.tiers[row] === 0 && industry.codes[row] === saas).map(([id]) => id)
    )
    expect(report.leaving.total).toBe(expected.size)
    for (const row of report.leaving.rows) {
      expect(expected.has(row.accountId)).toBe(true)
      // Knocked out, the account keeps its most recent deal's score beside the tier, as the exports show it.
      expect(row).toMatchObject({ tierA: 'A', tierB: 'Disqualified', scoreB: before.scored.scores[latest.get(row.accountId)!] })
    }
    // Thresholds other than the top tier's minimum are honoured.
    const lower = await backend.call('simulate-compare', {
      a: { scorecardId: id, versionId },
      b: { scorecardId: id },
      thresholdA: 40,
      thresholdB: 60
    })
    expect(lower.a.threshold).toBe(40)
    expect(lower.b.threshold).toBe(60)
    expect(lower.delta.threshold).toBe(20)
    backend.close()
  })

  it('refuses what it cannot compare with coded errors', async () => {
    const { backend, id, versionId } = await versionAndEdit((s) => s)
    const other = await backend.call('scorecard-create', { name: 'Adjacent ICP' })
    const bad = [
      [{ a: { scorecardId: id }, b: { scorecardId: 999 } }, 'NOT_FOUND'],
      [{ a: { scorecardId: other.id, versionId }, b: { scorecardId: id } }, 'NOT_FOUND'],
      [{ a: { scorecardId: id }, b: { scorecardId: id }, thresholdA: 101 }, 'BAD_INPUT'],
      [{ a: { scorecardId: id }, b: { scorecardId: id }, swapLimit: 0 }, 'BAD_INPUT'],
      [{ a: { scorecardId: id }, b: { scorecardId: id, extra: 1 } }, 'BAD_INPUT'],
      [{ a: { scorecardId: id }, b: { scorecardId: id }, outcome: 'best' }, 'NOT_SUPPORTED']
    ] as const
    for (const [input, code] of bad) {
      expect(await backend.dispatch('simulate-compare', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code } })
    }
    // The same revision on both sides: nothing moves.
    const same = await backend.call('simulate-compare', { a: { scorecardId: id, versionId }, b: { scorecardId: id } })
    expect(same.entering.total + same.leaving.total).toBe(0)
    expect(same.delta.auc).toBe(0)
    backend.close()
  })
})

describe('simulate-band-accounts', () => {
  it('lists exactly the deals each band row counts, with their points', async () => {
    const { backend, id } = await versionAndEdit((s) => s)
    const report = await backend.call('simulate-run', { scorecardId: id })
    const rows = [...report.tiers, ...report.bands]
    expect(rows.some((r) => r.name === 'Disqualified' && r.n > 0)).toBe(true)
    for (const band of rows) {
      const range = band.from === null ? { disqualified: true as const } : { from: band.from, to: band.to! }
      let seen = 0
      let previous = 101
      for (let offset = 0; ; offset += 500) {
        const page = await backend.call('simulate-band-accounts', { scorecardId: id, ...range, offset, limit: 500 })
        expect(page.total, band.name).toBe(band.n)
        expect(page.positives, band.name).toBe(band.wins)
        expect(page.criteria.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4'])
        for (const row of page.rows) {
          if (band.from === null) {
            expect(row.tier).toBe('Disqualified')
            expect(row.knockouts).toEqual(['Education'])
          } else {
            expect(row.score).toBeGreaterThanOrEqual(band.from)
            expect(row.score).toBeLessThanOrEqual(band.to!)
            expect(row.knockouts).toEqual([])
          }
          expect(row.score).toBeLessThanOrEqual(previous)
          previous = row.score
          expect(row.points).toHaveLength(4)
          row.points.forEach((p, i) => expect([0, page.criteria[i]!.points]).toContain(p))
        }
        seen += page.rows.length
        if (page.rows.length < 500) break
      }
      expect(seen, band.name).toBe(band.n)
    }
    backend.close()
  })

  it("names each criterion in the client's words: the column's label and the value as it reads", async () => {
    const { backend, id } = await versionAndEdit((s) => s)
    const summary = await backend.call('dataset-summary', {})
    const industry = summary.tables
      .flatMap((t) => t.columns.map((c) => ({ kind: t.kind, column: c })))
      .find((x) => x.column.name === 'Industry')!
    await backend.call('dataset-set-column', { kind: industry.kind, index: industry.column.index, label: 'Vertical' })
    const page = await backend.call('simulate-band-accounts', { scorecardId: id, from: 0, to: 100, offset: 0, limit: 1 })
    expect(page.criteria.map((c) => c.label)).toEqual([
      'Vertical is SaaS, FinTech',
      'Employees 51–500',
      'Tech Stack includes any of Salesforce',
      'Recently Raised: yes'
    ])
    backend.close()
  })

  it('rejects a band that is not one with BAD_INPUT, and an unknown scorecard with NOT_FOUND', async () => {
    const { backend, id } = await versionAndEdit((s) => s)
    const bad = [
      [{ scorecardId: id, from: 60, to: 40, offset: 0, limit: 10 }, 'BAD_INPUT'],
      [{ scorecardId: id, from: 60, offset: 0, limit: 10 }, 'BAD_INPUT'],
      [{ scorecardId: id, from: 0, to: 10, disqualified: true, offset: 0, limit: 10 }, 'BAD_INPUT'],
      [{ scorecardId: id, from: 0, to: 101, offset: 0, limit: 10 }, 'BAD_INPUT'],
      [{ scorecardId: id, from: 0, to: 10, offset: 0, limit: 0 }, 'BAD_INPUT'],
      [{ scorecardId: id, from: 0, to: 10, offset: -1, limit: 10 }, 'BAD_INPUT'],
      [{ scorecardId: 999, from: 0, to: 10, offset: 0, limit: 10 }, 'NOT_FOUND']
    ] as const
    for (const [input, code] of bad) {
      expect(await backend.dispatch('simulate-band-accounts', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code } })
    }
    backend.close()
  })
})
