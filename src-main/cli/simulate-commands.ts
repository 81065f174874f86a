import { writeOutputFile } from '../backend/fs/write-output-file'
import { extname, resolve } from 'node:path'
import { runEngineBenchmark } from '@shared/engine/benchmark/engine-benchmark'
import type { SimulationReport } from '@shared/domain/simulation'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'
import { keyValueLines } from './format'
import type { OutcomeWords } from '@shared/domain/one-pager'
import { WON_WORDS } from '@shared/export/outcome-words'
import { capitalize } from '@shared/format'

const opt = (run: CliRun, name: string): string | undefined =>
  typeof run.options[name] === 'string' ? (run.options[name] as string) : undefined

function wholeNumber(run: CliRun, name: string, min: number, max: number): number | undefined {
  const text = opt(run, name)
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${text}".`)
  }
  return value
}

/** Opens the workspace and finds the scorecard by name (ignoring case). */
export async function scorecardId(run: CliRun): Promise<number> {
  const [workspace] = run.positionals as [string]
  const name = opt(run, 'scorecard')
  if (!name) throw new UsageError('--scorecard NAME is required.')
  await run.call('workspace-open', { path: workspace })
  const list = await run.call('scorecard-list', {})
  const found = list.find((s) => s.name.toLowerCase() === name.toLowerCase())
  if (!found) {
    throw new UsageError(
      `There is no scorecard named "${name}" in ${workspace}${list.length ? ` (scorecards: ${list.map((s) => s.name).join(', ')})` : ''}.`
    )
  }
  return found.id
}

const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)
const interval = (ci: [number | null, number | null]): string => `[${pct(ci[0])}, ${pct(ci[1])}]`

/**
 * How the report is said: the workspace's outcome words (won and lost deals, or a churn study's
 * retained and churned customers), and what only this summary needs besides.
 */
interface SimulateWords extends Pick<OutcomeWords, 'records' | 'won' | 'lost' | 'rate'> {
  /** The won-vs-lost outcome's name: "won", or a churn study's "stayed vs left". */
  outcome: string
  /** " decided" deals; a churn study's customers are all decided but those without a value. */
  decided: string
  open: string
  cycle: string
}

function simulateWords(words: OutcomeWords): SimulateWords {
  const { records, won, lost, rate } = words
  return words.kind === 'retained'
    ? { records, won, lost, rate, outcome: 'stayed vs left', decided: '', open: 'without a churn value', cycle: 'tenure' }
    : { records, won, lost, rate, outcome: 'won', decided: ' decided', open: 'open', cycle: 'cycle' }
}

function describe(report: SimulationReport, w: SimulateWords): string {
  const rate = capitalize(w.rate)
  const lines = keyValueLines([
    ['Scorecard', `${report.scorecard} (outcome: ${report.outcome === 'won' ? w.outcome : report.outcome})`],
    [
      capitalize(w.records),
      `${report.n}${w.decided} (${report.wins} ${w.won}, ${report.losses} ${w.lost}), ${report.excludedOpen} ${w.open} excluded`
    ],
    ['Ranking', `AUC ${report.auc?.toFixed(3) ?? '—'}, Gini ${report.gini?.toFixed(3) ?? '—'}, KS ${report.ks?.toFixed(3) ?? '—'}`],
    ['Threshold', `${report.threshold}: ${report.passCount} ${w.records} pass (${pct(report.passRate)})`],
    [`${rate} above`, `${pct(report.winRateAbove)} ${interval(report.ciAbove)}`],
    [`${rate} below`, `${pct(report.winRateBelow)} ${interval(report.ciBelow)}`],
    ['Lift', report.lift === null ? '—' : `${report.lift.toFixed(2)}×`],
    [`${capitalize(w.won)} ${w.records} kept`, pct(report.recall)],
    [`${capitalize(w.won)} revenue kept`, pct(report.revenueKept)],
    // Without close (or start) dates there is no cycle to show.
    ...(report.medianCycleAbove === null && report.medianCycleBelow === null
      ? []
      : ([[`Median ${w.cycle}`, `${report.medianCycleAbove ?? '—'} days above, ${report.medianCycleBelow ?? '—'} below`]] as Array<
          [string, string]
        >))
  ])
  const bands = report.bands.map(
    (b) =>
      `  ${b.name.padEnd(14)} n=${String(b.n).padStart(6)}  ${w.rate} ${pct(b.winRate).padStart(6)} ${interval(b.ci)}${b.tooSmall ? '  (too small to trust)' : ''}`
  )
  const knockouts = report.knockouts.map(
    (k) => `  ${k.name}: removes ${k.wonDealsRemoved} ${w.won} ${w.records}, ${Math.round(k.wonRevenueRemoved)} ${w.won} revenue`
  )
  return [lines, '', 'Bands:', ...bands, ...(knockouts.length ? ['', 'Knockouts:', ...knockouts] : [])].join('\n')
}

export const simulateCommand: CliCommand = {
  words: ['simulate'],
  usage:
    'icp simulate WORKSPACE --scorecard NAME [--threshold T] [--capacity N] [--outcome won|best|retained] [--split-date YYYY-MM-DD] [--json]',
  summary: 'Test a scorecard against the historical deals: win rate, lift, bands, curve, knockouts.',
  options: {
    scorecard: { type: 'string' },
    threshold: { type: 'string' },
    capacity: { type: 'string' },
    outcome: { type: 'string' },
    'split-date': { type: 'string' }
  },
  positionals: ['WORKSPACE'],
  async run(run) {
    const threshold = wholeNumber(run, 'threshold', 0, 100)
    const capacity = wholeNumber(run, 'capacity', 1, 1_000_000_000)
    const outcome = opt(run, 'outcome') ?? 'won'
    if (outcome !== 'won' && outcome !== 'best' && outcome !== 'retained') {
      throw new UsageError(`--outcome is won, best or retained, not "${outcome}".`)
    }
    const splitDate = opt(run, 'split-date')
    const report = await run.call('simulate-run', {
      scorecardId: await scorecardId(run),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
      outcome,
      ...(splitDate ? { splitDate } : {})
    })
    // A churn study's won outcome is its retained customers (see discover-commands.ts).
    const words = outcome === 'won' ? (await run.call('dataset-summary', {})).outcomeWords : WON_WORDS
    run.print(report, () => describe(report, simulateWords(words)))
  }
}

export const scoreCommand: CliCommand = {
  words: ['score'],
  usage: 'icp score WORKSPACE --scorecard NAME --out FILE.csv|FILE.xlsx [--json]',
  summary: 'Write every deal with its score, tier and points per criterion.',
  options: { scorecard: { type: 'string' }, out: { type: 'string' } },
  positionals: ['WORKSPACE'],
  async run(run) {
    const outOption = opt(run, 'out')
    if (!outOption) throw new UsageError('--out FILE.csv or FILE.xlsx is required.')
    const format = extname(outOption).toLowerCase().slice(1)
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--out must end in .csv or .xlsx, not "${outOption}".`)
    const file = await run.call('score-export', { scorecardId: await scorecardId(run), format })
    const out = resolve(run.cwd, outOption)
    writeOutputFile(out, file.bytes)
    run.print({ out, bytes: file.bytes.length }, () => `Wrote ${out}`)
  }
}

export const benchCommand: CliCommand = {
  words: ['bench'],
  usage: 'icp bench [--rows N] [--json]',
  summary: 'Measure the scoring engine on N synthetic deals (default 1,000,000) and a 20-criterion scorecard.',
  options: { rows: { type: 'string' } },
  positionals: [],
  async run(run) {
    const rows = wholeNumber(run, 'rows', 100, 20_000_000) ?? 1_000_000
    const result = runEngineBenchmark(rows)
    run.print(result, () =>
      [
        `Engine benchmark: ${rows.toLocaleString('en-US')} deals × ${result.criteria} criteria (AUC ${result.auc.toFixed(3)})`,
        ...result.figures.map(
          (f) =>
            `  ${f.name.padEnd(28)} best ${String(f.bestMs).padStart(8)} ms  median ${String(f.medianMs).padStart(8)} ms${f.targetMs === null ? '' : `  (target < ${f.targetMs} ms: ${f.bestMs < f.targetMs ? 'met' : 'MISSED'})`}`
        )
      ].join('\n')
    )
  }
}
