import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { runCli } from '../../src-main/cli/run-cli'
import { simulationFor } from '../../src-main/backend/simulate/run-simulation'
import { testBackend, type TestBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { tempDir } from '../support/temp-dir'

/** The planted ICP of the generator, as a consultant would write it. */
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

async function sampleWithScorecard(dir: string): Promise<{ backend: TestBackend; id: number }> {
  const backend = testBackend(dir, 'native')
  await openSampleData(backend)
  const created = await backend.call('scorecard-create', { name: 'Core ICP' })
  await backend.call('scorecard-save', { id: created.id, scorecard: icpScorecard() })
  return { backend, id: created.id }
}

describe('simulating a scorecard against the sample client', () => {
  it('finds the planted signal and reports every figure consistently', async () => {
    const { backend, id } = await sampleWithScorecard(tempDir())
    const summary = await backend.call('dataset-summary', {})
    const report = await backend.call('simulate-run', { scorecardId: id, threshold: 60 })
    expect(report.n).toBe(report.wins + report.losses)
    expect(report.wins).toBe(summary.outcomes.won)
    expect(report.losses).toBe(summary.outcomes.lost)
    expect(report.excludedOpen).toBe(summary.outcomes.open + summary.outcomes.unmapped)
    expect(report.auc!).toBeGreaterThan(0.65)
    expect(report.lift!).toBeGreaterThan(1.3)
    expect(report.winRateAbove!).toBeGreaterThan(report.winRateBelow!)
    expect(report.ciAbove[0]!).toBeLessThan(report.winRateAbove!)
    expect(report.ciAbove[1]!).toBeGreaterThan(report.winRateAbove!)
    expect(report.bands.reduce((sum, b) => sum + b.n, 0)).toBe(report.n)
    expect(report.curve).toHaveLength(101)
    expect(report.curve[60]).toEqual({ threshold: 60, passRate: report.passRate, recall: report.recall, winRateAbove: report.winRateAbove })
    expect(report.knockouts.map((k) => k.name)).toEqual(['Education'])
    // Every decided deal not knocked out sits at one score; the Education knockout holds the rest.
    const placed = report.distribution.reduce((sum, d) => sum + d.won + d.lost, 0)
    const disqualified = report.bands.find((b) => b.name === 'Disqualified')?.n ?? 0
    expect(placed + disqualified).toBe(report.n)
    expect(report.roc).toHaveLength(101)
    for (let t = 1; t <= 100; t++) {
      expect(report.roc[t]!.truePositiveRate!).toBeLessThanOrEqual(report.roc[t - 1]!.truePositiveRate!)
      expect(report.roc[t]!.falsePositiveRate!).toBeLessThanOrEqual(report.roc[t - 1]!.falsePositiveRate!)
    }
    // At the threshold, the ROC's share of wins passing is the recall.
    expect(report.roc[60]!.truePositiveRate).toBeCloseTo(report.recall!, 10)
    backend.close()
  })

  it('picks the threshold that fills a capacity and splits by close date', async () => {
    const { backend, id } = await sampleWithScorecard(tempDir())
    const report = await backend.call('simulate-run', { scorecardId: id, capacity: 300, splitDate: '2026-04-01' })
    expect(report.capacity!.accounts).toBe(300)
    expect(report.capacity!.accountsPassing).toBeLessThanOrEqual(300)
    expect(report.threshold).toBe(report.capacity!.threshold)
    expect(report.outOfTime!.before.n + report.outOfTime!.after.n).toBeLessThanOrEqual(report.n)
    expect(report.outOfTime!.psi).toBeGreaterThanOrEqual(0)
    const best = await backend.dispatch('simulate-run', { scorecardId: id, outcome: 'best' })
    expect(best).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
    backend.close()
  })
})

describe('icp simulate, score and bench', () => {
  async function icp(args: string[], cwd: string) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd })
    return { code, stdout: out.join('\n'), stderr: err.join('\n') }
  }

  it('prints the simulation with exactly the documented keys', async () => {
    const dir = tempDir()
    const { backend } = await sampleWithScorecard(dir)
    backend.close()
    const result = await icp(['simulate', 'Sample workspace.icpw', '--scorecard', 'core icp', '--threshold', '70', '--json'], dir)
    expect(result.stderr).toBe('')
    const json = JSON.parse(result.stdout)
    for (const key of [
      'n',
      'wins',
      'losses',
      'excludedOpen',
      'auc',
      'gini',
      'ks',
      'threshold',
      'passCount',
      'passRate',
      'winRateAbove',
      'winRateBelow',
      'ciAbove',
      'ciBelow',
      'lift',
      'recall',
      'revenueKept',
      'medianCycleAbove',
      'medianCycleBelow',
      'bands',
      'curve',
      'knockouts'
    ]) {
      expect(json, key).toHaveProperty(key)
    }
    expect(Object.keys(json.bands[0]).sort()).toEqual([
      'ci',
      'from',
      'meanWonAmount',
      'medianCycleDays',
      'n',
      'name',
      'to',
      'tooSmall',
      'winRate',
      'wins'
    ])
    expect(Object.keys(json.curve[0]).sort()).toEqual(['passRate', 'recall', 'threshold', 'winRateAbove'])
    expect(Object.keys(json.knockouts[0]).sort()).toEqual(['lostDealsRemoved', 'name', 'wonDealsRemoved', 'wonRevenueRemoved'])
    expect(json.threshold).toBe(70)
    const human = await icp(['simulate', 'Sample workspace.icpw', '--scorecard', 'Core ICP'], dir)
    expect(human.stdout).toMatch(/^Win rate above\s+\d/m)
    const unknown = await icp(['simulate', 'Sample workspace.icpw', '--scorecard', 'Nope'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('scorecards: Core ICP')
  })

  it('writes every deal with score, tier and points per criterion as CSV and XLSX', async () => {
    const dir = tempDir()
    const { backend } = await sampleWithScorecard(dir)
    const deals = (await backend.call('dataset-summary', {})).dealCount
    backend.close()
    expect((await icp(['score', 'Sample workspace.icpw', '--scorecard', 'Core ICP', '--out', 'scored.csv'], dir)).code).toBe(0)
    const csv = readFileSync(join(dir, 'scored.csv'), 'utf8')
    // A byte-order mark so Excel reads the accents in client names as UTF-8.
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(deals + 1)
    expect(lines[0]).toMatch(/^Deal ID,Account ID,Account,Outcome,Score,Tier,/)
    expect((await icp(['score', 'Sample workspace.icpw', '--scorecard', 'Core ICP', '--out', 'scored.xlsx'], dir)).code).toBe(0)
    const book = XLSX.read(readFileSync(join(dir, 'scored.xlsx')))
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Scored deals']!)
    expect(rows).toHaveLength(deals)
    expect(rows.every((r) => typeof r['Score'] === 'number' && (r['Score'] as number) >= 0 && (r['Score'] as number) <= 100)).toBe(true)
    expect(new Set(rows.map((r) => r['Tier']))).toEqual(new Set(['A', 'B', 'C', 'Disqualified']))
    const bad = await icp(['score', 'Sample workspace.icpw', '--scorecard', 'Core ICP', '--out', 'scored.pdf'], dir)
    expect(bad.code).toBe(2)
  })

  it('benchmarks the engine on synthetic deals', async () => {
    const result = await icp(['bench', '--rows', '5000', '--json'], tempDir())
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.rows).toBe(5000)
    expect(json.figures.find((f: { name: string }) => f.name === 'rescore_sweep_bands_auc_ms')).toBeDefined()
  })
})

describe('what the scorecard editor shows', () => {
  it("counts each card's evidence from its condition alone, as a full simulation's masks give it", async () => {
    const { backend, id } = await sampleWithScorecard(tempDir())
    /** The independent count: a whole simulation of the scorecard, its masks against won vs lost. */
    const simulated = (scorecard: Scorecard) => {
      const { compiled, view } = simulationFor(backend.context.session.require().db, scorecard, 'won')
      const decided = (mask: Uint8Array | null) => view.target.filter((t, row) => t >= 0 && (mask === null || mask[row] === 1))
      const wins = (mask: Uint8Array | null) => decided(mask).filter((t) => t === 1).length
      const base = wins(null) / decided(null).length
      return compiled.criteria.map(({ criterion, mask }) => {
        const rate = wins(mask) / decided(mask).length
        return { criterionId: criterion.id, deals: decided(mask).length, winRate: rate, lift: rate / base }
      })
    }
    const scorecard = icpScorecard()
    expect(await backend.call('scorecard-evidence', { id })).toEqual(simulated(scorecard))
    // Points do not move the evidence; a condition does (and is counted afresh).
    const repointed = { ...scorecard, criteria: scorecard.criteria.map((c) => ({ ...c, points: c.points - 7 })) }
    await backend.call('scorecard-save', { id, scorecard: repointed })
    expect(await backend.call('scorecard-evidence', { id })).toEqual(simulated(scorecard))
    const narrowed = { ...repointed, criteria: repointed.criteria.map((c) => (c.id === 'c2' ? { ...c, max: 200 } : c)) }
    await backend.call('scorecard-save', { id, scorecard: narrowed })
    const evidence = await backend.call('scorecard-evidence', { id })
    expect(evidence).toEqual(simulated(narrowed))
    expect(evidence[1]!.deals).toBeLessThan(simulated(scorecard)[1]!.deals)
    backend.close()
  })

  it('gives each criterion its matched deals, win rate and lift, and explains a record', async () => {
    const { backend, id } = await sampleWithScorecard(tempDir())
    const evidence = await backend.call('scorecard-evidence', { id })
    expect(evidence.map((e) => e.criterionId)).toEqual(['c1', 'c2', 'c3', 'c4'])
    const industry = evidence[0]!
    expect(industry.deals).toBeGreaterThan(100)
    expect(industry.lift!).toBeGreaterThan(1)
    const records = await backend.call('scorecard-explain', { id, query: 'llc', limit: 5 })
    expect(records.length).toBeGreaterThan(0)
    // One card per account, scored by its most recent deal (compared with the exports in test/backend/account-rule.test.ts).
    expect(new Set(records.map((r) => r.accountId)).size).toBe(records.length)
    for (const record of records) {
      expect(record.accountName.toLowerCase()).toContain('llc')
      expect(record.deals).toBeGreaterThanOrEqual(1)
      expect(record.dealId).not.toBe('')
      expect(record.reasons).toHaveLength(4)
      expect(record.score).toBeGreaterThanOrEqual(0)
      expect(record.score).toBeLessThanOrEqual(100)
    }
    backend.close()
  })
})
