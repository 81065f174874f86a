import { resolve } from 'node:path'
import type { ReviewReport } from '@shared/domain/review'
import { capitalize } from '@shared/format'
import { writeOutputFile } from '../backend/fs/write-output-file'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'
import { scorecardId } from './simulate-commands'

const opt = (run: CliRun, name: string): string | undefined =>
  typeof run.options[name] === 'string' ? (run.options[name] as string) : undefined
const pct = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`)
const DECISION = { keep: 'Keep', 're-weight': 'Re-weight', rebuild: 'Rebuild', 'too-early': 'Too early to tell' } as const

function describe(report: ReviewReport): string {
  const w = report.words
  const fresh = `${capitalize(w.fresh)} ${w.records}:`
  const earlier = `Earlier ${w.records}:`
  const width = Math.max(fresh.length, earlier.length) + 1
  const rate = w.rate.toLowerCase()
  const lines = [
    `${DECISION[report.verdict.decision]}. ${report.verdict.sentence}`,
    ...(report.caveat ? [`! ${report.caveat}`] : []),
    '',
    `${earlier.padEnd(width)}${report.built.deals} (${report.built.from ?? '—'} to ${report.built.through ?? '—'}), AUC ${report.auc.built?.toFixed(2) ?? '—'}`,
    `${fresh.padEnd(width)}${report.review.deals} (${report.review.from ?? '—'} to ${report.review.through ?? '—'}), AUC ${report.auc.review?.toFixed(2) ?? '—'}`,
    '',
    `Tier     ${`earlier ${rate}`.padEnd(27)}${w.fresh} ${rate}`,
    ...report.tiers.map(
      (t) =>
        `  ${t.tier.padEnd(7)}${pct(t.built.winRate).padStart(5)} of ${String(t.built.deals).padEnd(6)}${t.built.ci ? ` (${pct(t.built.ci[0])}–${pct(t.built.ci[1])})` : ''}`.padEnd(
          36
        ) +
        `${pct(t.review.winRate).padStart(5)} of ${t.review.deals}${t.review.ci ? ` (${pct(t.review.ci[0])}–${pct(t.review.ci[1])})` : ''}`
    ),
    '',
    `Drift: the score PSI ${report.scoreDrift.psi?.toFixed(2) ?? '—'} (${report.scoreDrift.reading ?? '—'})`,
    ...report.attributeDrift.map((d) => `  ${d.label}: PSI ${d.psi.toFixed(2)} (${d.reading})`),
    '',
    `${capitalize(w.wins)} placed in the lowest tier: ${report.missedWinsTotal}; ${w.losses} placed in the top tier: ${report.falseAlarmsTotal}`,
    ...report.verdict.findings.map((f) => `- ${f}`)
  ]
  return lines.join('\n')
}

export const reviewCommand: CliCommand = {
  words: ['review'],
  usage: 'icp review WORKSPACE --scorecard NAME [--since YYYY-MM-DD] [--pdf FILE] [--paper letter|a4] [--record] [--json]',
  summary:
    'The 90-day review: the deals closed (or customers who renewed or left) since the scorecard was built against the earlier ones, drift, and a verdict.',
  options: {
    scorecard: { type: 'string' },
    since: { type: 'string' },
    pdf: { type: 'string' },
    paper: { type: 'string' },
    record: { type: 'boolean' }
  },
  positionals: ['WORKSPACE'],
  async run(run) {
    const since = opt(run, 'since')
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since))
      throw new UsageError(`--since is a date written YYYY-MM-DD, not "${since}".`)
    const paper = opt(run, 'paper')
    if (paper !== undefined && paper !== 'letter' && paper !== 'a4') throw new UsageError(`--paper is letter or a4, not "${paper}".`)
    const id = await scorecardId(run)
    const ask = since ? { scorecardId: id, since } : { scorecardId: id }
    const report = await run.call('simulate-review', ask)
    let pdf: string | undefined
    const pdfOption = opt(run, 'pdf')
    if (pdfOption) {
      const file = await run.call('export-review-pdf', { ...ask, ...(paper ? { paper } : {}) })
      pdf = resolve(run.cwd, pdfOption)
      writeOutputFile(pdf, file.bytes)
    }
    const recorded = run.options['record'] === true ? (await run.call('simulate-review-record', ask))[0] : undefined
    run.print({ ...report, ...(pdf ? { pdf } : {}), ...(recorded ? { recorded } : {}) }, () =>
      [
        describe(report),
        ...(pdf ? ['', `Wrote the review to ${pdf}`] : []),
        ...(recorded ? [`Saved the version "${recorded.note}"`] : [])
      ].join('\n')
    )
  }
}
