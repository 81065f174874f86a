/**
 * Shapes of real exports that were misread before: a leads table with a 0/1 outcome and no
 * account key, the same flag as TRUE/FALSE in an XLSX, a real category literally named "None",
 * spelling variants, and a correction that must hold for next quarter's file.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { testBackend, type TestBackend } from '../support/backend'
import { parseCsv } from '../support/parse-csv'
import { tempDir } from '../support/temp-dir'
import { readZip } from '../support/zip-entries'

const INDUSTRIES = ['SaaS', 'SAAS', 'saas', 'Software as a Service', 'Retail', 'Manufacturing', 'manufacturing']
const COMPETITORS = ['None', 'None', 'None', 'Acme', 'Globex', 'None', 'Initech']

/** A leads export: no account key, "Converted" 0/1, a Competitor whose most common answer is "None". */
function leadsRows(n: number): string[][] {
  const rows: string[][] = [['Lead ID', 'Company', 'Industry', 'Company Size', 'Competitor', 'Lead Source', 'Created Date', 'Converted']]
  for (let i = 0; i < n; i++) {
    const industry = INDUSTRIES[i % INDUSTRIES.length]!
    const converted = industry.toLowerCase().startsWith('s') ? i % 2 === 0 : i % 5 === 0
    rows.push([
      `L-${1000 + i}`,
      `Company ${i}`,
      industry,
      ['1-10', '11-50', '51-200', '201-500'][i % 4]!,
      COMPETITORS[i % COMPETITORS.length]!,
      i % 3 === 0 ? 'Inbound' : 'Outbound',
      `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
      converted ? '1' : '0'
    ])
  }
  return rows
}

const csv = (rows: string[][]): string => rows.map((r) => r.join(',')).join('\r\n')

async function importFile(
  backend: TestBackend,
  path: string,
  change?: (columns: Array<{ index: number; type: string; role: string; category: string | null }>) => void
) {
  const preview = await backend.call('import-inspect', { source: { kind: 'path', path } })
  const columns = preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category }))
  change?.(columns)
  const summary = await backend.call('import-commit', {
    stagingId: preview.stagingId,
    kind: preview.suggestedKind,
    columns: columns as never,
    outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
    mode: 'replace'
  })
  return { preview, summary }
}

describe('a leads table with a 0/1 outcome and no account key', () => {
  it('imports with no options, counts each lead as an account, and exports every lead scored', async () => {
    const dir = tempDir()
    // No company column at all: each lead is its own account, identified by its lead id.
    const rows = leadsRows(140).map((r) => [r[0]!, ...r.slice(2)])
    writeFileSync(join(dir, 'leads.csv'), csv(rows))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Leads', path: 'leads.icpw' })
    const { preview, summary } = await importFile(backend, join(dir, 'leads.csv'))

    expect(preview.suggestedKind).toBe('flat')
    const converted = preview.columns.find((c) => c.name === 'Converted')!
    expect(converted.role).toBe('outcome')
    expect(converted.roleReason).toBe('two values, 1 and 0; name “Converted” reads as a result')
    expect(preview.columns.find((c) => c.name === 'Created Date')!.role).toBe('created-date')
    expect(preview.columns.find((c) => c.name === 'Lead Source')!.level).toBe('deal')
    expect(preview.columns.find((c) => c.name === 'Lead ID')!.role).toBe('deal-id')
    const wins = rows.slice(1).filter((r) => r[6] === '1').length
    expect(summary.outcomes).toEqual({ won: wins, lost: 140 - wins, open: 0, unmapped: 0 })
    expect(summary.accountCount).toBe(140)

    const card = await backend.call('scorecard-suggest', { name: 'Leads ICP' })
    const scored = parseCsv(new TextDecoder().decode((await backend.call('export-scored-csv', { scorecardId: card.id })).bytes))
    // One row per lead, keyed by the lead's own id: never a header-only file.
    expect(scored.length - 1).toBe(140)
    expect(
      scored
        .slice(1)
        .map((r) => r[0])
        .sort()
    ).toEqual(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort()
    )
    const workbook = readZip((await backend.call('export-workbook', { scorecardId: card.id })).bytes)
    const sheets = workbook.filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => new TextDecoder().decode(e.data))
    expect(sheets.some((xml) => (xml.match(/<row /g) ?? []).length > 140)).toBe(true)
    backend.close()
  })

  it('keeps a frequent "None" competitor as a value, and follows the consultant who says it is missing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'leads.csv'), csv(leadsRows(140)))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Leads', path: 'leads.icpw' })
    const { preview } = await importFile(backend, join(dir, 'leads.csv'))
    const competitor = preview.columns.find((c) => c.name === 'Competitor')!
    expect(competitor.missingCount).toBe(0)
    expect(competitor.topValues[0]).toEqual({ value: 'None', count: 80 })
    expect(competitor.placeholders).toEqual([expect.objectContaining({ token: 'None', missing: false })])

    const after = await backend.call('dataset-set-placeholder', { kind: 'flat', index: competitor.index, token: 'None', missing: true })
    const stored = after.tables[0]!.columns.find((c) => c.name === 'Competitor')!
    expect(stored.missingCount).toBe(80)
    expect(stored.placeholders[0]).toMatchObject({
      token: 'None',
      missing: true,
      reason: 'you chose to treat it as missing in this column'
    })
    // The choice is the consultant's for that header: next quarter's file is read the same way.
    const again = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'leads.csv') } })
    expect(again.columns.find((c) => c.name === 'Competitor')!.missingCount).toBe(80)
    await backend.call('import-discard', { stagingId: again.stagingId })
    backend.close()
  })

  it('merges spelling variants into visible hygiene rules by default, and synonyms only when kept', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'leads.csv'), csv(leadsRows(140)))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Leads', path: 'leads.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'leads.csv') } })
    const industry = preview.cleanups.filter((c) => preview.columns[c.index]!.name === 'Industry')
    expect(industry.map((c) => [c.kind, c.byDefault])).toEqual([
      ['spelling', true],
      ['synonym', false],
      ['spelling', true]
    ])
    await backend.call('import-commit', {
      stagingId: preview.stagingId,
      kind: preview.suggestedKind,
      columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      mode: 'replace'
    })
    const rules = await backend.call('hygiene-list', {})
    expect(rules.map((r) => r.description)).toEqual([
      'Merge "SAAS", "saas" into "SaaS" in Industry',
      'Merge "manufacturing" into "Manufacturing" in Industry'
    ])
    const discover = await backend.call('discover-run', {})
    const labels = discover.attributes.find((a) => a.name === 'Industry')!.values.map((v) => v.label)
    expect(labels).toEqual(expect.arrayContaining(['SaaS', 'Software as a Service', 'Manufacturing', 'Retail']))
    expect(labels).not.toContain('SAAS')
    backend.close()
  })
})

describe('one outcome mapping across file formats and spellings', () => {
  it('reads a TRUE/FALSE IsWon from an XLSX the way the same flag was mapped in a CSV', async () => {
    const dir = tempDir()
    const rows = [['Opportunity ID', 'Account Name', 'Industry', 'IsWon']]
    for (let i = 0; i < 60; i++) rows.push([`O-${i}`, `Account ${i % 20}`, i % 2 ? 'SaaS' : 'Retail', i % 3 === 0 ? 'True' : 'False'])
    writeFileSync(join(dir, 'opps.csv'), csv(rows))
    const sheet = XLSX.utils.aoa_to_sheet(rows.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], r[3] === 'True'])))
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'Opportunities')
    writeFileSync(join(dir, 'opps.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)

    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Opps', path: 'o.icpw' })
    // The consultant maps the CSV's flag by hand the other way round (a "won" column that meant lost).
    const first = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'opps.csv') } })
    expect(first.columns.find((c) => c.name === 'IsWon')!.role).toBe('outcome')
    await backend.call('import-commit', {
      stagingId: first.stagingId,
      kind: first.suggestedKind,
      columns: first.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      outcomeMapping: [
        { value: 'True', outcome: 'lost' },
        { value: 'False', outcome: 'won' }
      ],
      mode: 'replace'
    })
    const second = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'opps.xlsx') } })
    expect(second.outcomeMapping.map((m) => [m.value, m.outcome])).toEqual([
      ['FALSE', 'won'],
      ['TRUE', 'lost']
    ])
    await backend.call('import-discard', { stagingId: second.stagingId })
    backend.close()
  })

  it('accepts the Yes/No labels a page shows for a stored 1/0 column', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'leads.csv'), csv(leadsRows(50)))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Leads', path: 'leads.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'leads.csv') } })
    const summary = await backend.call('import-commit', {
      stagingId: preview.stagingId,
      kind: 'flat',
      columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      outcomeMapping: [
        { value: 'Yes', outcome: 'won' },
        { value: 'No', outcome: 'lost' }
      ],
      mode: 'replace'
    })
    expect(summary.outcomes.won + summary.outcomes.lost).toBe(50)
    expect(summary.outcomes.won).toBe(preview.outcomeMapping.find((m) => m.value === '1')!.count)
    backend.close()
  })
})

describe('corrections remembered for the next file of the same shape', () => {
  it("reads next quarter's export the way the consultant corrected this one, and says so", async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'q1.csv'), csv(leadsRows(60)))
    // Next quarter: the same columns in another order, other rows.
    const q2 = leadsRows(80).map((r) => [r[1]!, r[0]!, ...r.slice(2)])
    writeFileSync(join(dir, 'q2.csv'), csv(q2))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Leads', path: 'leads.icpw' })
    await importFile(backend, join(dir, 'q1.csv'), (columns) => {
      columns[5]!.role = 'ignore' // Lead Source: the consultant does not trust it
    })
    const next = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'q2.csv') } })
    const source = next.columns.find((c) => c.name === 'Lead Source')!
    expect(source.role).toBe('ignore')
    expect(source.roleReason).toBe('as you set it for the last file with these columns')
    // What nobody corrected is still suggested afresh.
    expect(next.columns.find((c) => c.name === 'Converted')!.roleReason).toMatch(/two values/)
    await backend.call('import-discard', { stagingId: next.stagingId })
    backend.close()
  })
})
