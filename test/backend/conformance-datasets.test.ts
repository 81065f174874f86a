/**
 * Conformance on real public data nobody on this project wrote: each dataset in
 * ../shared/datasets is imported as a new user would (no options), and the result must match
 * what a careful analyst chose in docs/real-datasets.md — the expectations are read from that
 * file, so the documentation and the test cannot drift apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { testBackend } from '../support/backend'
import { importAsSuggested } from '../support/import-shape'
import { tempDir } from '../support/temp-dir'
import { ROOT } from '../support/root'
import { skipBecause } from '../support/skip'

const DATASETS = process.env['ICP_DATASETS'] ?? join(ROOT, '..', 'shared', 'datasets')
const present = existsSync(DATASETS)
const ABSENT = `the real public datasets are not on this machine: ${DATASETS} does not exist (set ICP_DATASETS to their folder)`
if (!present) console.log(`Skipping the real-dataset conformance suite: ${ABSENT}.`)
/** Each test of the suite skips, saying why, where the datasets are absent (a clone outside the workspace). */
const skipWithoutDatasets = () => beforeEach((ctx) => void (present || skipBecause(ctx, ABSENT)))

interface ColumnExpectation {
  column: string
  role: string
  type: string
  level: string
  missing: string[]
  kept: string[]
}

interface DatasetExpectation {
  folder: string
  file: string
  kind: string
  outcomes: Array<[string, string]>
  columns: ColumnExpectation[]
  signal: string
  leakage: string[]
}

const cells = (line: string): string[] =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim())
const list = (cell: string | undefined): string[] =>
  cell
    ? cell
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : []

/** Reads the tables of docs/real-datasets.md: one section per dataset. */
function expectations(): DatasetExpectation[] {
  const text = readFileSync(join(ROOT, 'docs', 'real-datasets.md'), 'utf8')
  const sections = text.split(/^## /m).slice(1)
  return sections.map((section) => {
    const heading = /^(\S+) — `([^`]+)`/.exec(section)
    const kind = /Table kind: `(\w+)`/.exec(section)
    const outcome = /outcome: `([^`]+)`/.exec(section)
    const verdict = /Discover: signal `(\w+)` · leakage `([^`]*)`/.exec(section)
    if (!heading || !kind || !outcome || !verdict) {
      throw new Error(`docs/real-datasets.md: a section lacks its heading, kind, outcome or Discover line:\n${section.slice(0, 200)}`)
    }
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| column') && !l.startsWith('|---'))
    return {
      folder: heading[1]!,
      file: heading[2]!,
      kind: kind[1]!,
      signal: verdict[1]!,
      leakage: list(verdict[2]),
      outcomes: outcome[1]!.split(', ').map((pair) => {
        const at = pair.lastIndexOf('=')
        return [pair.slice(0, at), pair.slice(at + 1)] as [string, string]
      }),
      columns: rows.map((line) => {
        const [column, role, type, level, missing, kept] = cells(line)
        return { column: column!, role: role!, type: type!, level: level ?? '', missing: list(missing), kept: list(kept) }
      })
    }
  })
}

describe('real public datasets: understood on first import', () => {
  skipWithoutDatasets()
  const all = present ? expectations() : []

  it('docs/real-datasets.md covers every file in the datasets folder', () => {
    const files = readdirSync(DATASETS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(DATASETS, d.name))
          .filter((f) => /\.(csv|tsv|xlsx|xls|ods)$/i.test(f))
          .map((f) => `${d.name}/${f}`)
      )
    expect(all.map((e) => `${e.folder}/${e.file}`).sort()).toEqual(files.sort())
  })

  for (const expected of all) {
    it(`${expected.folder}: kind, every column's role, type, level and placeholders, the outcome mapping, and Discover's verdict and leaks`, async () => {
      const dir = tempDir()
      const backend = testBackend(dir, 'native')
      await backend.call('workspace-create', { name: expected.folder, path: 'w.icpw' })
      const path = join(DATASETS, expected.folder, expected.file)
      const preview = await backend.call('import-inspect', { source: { kind: 'path', path } })
      expect(preview.suggestedKind).toBe(expected.kind)
      expect(preview.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.column))
      const got = preview.columns.map((c) => ({
        column: c.name,
        role: c.role,
        type: expected.columns[c.index]!.type === '*' ? '*' : c.type,
        level: expected.columns[c.index]!.level === '' ? '' : (c.level ?? ''),
        missing: c.placeholders.filter((p) => p.missing && expected.columns[c.index]!.missing.includes(p.token)).map((p) => p.token),
        kept: c.placeholders.filter((p) => !p.missing).map((p) => p.token)
      }))
      expect(got).toEqual(expected.columns)
      // Every suggestion says why, in words the review screen shows.
      for (const c of preview.columns) if (c.role !== 'attribute') expect(c.roleReason, c.name).toBeTruthy()

      const mapping = Object.fromEntries(preview.outcomeMapping.map((m) => [m.value, m.outcome]))
      expect(mapping).toEqual(Object.fromEntries(expected.outcomes))

      // Saved with no options, the same judgement reaches the Data section and the engine.
      const summary = await backend.call('import-commit', {
        stagingId: preview.stagingId,
        kind: preview.suggestedKind,
        columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category, level: c.level })),
        outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
        mode: 'replace'
      })
      const stored = summary.tables[0]!.columns
      expect(stored.map((c) => [c.name, c.role, c.level])).toEqual(preview.columns.map((c) => [c.name, c.role, c.level]))
      const won = preview.outcomeMapping.filter((m) => m.outcome === 'won').reduce((s, m) => s + m.count, 0)
      const lost = preview.outcomeMapping.filter((m) => m.outcome === 'lost').reduce((s, m) => s + m.count, 0)
      expect([summary.outcomes.won, summary.outcomes.lost]).toEqual([won, lost])
      // A table without an account key counts each row as its own account.
      const keyed = preview.columns.some((c) => c.role === 'account-id' || c.role === 'account-name' || c.role === 'domain')
      if (!keyed) expect(summary.accountCount).toBe(preview.rowCount)

      // What Discover concludes: the verdict, and exactly the documented leaks flagged.
      const report = await backend.call('discover-run', {})
      expect(report.signal).toBe(expected.signal)
      expect(
        report.attributes
          .filter((a) => a.leakageSuspected)
          .map((a) => a.name)
          .sort()
      ).toEqual([...expected.leakage].sort())
      backend.close()
    })
  }
})

describe('real public datasets: the CRM pack and the 90-day review claim nothing the data does not carry', () => {
  skipWithoutDatasets()
  async function imported(folder: string, file: string) {
    const dir = tempDir()
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: folder, path: 'w.icpw' })
    await importAsSuggested(backend, join(DATASETS, folder, file))
    const suggested = await backend.call('scorecard-suggest', { name: 'Suggested' })
    return { backend, id: suggested.id }
  }

  it('sample-sales: orders closed as far as the data goes; a review of its last months is too early (no lost orders), and the pack warns about name-only matching', async () => {
    const { backend, id } = await imported('sample-sales', 'sales_data_sample.csv')
    const review = await backend.call('simulate-review', { scorecardId: id, since: '2005-01-01' })
    expect(review.verdict.decision).toBe('too-early')
    expect(review.verdict.sentence).toMatch(/the new deals are [\d,]+ won and 0 lost/)
    expect(review.caveat).toMatch(/include deals it was fitted on/)
    const pack = await backend.call('export-crm-pack', { scorecardId: id, crm: 'hubspot' })
    expect(pack.warnings.join(' ')).toMatch(/no account id or domain column/)
    backend.close()
  }, 120_000)

  it('telco-churn: no dates, so there is no period to review, and the review says so of customers', async () => {
    const { backend, id } = await imported('telco-churn', 'WA_Fn-UseC_-Telco-Customer-Churn.csv')
    const review = await backend.dispatch('simulate-review', { scorecardId: id })
    expect(review.ok).toBe(false)
    if (!review.ok) expect(review.error.message).toMatch(/^The customers have no dates, so there is no period to review/)
    // The pack still keys every account by the customer id the export carries.
    const pack = await backend.call('export-crm-pack', { scorecardId: id, crm: 'salesforce' })
    expect(pack.files).toContain('ICP scores - Salesforce import.csv')
    expect(pack.warnings.join(' ')).not.toMatch(/no account id/)
    // Its outcome is the Churn flag (Yes -> lost): the one-pager speaks of customers who stay.
    const content = await backend.call('export-document-get', { scorecardId: id })
    expect(content.outcomeWords.kind).toBe('retained')
    expect(content.draftedStatements.join(' ')).toMatch(/stay more often/)
    // Without dates a review cannot tell new customers from old: the page promises a fresh export.
    expect(content.draftedStatements).toContain('We re-test this profile every quarter on a fresh export of customers.')
    expect([...content.draftedStatements, content.analysis.builtOn, content.analysis.validatedOn].join(' ')).not.toMatch(
      /\bwins?\b|\bwon\b/
    )
    // Its rows are customers: no deals, open or closed, in what the page says about the evidence.
    const evidenceText = [
      content.analysis.headline,
      content.analysis.builtOn,
      content.analysis.validatedOn,
      ...content.analysis.limits,
      ...content.evidence.notes
    ]
    expect(evidenceText.join(' ')).not.toMatch(/\bdeals?\b|close dates?/)
    expect(content.analysis.builtOn).toMatch(/^7,043 customers \(5,174 retained\)/)
    backend.close()
  }, 120_000)

  it('bank-marketing: its outcome y is a sale (a term deposit), so the one-pager keeps won and win rate', async () => {
    const { backend, id } = await imported('bank-marketing', 'bank-additional-full.csv')
    const content = await backend.call('export-document-get', { scorecardId: id })
    expect(content.outcomeWords.kind).toBe('won')
    expect(content.analysis.builtOn).toMatch(/\([\d,]+ won\)/)
    backend.close()
  }, 180_000)
})
