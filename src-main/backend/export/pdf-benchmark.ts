import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScorecard } from '@shared/engine/scorecard/model'
import { createBackend } from '../create-backend'
import { memoryRecentWorkspaces } from '../workspace/recent-workspaces'
import { nativeLocations } from '../workspace/workspace-locations'

export const PDF_TARGET_SECONDS = 3

/**
 * The PDF one-pager of the sample workspace, as `export-pdf` makes it (content, Chromium's
 * launch, the print route, printing): each run is a full export, so the median is what the
 * consultant waits for after pressing the button.
 */
export async function runPdfBenchmark(runs = 3): Promise<{ medianSeconds: number; seconds: number[]; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'icp-bench-pdf-'))
  const backend = createBackend({ host: 'cli', locations: nativeLocations({ cwd: dir }), recents: memoryRecentWorkspaces(), sampleDir: dir, emit: () => undefined })
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
    const sorted = [...seconds].sort((a, b) => a - b)
    return { medianSeconds: sorted[Math.floor(sorted.length / 2)]!, seconds, bytes }
  } finally {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
