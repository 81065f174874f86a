import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The anchor for import speed: what a data-savvy consultant would otherwise run, pandas reading
 * the file and writing it into SQLite (to_sql), in a Python process of its own. Timed as a whole
 * process (start to exit, as `icp import` is timed), with the read and write alone beside it.
 */
export interface AnchorRun {
  seconds: number
  /** read_csv/read_excel + to_sql alone, without starting Python and importing pandas. */
  readWriteSeconds: number
  peakMb: number
  python: string
  pandas: string
}

const SCRIPT = `
import sys, time, resource, sqlite3
import pandas as pd
path, kind, db = sys.argv[1], sys.argv[2], sys.argv[3]
started = time.perf_counter()
frame = pd.read_csv(path) if kind == 'csv' else pd.read_excel(path, engine='openpyxl')
con = sqlite3.connect(db)
frame.to_sql('deals', con, index=False, chunksize=100000)
con.commit()
con.close()
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, pd.__version__)
`

/** The first Python 3 (ICP_BENCH_PYTHON, python3, the system's) that has pandas, or why none does. */
export function findPandas(): { python: string } | { skipped: string } {
  const candidates = [process.env['ICP_BENCH_PYTHON'], 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c))
  for (const python of candidates) {
    try {
      execFileSync(python, ['-c', 'import pandas, sqlite3'], { stdio: 'ignore' })
      return { python }
    } catch {
      // Not installed here, or without pandas: try the next.
    }
  }
  return { skipped: `pandas is not installed for ${candidates.join(' or ')} (apt-get install python3-pandas, or pip install pandas)` }
}

/** One run of read + to_sql on `file` (kind 'xlsx' needs openpyxl), in a Python process of its own. */
export function runPandasOnce(python: string, file: string, kind: 'csv' | 'xlsx'): AnchorRun {
  const dir = mkdtempSync(join(tmpdir(), 'icp-anchor-'))
  try {
    const started = performance.now()
    const out = execFileSync(python, ['-c', SCRIPT, file, kind, join(dir, 'anchor.sqlite')], { encoding: 'utf8' })
    const seconds = (performance.now() - started) / 1000
    const [readWrite, peakMb, version] = out.trim().split(/\s+/)
    return { seconds, readWriteSeconds: Number(readWrite), peakMb: Math.round(Number(peakMb)), python, pandas: version ?? '?' }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function median<T>(runs: readonly T[], by: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => by(a) - by(b))
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}
