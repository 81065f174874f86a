// `npm run bench [-- --json] [--rows N] [--xlsx-rows N] [--runs N] [--import-only] [--xlsx-only] [--latency-only]`: measures the performance targets on this machine and
// prints the figures (JSON with --json). Targets are reported, never asserted: timings belong
// here, not in unit tests.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runDiscoverBenchmark } from '../src-main/shared/engine/benchmark/discover-benchmark'
import { runEngineBenchmark } from '../src-main/shared/engine/benchmark/engine-benchmark'
import { WORKBOOK_TARGET, type runWorkbookBenchmark } from '../src-main/backend/export/workbook-benchmark'
import { PDF_TARGET_SECONDS, runPdfBenchmark } from '../src-main/backend/export/pdf-benchmark'
import { buildEngineDataset } from '../src-main/backend/engine/build-engine-dataset'
import { generateCrm, streamCrm } from './crm-generator/index'
import { runLatencyBenchmark } from './latency/run-latency-benchmark'
import { measureStartScreen, rendererBundleBytes } from './latency/measure-start-screen'
import type { LatencyRun } from './latency/measure-latency'
import { writeCsvFile } from './crm-generator/file'
import { writeWorkbook } from './crm-generator/workbook'
import { processTreeRss } from './bench/process-tree-rss'
import { findPandas, median, runPandasOnce, type AnchorRun } from './bench/pandas-anchor'
import { ensureBuilt, runIcpImport, type IcpImportRun } from './bench/icp-import-run'
import { PROSPECTS_TARGET_SECONDS, runProspectBenchmark } from './prospects-benchmark'
import { importAsSuggested, scriptBackend } from './script-backend'

interface Figure {
  name: string
  value: number
  unit: string
  target: number | null
  met: boolean | null
  note?: string
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rows: { type: 'string', default: '1000000' },
    'xlsx-rows': { type: 'string', default: '100000' },
    'workbook-accounts': { type: 'string', default: '100000' },
    'latency-deals': { type: 'string', default: '100000' },
    /** Imports (and their anchors) are run this many times and the median reported. */
    runs: { type: 'string', default: '3' },
    /** Only the import figures and their anchors (the quick check while working on import). */
    'import-only': { type: 'boolean', default: false },
    /** Only the XLSX import figures and their anchor (the quick check while working on XLSX import). */
    'xlsx-only': { type: 'boolean', default: false },
    /** Only the live-update figures (the quick check while working on the what-if path). */
    'latency-only': { type: 'boolean', default: false }
  }
})
const importRuns = Math.max(1, Number(values.runs))
const csvRows = Number(values.rows)
const xlsxRows = Number(values['xlsx-rows'])
const workbookAccounts = Number(values['workbook-accounts'])
const latencyDeals = Number(values['latency-deals'])
const log = (line: string): void => {
  if (!values.json) console.log(line)
}

/** Generated once per size and reused by later runs (the generator is not what is measured). */
function fixture(name: string, make: (path: string) => void): string {
  const dir = join(tmpdir(), 'icp-bench-fixtures')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  if (!existsSync(path)) {
    log(`generating ${name}…`)
    make(path)
  }
  return path
}

/**
 * Peak resident memory while `work` runs: of this process and its children (the import's reading
 * process) where /proc shows them, else of this process alone.
 */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  const rss = (): number => processTreeRss() ?? process.memoryUsage().rss
  let peak = rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, rss())
  }, 10)
  const started = performance.now()
  const result = await work()
  const seconds = (performance.now() - started) / 1000
  clearInterval(timer)
  peak = Math.max(peak, rss())
  return { result, seconds, peakMb: Math.round(peak / 1048576) }
}

interface ImportRun {
  rows: number
  inspect: number
  commit: number
  peakMb: number
  columnarSeconds: number
}

type ImportWithAnchor = IcpImportRun & {
  all: number[]
  peaks: number[]
  /** The anchor's median run and, per pair, our time over its, or why pandas was not measured. */
  anchor: (AnchorRun & { ratios: number[] }) | string
}

/**
 * `runs` pairs of `icp import` (each into a fresh workspace) and the pandas anchor on `file`, one
 * right after the other. On a shared machine whose speed drifts for minutes at a time, three
 * imports then three anchors could land in different phases (the ratio moved from 0.48 to 0.64
 * between two runs of the same build); a pair shares its phase, so the ratio is the median of
 * the pairs' own ratios.
 */
async function importWithAnchor(file: string, kind: 'csv' | 'xlsx', runs: number): Promise<ImportWithAnchor> {
  const found = findPandas()
  const done: IcpImportRun[] = []
  const anchors: AnchorRun[] = []
  let skipped = 'skipped' in found ? found.skipped : null
  for (let i = 0; i < runs; i++) {
    done.push(await runIcpImport(file))
    if (skipped !== null || !('python' in found)) continue
    try {
      anchors.push(runPandasOnce(found.python, file, kind))
    } catch (error) {
      skipped = `pandas failed on ${kind}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    }
  }
  const ratios = skipped === null ? anchors.map((a, i) => done[i]!.seconds / a.seconds) : []
  return {
    ...median(done, (r) => r.seconds),
    all: done.map((r) => round(r.seconds)),
    peaks: done.map((r) => r.peakMb),
    anchor: skipped ?? { ...median(anchors, (a) => a.seconds), ratios }
  }
}

/** Our import against the anchor: its own figures, and ours as a multiple of its time. */
function anchorFigures(prefix: string, ours: number, anchor: ImportWithAnchor['anchor'], target: number | null): Figure[] {
  if (typeof anchor === 'string') {
    log(`  ${prefix} anchor skipped: ${anchor}`)
    return [{ name: `${prefix}_vs_pandas_ratio`, value: NaN, unit: 'x', target, met: null, note: `not measured: ${anchor}` }]
  }
  const ratio = Math.round(median(anchor.ratios, (r) => r) * 100) / 100
  const via = `pandas ${anchor.pandas} (${anchor.python}), median of ${anchor.ratios.length}, each run right after one of ours`
  return [
    {
      name: `${prefix}_pandas_seconds`,
      value: round(anchor.seconds),
      unit: 's',
      target: null,
      met: null,
      note: `whole process: read + to_sql into SQLite (${round(anchor.readWriteSeconds)} s of it), starting Python and pandas; ${via}`
    },
    {
      name: `${prefix}_pandas_peak_rss_mb`,
      value: anchor.peakMb,
      unit: 'MB',
      target: null,
      met: null,
      note: 'peak of the whole Python process'
    },
    {
      name: `${prefix}_vs_pandas_ratio`,
      value: ratio,
      unit: 'x',
      target,
      met: target === null ? null : ratio <= target,
      note: `icp import / pandas, whole processes, median of each pair's ratio (${anchor.ratios.map((r) => r.toFixed(2)).join(', ')}); medians ${round(ours)} s / ${round(anchor.seconds)} s`
    }
  ]
}

async function importFile(file: string): Promise<ImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'icp-bench-'))
  const backend = scriptBackend(dir)
  try {
    await backend.call('workspace-create', { name: 'Bench', path: 'bench.icpw' })
    let inspect = 0
    const measured = await measure(async () => {
      const started = performance.now()
      // Inspect and commit as a user accepting every suggestion, with the read timed on its own.
      const preview = await importAsSuggested(backend, file, () => (inspect = (performance.now() - started) / 1000))
      return preview.rowCount
    })
    // The engine's columnar copy, built from the workspace just written (issue 4's target).
    const started = performance.now()
    buildEngineDataset(backend.context.session.require().db)
    const columnarSeconds = (performance.now() - started) / 1000
    return { rows: measured.result, inspect, commit: measured.seconds - inspect, peakMb: measured.peakMb, columnarSeconds }
  } finally {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const figures: Figure[] = []
  ensureBuilt()
  if (values['latency-only']) {
    log(`Live updates: ${latencyDeals.toLocaleString('en-US')} deals in browser mode, sliders dragged in Chromium…`)
    report(await latencyFigures(latencyDeals))
    return
  }
  if (!values['xlsx-only']) await csvImportFigures(figures)
  await xlsxAndRestFigures(figures)
}

/** The 1M-row CSV import, its pandas anchor, and (unless --import-only) the engine copy. */
async function csvImportFigures(figures: Figure[]): Promise<void> {
  const csv = fixture(`deals-${csvRows}.csv`, (path) => {
    writeCsvFile(path, streamCrm({ seed: 'bench', accounts: Math.max(1000, Math.round(csvRows / 10)), deals: csvRows }).deals)
  })
  log(
    `CSV import: ${csvRows.toLocaleString('en-US')} rows × 12 columns (${Math.round(statSync(csv).size / 1048576)} MB), \`icp import\` and pandas read_csv + to_sql ${importRuns} times each, in turn…`
  )
  const c = await importWithAnchor(csv, 'csv', importRuns)
  const at1M = csvRows === 1_000_000
  figures.push(
    {
      name: 'csv_import_seconds',
      value: round(c.seconds),
      unit: 's',
      target: null,
      met: null,
      note: `whole \`icp import\` process, median of ${importRuns} (${c.all.join(', ')} s); ${c.rows} rows, ${Math.round(c.rows / c.seconds / 1000)}k rows/s`
    },
    {
      name: 'csv_import_peak_rss_mb',
      value: c.peakMb,
      unit: 'MB',
      target: at1M ? 600 : null,
      met: at1M ? c.peakMb <= 600 : null,
      note: `\`icp import\` and its reading process together; of the median run (all runs: ${c.peaks.join(', ')} MB)`
    }
  )
  figures.push(...anchorFigures('csv', c.seconds, c.anchor, at1M ? 0.5 : null))
  if (!values['import-only']) {
    log('  engine copy of an imported workspace (in this process)…')
    const inProcess = await importFile(csv)
    figures.push({
      name: 'columnar_build_seconds',
      value: round(inProcess.columnarSeconds),
      unit: 's',
      target: at1M ? 2 : null,
      met: at1M ? inProcess.columnarSeconds < 2 : null,
      note: `engine copy of ${inProcess.rows} deals from the workspace`
    })
  }
}

/** The 100k-row XLSX import and its anchor, then (unless --import-only or --xlsx-only) the rest. */
async function xlsxAndRestFigures(figures: Figure[]): Promise<void> {
  const xlsx = fixture(`deals-${xlsxRows}.xlsx`, (path) => {
    const crm = generateCrm({ seed: 'bench', accounts: Math.max(1000, Math.round(xlsxRows / 10)), deals: xlsxRows, flavor: 'workbook' })
    writeFileSync(path, writeWorkbook([{ name: 'Deals', table: crm.deals }], { bookType: 'xlsx' }))
  })
  log(
    `XLSX import: ${xlsxRows.toLocaleString('en-US')} rows (${Math.round(statSync(xlsx).size / 1048576)} MB), \`icp import\` and pandas read_excel (openpyxl) + to_sql ${importRuns} times each, in turn…`
  )
  const x = await importWithAnchor(xlsx, 'xlsx', importRuns)
  const at100k = xlsxRows === 100_000
  figures.push(
    {
      name: 'xlsx_import_seconds',
      value: round(x.seconds),
      unit: 's',
      target: at100k ? 2 : null,
      met: at100k ? x.seconds <= 2 : null,
      note: `whole \`icp import\` process, median of ${importRuns} (${x.all.join(', ')} s); ${x.rows} rows`
    },
    {
      name: 'xlsx_import_peak_rss_mb',
      value: x.peakMb,
      unit: 'MB',
      target: at100k ? 700 : null,
      met: at100k ? x.peakMb <= 700 : null,
      note: `\`icp import\` and its reading process together; of the median run (all runs: ${x.peaks.join(', ')} MB)`
    }
  )
  figures.push(...anchorFigures('xlsx', x.seconds, x.anchor, null))
  if (values['import-only'] || values['xlsx-only']) {
    report(figures)
    return
  }

  log(`Prospects: an Apollo list of ${csvRows.toLocaleString('en-US')} prospects scored with a suggested scorecard…`)
  const p = await runProspectBenchmark(csvRows, fixture)
  const atProspectTarget = csvRows === 1_000_000
  figures.push(
    {
      name: 'prospects_score_seconds',
      value: round(p.coldScoreSeconds),
      unit: 's',
      target: atProspectTarget ? PROSPECTS_TARGET_SECONDS : null,
      met: atProspectTarget ? p.coldScoreSeconds <= PROSPECTS_TARGET_SECONDS : null,
      note: `${p.rows} prospects × ${p.criteria} criteria in a reopened workspace (columns read from the file, mapped, judged, scored, tiers and market); ${round(p.coldScoreCpuSeconds)} s of CPU; ${round(p.scoreSeconds)} s right after the import`
    },
    {
      name: 'prospects_first_page_seconds',
      value: round(p.firstPageSeconds),
      unit: 's',
      target: null,
      met: null,
      note: 'the first 100 of the call list with names and domains (read from two unique columns), after scoring'
    },
    {
      name: 'prospects_import_seconds',
      value: round(p.importSeconds),
      unit: 's',
      target: null,
      met: null,
      note: 'read, infer and save the list'
    }
  )

  log(`Engine: ${csvRows.toLocaleString('en-US')} synthetic deals × 20 criteria…`)
  const engine = runEngineBenchmark(csvRows)
  for (const f of engine.figures) {
    figures.push({
      name: `engine_${f.name}`,
      value: f.bestMs,
      unit: 'ms',
      target: f.targetMs,
      met: f.targetMs === null ? null : f.bestMs < f.targetMs,
      note: `best of several runs; median ${f.medianMs} ms`
    })
  }

  log(`Discover: ${csvRows.toLocaleString('en-US')} synthetic deals × 30 attributes…`)
  const found = runDiscoverBenchmark(csvRows)
  figures.push({
    name: 'discover_ms',
    value: found.bestMs,
    unit: 'ms',
    target: found.targetMs,
    met: found.targetMs === null ? null : found.bestMs < found.targetMs,
    note: `${found.attributes} attributes, best of 3 runs`
  })

  log(
    `XLSX workbook: ${workbookAccounts.toLocaleString('en-US')} scored accounts × ${WORKBOOK_TARGET.criteria} criteria with live formulas…`
  )
  const book = workbookInFreshProcess(workbookAccounts)
  const atTarget = workbookAccounts === WORKBOOK_TARGET.accounts
  figures.push(
    {
      name: 'xlsx_workbook_seconds',
      value: round(book.seconds),
      unit: 's',
      target: atTarget ? WORKBOOK_TARGET.seconds : null,
      met: atTarget ? book.seconds <= WORKBOOK_TARGET.seconds : null,
      note: `${workbookAccounts} accounts × ${book.criteria} criteria (scoring, sheets, formulas with cached results), ${Math.round(book.bytes / 1048576)} MB file; ${round(book.cpuSeconds)} s of CPU`
    },
    {
      name: 'xlsx_workbook_peak_rss_mb',
      value: book.peakMb,
      unit: 'MB',
      target: atTarget ? WORKBOOK_TARGET.peakMb : null,
      met: atTarget ? book.peakMb <= WORKBOOK_TARGET.peakMb : null,
      note: 'peak resident memory of the whole process while the workbook is made'
    }
  )

  log(`Live updates: ${latencyDeals.toLocaleString('en-US')} deals in browser mode, sliders dragged in Chromium…`)
  figures.push(...(await latencyFigures(latencyDeals)))

  log('PDF one-pager: the sample workspace printed by headless Chromium…')
  figures.push(await pdfFigure())

  log('Start-up: the start screen of browser mode in a fresh tab, five loads…')
  const start = await measureStartScreen(5)
  const bundle = rendererBundleBytes()
  figures.push(
    {
      name: 'start_screen_first_paint_ms',
      value: Math.round(start.firstPaintMs),
      unit: 'ms',
      target: null,
      met: null,
      note: 'median of 5, first contentful paint'
    },
    {
      name: 'start_screen_shown_ms',
      value: Math.round(start.startScreenMs),
      unit: 'ms',
      target: null,
      met: null,
      note: 'median of 5, navigation to the heading in the page'
    },
    {
      name: 'renderer_js_bytes',
      value: bundle.totalJs,
      unit: 'bytes',
      target: null,
      met: null,
      note: `${bundle.files} files, every section and the worker included`
    }
  )

  report(figures)
}

function report(figures: readonly Figure[]): void {
  if (values.json) {
    console.log(JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, figures }, null, 2))
    return
  }
  console.log('')
  for (const f of figures) {
    const target = f.target === null ? '' : ` (target ${f.target} ${f.unit}: ${f.met === null ? 'not measured' : f.met ? 'met' : 'MISSED'})`
    console.log(`${f.name.padEnd(26)} ${String(f.value).padStart(8)} ${f.unit}${target}${f.note ? `  — ${f.note}` : ''}`)
  }
}

/** p95 from input to result, per slider; a machine without Chromium gets a figure that says so. */
async function latencyFigures(deals: number): Promise<Figure[]> {
  const at100k = deals === 100_000
  try {
    const run = await runLatencyBenchmark(deals)
    const figure = (name: string, what: LatencyRun, kind: 'numbers' | 'paint', target: number): Figure => ({
      name,
      value: what[kind].p95,
      unit: 'ms',
      target: at100k ? target : null,
      met: at100k ? what[kind].p95 < target : null,
      note: `p95 of ${what[kind].count} updates from ${what.inputs} inputs; p50 ${what[kind].p50} ms, max ${what[kind].max} ms; engine p95 ${what.compute.p95} ms`
    })
    return [
      figure('threshold_numbers_p95_ms', run.threshold, 'numbers', 16),
      figure('threshold_paint_p95_ms', run.threshold, 'paint', 50),
      figure('points_numbers_p95_ms', run.points, 'numbers', 12),
      figure('points_paint_p95_ms', run.points, 'paint', 50)
    ]
  } catch (error) {
    const note = `not measured: ${error instanceof Error ? error.message : String(error)}`
    return [{ name: 'threshold_paint_p95_ms', value: NaN, unit: 'ms', target: 50, met: null, note }]
  }
}

/** A full `export-pdf` of the sample workspace; a machine without Chromium gets a figure that says so. */
async function pdfFigure(): Promise<Figure> {
  try {
    const pdf = await runPdfBenchmark()
    return {
      name: 'pdf_one_pager_seconds',
      value: round(pdf.medianSeconds),
      unit: 's',
      target: PDF_TARGET_SECONDS,
      met: pdf.medianSeconds < PDF_TARGET_SECONDS,
      note: `warm: median of ${pdf.seconds.length - 1} exports after the first (${pdf.seconds.map((s) => round(s)).join(', ')} s); cold, Chromium launched: ${round(pdf.coldSeconds)} s; ${Math.round(pdf.bytes / 1024)} KB`
    }
  } catch (error) {
    const note = `not measured: ${error instanceof Error ? error.message : String(error)}`
    return { name: 'pdf_one_pager_seconds', value: NaN, unit: 's', target: PDF_TARGET_SECONDS, met: null, note }
  }
}

/** The workbook figures from a process of their own (scripts/bench-workbook.ts says why). */
function workbookInFreshProcess(accounts: number): Awaited<ReturnType<typeof runWorkbookBenchmark>> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'bench-workbook.ts'), String(accounts)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  return JSON.parse(out.trim().split('\n').pop()!) as Awaited<ReturnType<typeof runWorkbookBenchmark>>
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

void main()
