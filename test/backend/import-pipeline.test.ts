import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '@shared/domain/import'
import { testBackend, type TestBackend } from '../support/backend'
import { writeCrmFiles } from '../support/crm-files'
import { tempDir } from '../support/temp-dir'

async function importAs(backend: TestBackend, path: string, kind?: 'accounts' | 'deals' | 'flat', extra: Record<string, unknown> = {}) {
  const preview = await backend.call('import-inspect', { source: { kind: 'path', path }, ...(kind ? { tableKind: kind } : {}) })
  const summary = await backend.call('import-commit', {
    stagingId: preview.stagingId,
    kind: kind ?? preview.suggestedKind,
    columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
    outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
    mode: 'replace',
    ...extra
  })
  return { preview, summary }
}

function column(preview: ImportPreview, name: string) {
  const found = preview.columns.find((c) => c.name === name)
  expect(found, name).toBeDefined()
  return found!
}

describe('importing a flat CRM report (one row per deal)', () => {
  it('infers types, roles and outcomes, and keeps them after reopening', async () => {
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'flat-1')
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Flat', path: 'flat.icpw' })
    const { preview, summary } = await importAs(backend, files.flatCsv)

    expect(preview.suggestedKind).toBe('flat')
    expect(preview.rowCount).toBe(files.crm.truth.deals.length)
    expect(column(preview, 'Stage').role).toBe('outcome')
    // Employee counts mix "51-200" bands with plain counts: either reading must keep every value.
    expect(['number', 'range']).toContain(column(preview, 'Employees').type)
    expect(column(preview, 'Employees').unparsedCount).toBe(0)
    expect(column(preview, 'Annual Revenue').type).toBe('number')
    expect(column(preview, 'Tech Stack').type).toBe('multi')
    expect(column(preview, 'Industry').category).toBe('Firmographic')
    expect(column(preview, 'Tech Stack').category).toBe('Technographic')
    const mapped = new Map(preview.outcomeMapping.map((m) => [m.value, m.outcome]))
    expect(mapped.get('Closed Won')).toBe('won')
    expect(mapped.get('Closed Lost')).toBe('lost')

    const truth = files.crm.truth.deals
    const won = truth.filter((d) => d.outcome === 'won').length
    const lost = truth.filter((d) => d.outcome === 'lost').length
    expect(summary.dealCount).toBe(truth.length)
    expect(summary.outcomes.won).toBe(won)
    expect(summary.outcomes.lost).toBe(lost)
    backend.close()

    const reopened = testBackend(dir, 'native')
    await reopened.call('workspace-open', { path: 'flat.icpw' })
    const again = await reopened.call('dataset-summary', {})
    expect(again.outcomes).toEqual(summary.outcomes)
    expect(again.tables[0]!.columns.map((c) => [c.name, c.type, c.role])).toEqual(
      summary.tables[0]!.columns.map((c) => [c.name, c.type, c.role])
    )
    reopened.close()
  })
})

describe('importing accounts and deals as two tables', () => {
  it('joins deals to accounts on a normalised key and lists what did not match', async () => {
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'two-tables')
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Two', path: 'two.icpw' })
    const accounts = await importAs(backend, files.accountsXlsx, 'accounts')
    expect(accounts.preview.headerRow).toBeGreaterThan(1)
    expect(column(accounts.preview, 'Account ID').role).toBe('account-id')
    const { summary } = await importAs(backend, files.dealsCsv, 'deals')
    expect(summary.join?.settings).toMatchObject({ accountsKey: 'Account ID', dealsKey: 'Account ID', mode: 'normalized' })
    const join = summary.join!
    expect(join.matchedDeals + join.unmatchedDeals).toBe(summary.dealCount)
    expect(join.matchedDeals / summary.dealCount).toBeGreaterThan(0.85)
    const unmatched = await backend.call('dataset-join-list', { list: 'unmatched-deals', offset: 0, limit: 1000 })
    expect(unmatched.total).toBe(join.unmatchedDeals)
    // The account-level view: one record per account with deals, won if any deal was won.
    const view = await backend.call('dataset-accounts', { outcome: 'all', offset: 0, limit: 2000 })
    expect(view.total).toBe(join.accountsWithDeals)
    expect(view.counts.won + view.counts.lost + view.counts.open).toBe(view.total)
    expect(view.rows.reduce((sum, a) => sum + a.deals, 0)).toBe(join.matchedDeals)
    for (const account of view.rows) {
      expect(account.outcome === 'won').toBe(account.won > 0)
      if (account.outcome === 'lost') expect(account.open + account.won).toBe(0)
      if (account.won === 0) expect(account.wonAmount).toBe(0)
    }
    const wonOnly = await backend.call('dataset-accounts', { outcome: 'won', offset: 0, limit: 10 })
    expect(wonOnly.total).toBe(view.counts.won)
    expect(wonOnly.rows.every((a) => a.outcome === 'won' && a.wonAmount > 0)).toBe(true)
    const withoutDeals = await backend.call('dataset-join-list', { list: 'accounts-without-deals', offset: 0, limit: 5 })
    expect(withoutDeals.total).toBe(join.accountsWithoutDeals)
    expect(withoutDeals.rows.length).toBeLessThanOrEqual(5)
    backend.close()
  })
})

describe('bad imports change nothing', () => {
  it('refuses an outcome column with no value mapped to won or lost', async () => {
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'no-won')
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'X', path: 'x.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: files.dealsCsv } })
    const result = await backend.dispatch('import-commit', {
      stagingId: preview.stagingId,
      kind: 'deals',
      columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome === 'won' ? 'open' : m.outcome })),
      mode: 'replace'
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('no value is mapped to won') } })
    expect((await backend.call('dataset-summary', {})).tables).toEqual([])
    backend.close()
  })

  it('cancels a read in progress', async () => {
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'cancel')
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'X', path: 'x.icpw' })
    const pending = backend.dispatch('import-inspect', { source: { kind: 'path', path: files.flatCsv }, stagingId: 'cancel-me-123' })
    await backend.call('import-discard', { stagingId: 'cancel-me-123' })
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect((await backend.call('dataset-summary', {})).tables).toEqual([])
    backend.close()
  })
})

describe('changing the data after import', () => {
  it('persists column types, roles, outcome mapping and hygiene rules', async () => {
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'edits')
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'E', path: 'e.icpw' })
    const { summary } = await importAs(backend, files.flatCsv)
    // Spelling variants (case, spacing, punctuation) were merged on import, each as a visible rule.
    const merged = await backend.call('hygiene-list', {})
    expect(merged.length).toBeGreaterThan(0)
    expect(merged.every((r) => r.rule.kind === 'merge')).toBe(true)
    const table = summary.tables[0]!
    const industry = table.columns.find((c) => c.name === 'Industry')!
    const region = table.columns.find((c) => c.name === 'Sales Region')!
    await backend.call('dataset-set-column', { kind: 'flat', index: region.index, role: 'ignore' })

    const merges = await backend.call('hygiene-suggest', { kind: 'flat', column: 'Industry' })
    const saas = merges.find((m) => m.to === 'SaaS')
    expect(saas?.from.map((f) => f.value)).toEqual(expect.arrayContaining(['Software as a Service']))
    const rules = await backend.call('hygiene-add', {
      rule: { kind: 'merge', column: 'Industry', to: 'SaaS', from: saas!.from.map((f) => f.value) }
    })
    const added = rules[rules.length - 1]!
    expect(added.affectedRows).toBeGreaterThan(0)
    expect(added.description).toContain('SaaS')

    const after = await backend.call('dataset-summary', {})
    const industryAfter = after.tables[0]!.columns.find((c) => c.name === 'Industry')!
    expect(industryAfter.distinctCount).toBeLessThan(industry.distinctCount)
    expect(after.tables[0]!.columns.find((c) => c.name === 'Sales Region')!.role).toBe('ignore')
    backend.close()

    const reopened = testBackend(dir, 'native')
    await reopened.call('workspace-open', { path: 'e.icpw' })
    expect((await reopened.call('hygiene-list', {})).length).toBe(merged.length + 1)
    const again = await reopened.call('dataset-summary', {})
    expect(again.tables[0]!.columns.find((c) => c.name === 'Industry')!.distinctCount).toBe(industryAfter.distinctCount)
    reopened.close()
  })

  it('refreshes by key: appending the same export with a key replaces rows instead of doubling them', async () => {
    const dir = tempDir()
    const files = writeCrmFiles(dir, 'refresh')
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'R', path: 'r.icpw' })
    const first = await importAs(backend, files.dealsCsv, 'deals')
    const rows = first.summary.dealCount
    const keyed = await importAs(backend, files.dealsCsv, 'deals', { mode: 'append', appendKey: 'Opportunity ID' })
    expect(keyed.summary.dealCount).toBe(rows)
    const doubled = await importAs(backend, files.dealsCsv, 'deals', { mode: 'append' })
    expect(doubled.summary.dealCount).toBe(rows * 2)
    backend.close()
  })
})

describe('the sample workspace', () => {
  it("is copied from the shipped file on first use, with joined accounts and deals, and the user's copy reopened after", async () => {
    const dir = tempDir()
    const backend = testBackend(dir)
    const sample = await backend.call('workspace-open-sample', {})
    expect(sample.name).toMatch(/^Sample — /)
    const summary = await backend.call('dataset-summary', {})
    expect(summary.tables.map((t) => t.kind)).toEqual(['accounts', 'deals'])
    expect(summary.accountCount).toBeGreaterThan(1900)
    expect(summary.dealCount).toBeGreaterThan(4500)
    expect(summary.outcomes.won).toBeGreaterThan(500)
    expect(summary.outcomes.lost).toBeGreaterThan(500)
    expect(summary.join!.matchedDeals / summary.dealCount).toBeGreaterThan(0.85)
    // Every section shows working: two suggested scorecards, best customers defined, an export draft.
    const scorecards = await backend.call('scorecard-list', {})
    expect(scorecards.map((s) => s.name)).toEqual(['Core ICP', 'Adjacent ICP'])
    for (const scorecard of scorecards) expect(scorecard.criteriaCount).toBeGreaterThanOrEqual(5)
    expect(await backend.call('best-definition-get', {})).not.toBeNull()
    const core = await backend.call('export-document-get', { scorecardId: scorecards[0]!.id })
    expect(core.document.adjacentScorecardId).toBe(scorecards[1]!.id)
    expect(core.document.clientName).not.toBe('')
    expect(core.document.economicBuyer).not.toBe('')
    expect(core.document.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const simulation = await backend.call('simulate-run', { scorecardId: scorecards[0]!.id })
    expect(simulation.auc!).toBeGreaterThan(0.7)
    await backend.call('workspace-rename', { name: 'My sample' })
    await backend.call('workspace-close', {})
    const again = await backend.call('workspace-open-sample', {})
    expect(again.name).toBe('My sample')
    backend.close()
  })
})

describe('re-importing a table', () => {
  it('shows the new data, never profiles cached for the table it replaced', async () => {
    const dir = tempDir()
    const first = writeCrmFiles(dir, 'reimport-a', 120)
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Re', path: 're.icpw' })
    const before = await importAs(backend, first.dealsCsv, 'deals')
    const otherDir = tempDir()
    const second = writeCrmFiles(otherDir, 'reimport-b', 60)
    const after = await importAs(backend, second.dealsCsv, 'deals')
    expect(after.summary.dealCount).toBe(second.crm.truth.deals.length)
    expect(after.summary.dealCount).not.toBe(before.summary.dealCount)
    const amount = (s: typeof after.summary) => s.tables[0]!.columns.find((c) => c.role === 'deal-amount')!
    expect(amount(after.summary).rowCount).toBe(after.summary.dealCount)
    expect(amount(after.summary).distinctCount).not.toBe(amount(before.summary).distinctCount)
    backend.close()
  })
})
