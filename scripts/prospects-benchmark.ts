/**
 * Scoring a prospect list (issue 20's target: a million prospects in 3 s or less): a generated
 * Apollo export of `rows` prospects, imported into a workspace with a suggested scorecard, then
 * scored through `prospects-score` with no call-list page (mapping, reading the list's columns,
 * judging every condition, the engine's scoring, tiers and market), in a reopened workspace (the
 * columns read back from the file), which is what a consultant waits for; then the first page
 * of the call list (names and domains of 100 prospects from two unique columns) on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importAsSuggested, scriptBackend } from './script-backend'
import { generateCrm, generateProspects } from './crm-generator/index'
import { writeCsvFile } from './crm-generator/file'

export const PROSPECTS_TARGET_SECONDS = 3

export interface ProspectBenchmark {
  rows: number
  criteria: number
  importSeconds: number
  scoreSeconds: number
  coldScoreSeconds: number
  coldScoreCpuSeconds: number
  firstPageSeconds: number
}

export async function runProspectBenchmark(
  rows: number,
  listFile: (name: string, make: (path: string) => void) => string
): Promise<ProspectBenchmark> {
  const dir = mkdtempSync(join(tmpdir(), 'icp-bench-prospects-'))
  const open = () => scriptBackend(dir)
  let backend = open()
  try {
    await backend.call('workspace-create', { name: 'Bench', path: 'bench.icpw' })
    const crm = generateCrm({ seed: 'bench-prospects', accounts: 3000, mess: 'typical' })
    const flat = join(dir, 'flat.csv')
    writeCsvFile(flat, crm.flat)
    await importAsSuggested(backend, flat)
    const card = await backend.call('scorecard-suggest', { name: 'Core' })
    const list = listFile(`prospects-apollo-${rows}.csv`, (path) => {
      const prospects = generateProspects({ shape: 'apollo', count: rows, seed: 'bench' })
      writeCsvFile(path, { headers: prospects.headers, rows: prospects.rows })
    })
    let started = performance.now()
    await backend.call('prospects-import', { source: { kind: 'path', path: list } })
    const importSeconds = (performance.now() - started) / 1000
    started = performance.now()
    await backend.call('prospects-score', { scorecardId: card.id, limit: 0 })
    const scoreSeconds = (performance.now() - started) / 1000
    backend.close()
    backend = open()
    await backend.call('workspace-open', { path: 'bench.icpw' })
    // The CRM side (the engine's copy of the workspace's deals) is built first, as any earlier
    // screen of the session has: what is measured is the list's scoring.
    await backend.call('simulate-run', { scorecardId: card.id })
    started = performance.now()
    const cpu = process.cpuUsage()
    await backend.call('prospects-score', { scorecardId: card.id, limit: 0 })
    const used = process.cpuUsage(cpu)
    const coldScoreSeconds = (performance.now() - started) / 1000
    started = performance.now()
    await backend.call('prospects-score', { scorecardId: card.id, offset: 0, limit: 100 })
    const firstPageSeconds = (performance.now() - started) / 1000
    return {
      rows,
      criteria: card.scorecard.criteria.length,
      importSeconds,
      scoreSeconds,
      coldScoreSeconds,
      coldScoreCpuSeconds: (used.user + used.system) / 1e6,
      firstPageSeconds
    }
  } finally {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
