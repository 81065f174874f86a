/**
 * A workspace with N generated deals (flat export: one row per deal with its account's
 * attributes) and a scorecard suggested from the evidence, for the live-update latency
 * measurement (`npm run bench` and test/e2e/simulate-latency.spec.ts).
 *
 *   node --import tsx scripts/latency/large-workspace.ts OUT.icpw DEALS
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { writeCsvFile } from '../crm-generator/file'
import { streamCrm } from '../crm-generator/index'
import { importAsSuggested, scriptBackend } from '../script-backend'

export async function makeLargeWorkspace(path: string, deals: number): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'icp-large-'))
  const folder = dirname(resolve(path))
  const backend = scriptBackend(folder, scratch)
  const call = backend.call
  try {
    const csv = join(scratch, 'flat.csv')
    writeCsvFile(csv, streamCrm({ seed: 'latency', accounts: Math.max(500, Math.round(deals / 2.5)), deals, mess: 'typical' }).flat)
    await call('workspace-create', { name: `Latency ${deals.toLocaleString('en-US')} deals`, path: basename(path) })
    await importAsSuggested(backend, csv)
    await call('scorecard-suggest', { name: 'Core ICP' })
  } finally {
    backend.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const [out, deals] = process.argv.slice(2)
  if (!out || !deals) {
    console.error('usage: large-workspace.ts OUT.icpw DEALS')
    process.exit(2)
  }
  makeLargeWorkspace(out, Number(deals)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
