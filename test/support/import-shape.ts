import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateCrmShape } from '../../scripts/crm-generator/index'
import { writeCsv } from '../../scripts/crm-generator/writers'
import type { TestBackend } from './backend'

/** A generated CRM export written as CSV files and imported with the app's own suggestions, as a user accepting them would. */
export async function importShape(backend: TestBackend, dir: string, options: Parameters<typeof generateCrmShape>[0]) {
  const crm = generateCrmShape(options)
  for (const table of crm.tables) {
    const path = join(dir, `${table.name}.csv`)
    writeFileSync(path, writeCsv(table.table, {}))
    await importAsSuggested(backend, path)
  }
  return crm
}

/** One file imported with every suggestion accepted (replacing a table of its kind); returns the preview. */
export async function importAsSuggested(backend: TestBackend, path: string) {
  const preview = await backend.call('import-inspect', { source: { kind: 'path', path } })
  await backend.call('import-commit', {
    stagingId: preview.stagingId,
    kind: preview.suggestedKind,
    columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category, level: c.level })),
    outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
    mode: 'replace'
  })
  return preview
}
