import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../create-backend'
import { chromiumPrinter } from './chromium-printer'
import { memoryRecentWorkspaces } from '../workspace/recent-workspaces'
import { nativeLocations } from '../workspace/workspace-locations'

/** Warm: Chromium already open, as for every export after the first in browser mode. */
export const PDF_TARGET_SECONDS = 1.5

const SAMPLE_SCORECARD = 'Core ICP'

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
    // The sample ships its own Core ICP (suggested from its deals, with an export draft): the
    // one-pager a consultant sees first, so the one timed here.
    const scorecards = (await call('scorecard-list', {})) as Array<{ id: number; name: string }>
    const core = scorecards.find((s) => s.name === SAMPLE_SCORECARD)
    if (!core)
      throw new Error(
        `the sample workspace has no scorecard named "${SAMPLE_SCORECARD}" (it has ${scorecards.map((s) => `"${s.name}"`).join(', ') || 'none'})`
      )
    const id = core.id
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
