import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScorecard } from '@shared/engine/scorecard/model'
import { createBackend } from '../create-backend'
import { chromiumPrinter } from './chromium-printer'
import { memoryRecentWorkspaces } from '../workspace/recent-workspaces'
import { nativeLocations } from '../workspace/workspace-locations'

/** Warm: Chromium already open, as for every export after the first in browser mode. */
export const PDF_TARGET_SECONDS = 1.5

/**
 * The PDF one-pager of the sample workspace, as `export-pdf` makes it in browser mode (content,
 * the print route, printing) with the printer browser mode uses: the first export launches
 * Chromium and loads the page (cold), the later ones find it open (warm); the warm median is
 * what the consultant waits for after pressing the button again.
 */
export async function runPdfBenchmark(runs = 5): Promise<{ coldSeconds: number; medianSeconds: number; seconds: number[]; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'icp-bench-pdf-'))
  const printer = chromiumPrinter(undefined, { keepWarmMs: 60_000 })
  const backend = createBackend({
    host: 'cli',
    locations: nativeLocations({ cwd: dir }),
    recents: memoryRecentWorkspaces(),
    sampleDir: dir,
    emit: () => undefined,
    printPdf: printer
  })
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const result = await backend.dispatch(method, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  try {
    await call('workspace-open-sample', {})
    const { id } = (await call('scorecard-create', { name: 'Core ICP' })) as { id: number }
    await call('scorecard-save', {
      id,
      scorecard: {
        ...defaultScorecard('Core ICP'),
        criteria: [
          { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
          { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 500, points: 20 },
          { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 25 },
          { id: 'c4', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 25 }
        ],
        knockouts: [{ name: 'Education', attribute: 'Industry', op: 'in', values: ['Education'] }]
      }
    })
    const seconds: number[] = []
    let bytes = 0
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const pdf = (await call('export-pdf', { scorecardId: id })) as { bytes: Uint8Array }
      seconds.push((performance.now() - started) / 1000)
      bytes = pdf.bytes.length
    }
    const warm = seconds.slice(1).sort((a, b) => a - b)
    return { coldSeconds: seconds[0]!, medianSeconds: warm[Math.floor(warm.length / 2)]!, seconds, bytes }
  } finally {
    await printer.close()
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
