import { describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { percentileRanks } from '@shared/engine/discover'
import { testBackend, type TestBackend } from '../support/backend'
import { importShape } from '../support/import-shape'
import { tempDir } from '../support/temp-dir'

async function sample(): Promise<TestBackend> {
  const backend = testBackend(tempDir(), 'native')
  await backend.call('workspace-open-sample', {})
  return backend
}

/** Saves a hand-made scorecard and returns its id. */
async function saved(backend: TestBackend, scorecard: Scorecard): Promise<number> {
  const created = await backend.call('scorecard-create', { name: scorecard.name })
  await backend.call('scorecard-save', { id: created.id, scorecard })
  return created.id
}

describe('percentile ranks', () => {
  it('share the mean rank between ties', () => {
    expect(percentileRanks([10, 30, 20, 20])).toEqual([0.125, 0.875, 0.5, 0.5])
  })
})

describe('best customers before they are defined', () => {
  it('are asked for, in words, before the best target can be used', async () => {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'No best yet', path: 'w.icpw' })
    await importShape(backend, dir, { shape: 'standard', seed: 'best-undefined', accounts: 300 })
    expect(await backend.call('best-definition-get', {})).toBeNull()
    await expect(backend.dispatch('discover-run', { target: 'best' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_SUPPORTED', message: expect.stringContaining('Define best customers first') }
    })
    backend.close()
  })
})

describe('best customers on the sample client', () => {
  it('are the top share of won accounts by LTV and NRR, and make the best target work', async () => {
    const backend = await sample()
    const definition = {
      metrics: [
        { metric: 'ltv' as const, direction: 'higher' as const, weight: 2 },
        { metric: 'nrr' as const, direction: 'higher' as const, weight: 1 }
      ],
      topPercent: 20
    }
    // The sample ships with best customers defined, as PRODUCT.md puts it (its Adjacent ICP is built on them).
    expect(await backend.call('best-definition-get', {})).toEqual(definition)
    await backend.call('best-definition-set', { definition: { ...definition, topPercent: 30 } })
    const cohort = await backend.call('best-definition-set', { definition })
    expect(cohort.missingMetrics).toEqual([])
    expect(cohort.wonAccounts).toBeGreaterThan(100)
    expect(cohort.cohortSize).toBe(Math.round(cohort.wonAccounts * 0.2))
    expect(cohort.members.length).toBe(Math.min(50, cohort.cohortSize))
    const composites = cohort.members.map((m) => m.composite)
    expect(composites).toEqual([...composites].sort((a, b) => b - a))
    expect(cohort.members[0]!.accountName).not.toBe('')
    expect(cohort.members[0]!.metrics.map((m) => m.metric)).toEqual(['ltv', 'nrr'])
    expect(await backend.call('best-definition-get', {})).toEqual(definition)

    const page = await backend.call('best-cohort', { offset: 10, limit: 5 })
    expect(page.members.map((m) => m.accountId)).toEqual(cohort.members.slice(10, 15).map((m) => m.accountId))
    expect(page.total).toBe(cohort.cohortSize)

    const report = await backend.call('discover-run', { target: 'best' })
    expect(report.target).toBe('best')
    expect(report.positives).toBeGreaterThan(0)
    expect(report.positives).toBeLessThan(report.n)
    const suggested = await backend.call('scorecard-suggest', { name: 'Best ICP', target: 'best' })
    const simulation = await backend.call('simulate-run', { scorecardId: suggested.id, outcome: 'best', threshold: 50 })
    expect(simulation.outcome).toBe('best')
    expect(simulation.auc!).toBeGreaterThan(0.5)

    // A metric the workspace has no column for is reported, not fatal.
    const partial = await backend.call('best-definition-set', {
      definition: {
        metrics: [
          { metric: 'time-to-value', direction: 'lower', weight: 1 },
          { metric: 'ltv', direction: 'higher', weight: 1 }
        ],
        topPercent: 10
      }
    })
    expect(partial.cohortSize).toBeGreaterThan(0)
    backend.close()
  })
})

describe('the anti-ICP on the sample client', () => {
  it('lists the planted losers with what a knockout on each would have cost', async () => {
    const backend = await sample()
    const entries = await backend.call('discover-anti-icp', {})
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.length).toBeLessThanOrEqual(12)
    const planted = entries.filter((e) => (e.attribute === 'Industry' && e.label === 'Education') || e.attribute === 'Employees')
    expect(planted.length).toBeGreaterThan(0)
    for (const entry of entries) {
      expect(entry.n).toBeGreaterThanOrEqual(30)
      expect(entry.ci[1]!).toBeLessThan(1)
      expect(entry.wonDealsRemoved + entry.lostDealsRemoved).toBeGreaterThan(0)
      expect(entry.lostDealsRemoved).toBeGreaterThan(entry.wonDealsRemoved)
    }
    const lifts = entries.map((e) => e.lift!)
    expect(lifts).toEqual([...lifts].sort((a, b) => a - b))
    expect(entries.some((e) => e.attribute === 'Contract Signed Date')).toBe(false)
    backend.close()
  })
})

describe('checking a hand-made scorecard', () => {
  it('flags a wrong sign and a noise attribute, and proposes points that rank at least as well', async () => {
    const backend = await sample()
    const scorecard: Scorecard = {
      ...defaultScorecard('Hunches'),
      criteria: [
        { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS'], points: -10 },
        { id: 'c2', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Education'], points: 10 },
        { id: 'c3', category: 'Buying process', attribute: 'Opportunity Owner', op: 'in', values: ['Alex Chen'], points: 15 }
      ]
    }
    const report = await backend.call('discover-run', {})
    const owners = report.attributes.find((a) => a.name === 'Opportunity Owner')!.values.map((v) => v.label)
    scorecard.criteria[2]!.values = [owners[0]!]
    const id = await saved(backend, scorecard)
    const check = await backend.call('scorecard-check', { id })
    const kinds = (criterionId: string) => check.findings.filter((f) => f.criterionId === criterionId).map((f) => f.kind)
    expect(kinds('c1')).toContain('wrong-sign')
    expect(kinds('c2')).toContain('wrong-sign')
    expect(kinds('c3')).toContain('no-signal')
    expect(check.findings.some((f) => f.kind === 'left-out' && f.attribute === 'Employees')).toBe(true)
    const points = new Map(check.proposal.criteria.map((c) => [c.id, c.points]))
    expect(points.get('c1')!).toBeGreaterThan(0)
    expect(points.get('c2')!).toBeLessThan(0)
    expect(check.proposal.tiers).toEqual(scorecard.tiers)
    expect(check.aucProposed!).toBeGreaterThanOrEqual(check.aucNow!)
    // Nothing is saved.
    expect((await backend.call('scorecard-get', { id })).scorecard.criteria[0]!.points).toBe(-10)
    backend.close()
  })
})
