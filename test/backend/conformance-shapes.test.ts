/**
 * Exports in the shapes of real CRMs (Salesforce opportunity report, HubSpot deals + companies,
 * Pipedrive deals, a leads table with a 0/1 flag), generated at any size with a planted truth:
 * imported with no options, every column must get the role, type and level a careful analyst
 * would give it (scripts/crm-generator's expectations, docs/generator.md), and the outcome
 * mapping, the kind of each table and the default clean-ups must be right.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateCrmShape, type ShapeName } from '../../scripts/crm-generator/index'
import { writeWorkbook } from '../../scripts/crm-generator/workbook'
import { writeCsv } from '../../scripts/crm-generator/writers'
import { testBackend } from '../support/backend'
import { tempDir } from '../support/temp-dir'

const SHAPES: ShapeName[] = ['salesforce', 'hubspot', 'pipedrive', 'leads', 'standard']
const KEY_ROLES = new Set(['account-id', 'account-name', 'domain'])

describe.each(
  SHAPES.flatMap(
    (shape) =>
      [
        [shape, 'csv'],
        [shape, 'xlsx']
      ] as const
  )
)('a %s export as %s', (shape, format) => {
  it('is understood on first import: kinds, roles, types, levels, outcomes', async () => {
    const dir = tempDir()
    const crm = generateCrmShape({
      shape,
      seed: 5,
      accounts: 220,
      mess: 'typical',
      leakage: true,
      flavor: format === 'xlsx' ? 'workbook' : 'csv'
    })
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: shape, path: 'w.icpw' })
    for (const table of crm.tables) {
      const path = join(dir, `${table.name}.${format}`)
      writeFileSync(
        path,
        format === 'csv'
          ? writeCsv(table.table, {})
          : writeWorkbook([{ name: table.name, table: table.table }], { bookType: 'xlsx', dateFormat: table.dateFormat })
      )
      const preview = await backend.call('import-inspect', { source: { kind: 'path', path } })
      expect(preview.suggestedKind, `${table.name}: kind`).toBe(table.kind)
      // A workbook drops a trailing column with no header and no values; every other column is there.
      const expected = new Map(table.expect.map((e) => [e.header, e]))
      expect(preview.columns.map((c) => c.name)).toEqual(
        table.expect.map((e) => e.header).filter((h, i) => h !== '' || preview.columns[i]?.name === '')
      )
      // A leads table has one row per company: account and deal counts are the same, levels moot.
      const keyed = shape !== 'leads' && preview.columns.some((c) => KEY_ROLES.has(c.role))
      for (const column of preview.columns) {
        const e = expected.get(column.name)!
        const where = `${shape}/${table.name}: ${e.header}`
        // Leakage is Discover's to flag (it must, see the Discover conformance); the import may
        // leave such a column an attribute, but never make it the outcome, an id or an amount.
        const roles = [e.role, ...(e.alsoRoles ?? []), ...(e.leak ? ['attribute'] : [])]
        expect(roles, `${where}: role ${column.role} (${column.roleReason ?? 'no reason'})`).toContain(column.role)
        if (column.role !== 'ignore') expect([e.type, ...(e.alsoTypes ?? [])], `${where}: type`).toContain(column.type)
        // With no account key every row is its own account: account and deal counts are the same.
        if (column.role === 'attribute' && keyed && !e.leak) expect(column.level, `${where}: level (${column.levelReason})`).toBe(e.level)
        if (column.role !== 'attribute') expect(column.roleReason, `${where}: reason`).toBeTruthy()
      }
      if (table.name === crm.outcomeColumn.table) {
        const mapped = Object.fromEntries(preview.outcomeMapping.map((m) => [m.value, m.outcome]))
        for (const [value, outcome] of Object.entries(crm.outcomeMapping)) {
          if (value in mapped) expect(mapped[value], `${shape}: outcome of "${value}"`).toBe(outcome)
        }
      }
      const summary = await backend.call('import-commit', {
        stagingId: preview.stagingId,
        kind: preview.suggestedKind,
        columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category, level: c.level })),
        outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
        mode: 'replace'
      })
      if (table.kind !== 'accounts') expect(summary.outcomes.won * summary.outcomes.lost, `${shape}: won and lost deals`).toBeGreaterThan(0)
    }
    // Deals find their accounts on the key the CRM exports.
    const summary = await backend.call('dataset-summary', {})
    if (crm.joins.length > 0) expect(summary.join?.matchedDeals, `${shape}: joined deals`).toBeGreaterThan(0)
    backend.close()
  })
})

describe('spellings in a Pipedrive export', () => {
  it('merges case and punctuation variants by default and proposes the synonyms', async () => {
    const dir = tempDir()
    const crm = generateCrmShape({ shape: 'pipedrive', seed: 9, accounts: 300, mess: 'typical' })
    const table = crm.tables[0]!
    const path = join(dir, 'deals.csv')
    writeFileSync(path, writeCsv(table.table, {}))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'P', path: 'p.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path } })
    const byColumn = (name: string) => preview.cleanups.filter((c) => preview.columns[c.index]!.name === name)
    const industry = byColumn('Deal - Industry')
    expect(industry.some((c) => c.kind === 'spelling' && c.byDefault && c.rule.kind === 'merge' && c.rule.to === 'SaaS')).toBe(true)
    expect(
      industry.some((c) => c.kind === 'synonym' && !c.byDefault && c.rule.kind === 'merge' && c.rule.from.includes('Software as a Service'))
    ).toBe(true)
    await backend.call('import-discard', { stagingId: preview.stagingId })
    backend.close()
  })
})
