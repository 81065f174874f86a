/**
 * The 90-day review on a generated two-period workspace: the scorecard is built on the first
 * export, the next export adds a quarter of deals, and the review compares them. Drift planted in
 * one attribute (Billing Country) is flagged with the PSI an independent count gives, and turns
 * the verdict from keep to re-weight; without it, the verdict is keep.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ReviewReport } from '@shared/domain/review'
import { generateCrmShape } from '../../scripts/crm-generator/index'
import { writeCsv } from '../../scripts/crm-generator/writers'
import { engineDatasetFor } from '../../src-main/backend/engine/engine-dataset-cache'
import { runCli } from '../../src-main/cli/run-cli'
import { testBackend } from '../support/backend'
import { importAsSuggested } from '../support/import-shape'
import { parseCsv } from '../support/parse-csv'
import { tempDir } from '../support/temp-dir'

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)
const csvOf = (rows: string[][]): string => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'

interface Export {
  header: string[]
  rows: string[][]
  at: (name: string) => number
}

function flatExport(): Export {
  const crm = generateCrmShape({ shape: 'standard', flat: true, seed: 23, accounts: 2400, signal: 'strong', mess: 'none' })
  const rows = parseCsv(new TextDecoder().decode(writeCsv(crm.tables[0]!.table, {})).replace(/^\ufeff/, '')).filter((r) => r.length > 1)
  const header = rows[0]!
  return { header, rows: rows.slice(1), at: (name) => header.indexOf(name) }
}

/** Deals closed on or after the cut are next quarter's; a fifth of the history. */
function cutOf(data: Export): string {
  const dates = data.rows
    .map((r) => r[data.at('Close Date')]!)
    .filter(Boolean)
    .sort()
  return dates[Math.floor(dates.length * 0.8)]!
}

const PLANTED = 'DE'

async function review(drift: boolean): Promise<{ report: ReviewReport; data: Export; cut: string; next: string[][] }> {
  const data = flatExport()
  const cut = cutOf(data)
  const close = data.at('Close Date')
  const country = data.at('Billing Country')
  const dir = tempDir()
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'review', path: 'review.icpw' })

  // The export the scorecard is built on: everything closed before the cut.
  writeFileSync(join(dir, 'q1.csv'), csvOf([data.header, ...data.rows.filter((r) => r[close]! < cut)]))
  await importAsSuggested(backend, join(dir, 'q1.csv'))
  const { db } = backend.context.session.require()
  const dataset = engineDatasetFor(db)
  const values = (name: string): string[] => {
    const column = dataset.attributes.get(name)
    return column?.kind === 'category' ? column.values : []
  }
  const created = await backend.call('scorecard-create', { name: 'Core' })
  const category = created.scorecard.categories[0]!.name
  await backend.call('scorecard-save', {
    id: created.id,
    scorecard: {
      ...created.scorecard,
      criteria: [
        { id: 'size', category, attribute: 'Employees', op: 'between', min: 51, max: 1000, points: 30 },
        { id: 'small', category, attribute: 'Employees', op: 'lt', value: 20, points: -20 },
        { id: 'revenue', category, attribute: 'Annual Revenue', op: 'gt', value: 10_000_000, points: 20 },
        { id: 'country', category, attribute: 'Billing Country', op: 'in', values: values('Billing Country').slice(0, 1), points: 5 }
      ],
      tiers: [
        { name: 'A', min: 70 },
        { name: 'B', min: 40 },
        { name: 'C', min: 0 }
      ]
    }
  })
  const versions = await backend.call('scorecard-version-save', { id: created.id, note: 'Workshop' })
  expect(versions[0]!.builtThrough! < cut, 'the scorecard records the period it was built on').toBe(true)

  // Next quarter's export: every deal, the new ones with the planted drift.
  const next = data.rows.map((r, i) => (drift && r[close]! >= cut && i % 10 < 7 ? r.map((cell, c) => (c === country ? PLANTED : cell)) : r))
  writeFileSync(join(dir, 'q2.csv'), csvOf([data.header, ...next]))
  await importAsSuggested(backend, join(dir, 'q2.csv'))
  const report = await backend.call('simulate-review', { scorecardId: created.id })
  // Recording the review keeps both periods with a version.
  const recorded = await backend.call('simulate-review-record', { scorecardId: created.id })
  const cli = { out: [] as string[], err: [] as string[] }
  backend.close()
  const code = await runCli(['review', 'review.icpw', '--scorecard', 'core', '--json'], {
    stdout: (t) => cli.out.push(t),
    stderr: (t) => cli.err.push(t),
    cwd: dir
  })
  expect(cli.err.join('')).toBe('')
  expect(code).toBe(0)
  expect(JSON.parse(cli.out.join('\n'))).toMatchObject({ since: report.since, verdict: { decision: report.verdict.decision } })
  const bad = await runCli(['review', 'review.icpw', '--scorecard', 'core', '--since', 'last spring'], {
    stdout: () => undefined,
    stderr: (t) => cli.err.push(t),
    cwd: dir
  })
  expect(bad).toBe(2)
  expect(cli.err.join('')).toContain('--since is a date written YYYY-MM-DD')
  expect(recorded[0]).toMatchObject({
    reviewedFrom: report.review.from,
    reviewedThrough: report.review.through,
    builtThrough: versions[0]!.builtThrough
  })
  expect(recorded[0]!.note).toMatch(/^90-day review of .*: (keep|re-weight|rebuild)$/)
  return { report, data, cut, next }
}

/** PSI over the value shares of decided deals on each side of the cut, shares floored at 0.0001. */
function independentPsi(rows: string[][], data: Export, since: string, column: number): number {
  const decided = (r: string[]) => /Closed (Won|Lost)/.test(r[data.at('Stage')]!) && r[data.at('Close Date')]!
  const count = (side: string[][]) => {
    const counts = new Map<string, number>()
    for (const r of side) counts.set(r[column] || 'missing', (counts.get(r[column] || 'missing') ?? 0) + 1)
    return { counts, total: side.length }
  }
  const before = count(rows.filter((r) => decided(r) && r[data.at('Close Date')]! < since))
  const after = count(rows.filter((r) => decided(r) && r[data.at('Close Date')]! >= since))
  let psi = 0
  for (const value of new Set([...before.counts.keys(), ...after.counts.keys()])) {
    const e = Math.max((before.counts.get(value) ?? 0) / before.total, 1e-4)
    const a = Math.max((after.counts.get(value) ?? 0) / after.total, 1e-4)
    psi += (a - e) * Math.log(a / e)
  }
  return psi
}

describe('the 90-day review', () => {
  it('flags drift planted in one attribute, with the PSI an independent count gives, and re-weights', async () => {
    const { report, data, next } = await review(true)
    expect(report.sinceSource).toBe('built')
    expect(report.caveat, 'a review of deals the scorecard never saw has no caveat').toBeNull()
    expect(report.review.deals).toBeGreaterThan(200)
    expect(report.built.deals).toBeGreaterThan(report.review.deals)
    const country = report.attributeDrift.find((d) => d.attribute === 'Billing Country')!
    expect(country.reading).toBe('shifted')
    expect(report.attributeDrift[0]!.attribute, 'the planted attribute drifted most').toBe('Billing Country')
    expect(country.psi).toBeCloseTo(independentPsi(next, data, report.since, data.at('Billing Country')), 10)
    expect(country.moved[0]).toMatchObject({ label: PLANTED })
    expect(country.moved[0]!.after).toBeGreaterThan(0.6)
    expect(report.verdict.decision).toBe('re-weight')
    expect(report.verdict.findings.join(' ')).toMatch(/Billing Country shifted \(PSI \d\.\d\d\): DE went from \d+% to \d+% of the deals/)
    // The other attributes did not move.
    for (const d of report.attributeDrift.filter((x) => x.attribute !== 'Billing Country')) expect(d.reading, d.attribute).toBe('stable')
  }, 240_000)

  it('keeps the scorecard when nothing drifted, with tier figures and the deals it got wrong', async () => {
    const { report, data, next } = await review(false)
    const country = report.attributeDrift.find((d) => d.attribute === 'Billing Country')!
    expect(country.psi).toBeCloseTo(independentPsi(next, data, report.since, data.at('Billing Country')), 10)
    expect(country.reading).toBe('stable')
    expect(report.verdict.decision, report.verdict.findings.join(' ')).toBe('keep')
    expect(report.verdict.sentence).toMatch(
      /^The scorecard ranks the [\d,]+ deals closed since [A-Z][a-z]+ \d+, \d{4} as it ranked the earlier deals/
    )
    // Tier A wins more often than C in both periods, with intervals.
    const [a, , c] = report.tiers
    expect(a!.review.winRate!).toBeGreaterThan(c!.review.winRate!)
    expect(a!.review.ci![0]).toBeLessThanOrEqual(a!.review.winRate!)
    expect(report.tiers.reduce((n, t) => n + t.review.deals, 0)).toBe(report.review.deals)
    // The false-negative review: wins in the lowest tier, losses in the top one, each with its reasons.
    expect(report.missedWinsTotal).toBeGreaterThan(0)
    expect(report.missedWins.every((m) => m.tier === 'C')).toBe(true)
    expect(report.falseAlarms.every((m) => m.tier === 'A' && m.score >= 70)).toBe(true)
    expect(report.missedWins[0]!.reasons).not.toBe('')
  }, 240_000)
})
