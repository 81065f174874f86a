import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateCrmShape } from '../../scripts/crm-generator/index'
import { writeCsv } from '../../scripts/crm-generator/writers'
import { importAsSuggested } from '../../scripts/script-backend'
import type { TestBackend } from './backend'

export { importAsSuggested }

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
