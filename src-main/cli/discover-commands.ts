import type { DiscoverReport } from '@shared/domain/discover'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'

type Target = DiscoverReport['target']

function targetOf(run: CliRun): Target {
  const target = typeof run.options['target'] === 'string' ? run.options['target'] : 'won'
  if (target !== 'won' && target !== 'best' && target !== 'retained') {
    throw new UsageError(`--target is won, best or retained, not "${target}".`)
  }
  return target
}

const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)

const count = (n: number): string => n.toLocaleString('en-US')

/** How the rows and a positive one are said: deals, or a churn study's customers who stayed. */
interface RowWords {
  records: string
  positive: string
}
const DEAL_ROWS: RowWords = { records: 'deals', positive: 'positive' }

/** "7,043 deals of 7,043 accounts": both units, since account facts count accounts. */
function sample(report: DiscoverReport, words: RowWords): string {
  const deals = `${count(report.n)} ${words.records} (${count(report.positives)} ${words.positive}, ${pct(report.baseRate)})`
  if (!report.accounts || report.accounts.n === report.n) return deals
  return `${deals}; ${count(report.accounts.n)} accounts (${count(report.accounts.positives)} positive, ${pct(report.accounts.baseRate)})`
}

function describe(report: DiscoverReport, words: RowWords): string {
  const verdict = {
    none: `No attribute separates the target beyond chance in this data: ${sample(report, words)}.`,
    weak: `Only weak signal: some attributes differ beyond chance, none strongly: ${sample(report, words)}.`,
    present: `Signal found: ${sample(report, words)}.`
  }[report.signal]
  const lines = report.attributes.map((a) => {
    const flags = [
      a.significant ? '' : 'not significant',
      a.leakageSuspected ? (a.leakageOverruled ? 'leakage flag overruled' : `SUSPECTED LEAKAGE: ${a.leakageReasons[0]}`) : '',
      a.excluded ?? ''
    ]
      .filter(Boolean)
      .join('; ')
    const best = [...a.values].filter((v) => !v.tooSmall).sort((x, y) => (y.lift ?? 0) - (x.lift ?? 0))[0]
    const unit = a.unit === 'account' ? 'accounts' : words.records
    return `  ${a.name.padEnd(28)} IV ${a.iv.toFixed(3)} ${a.strength.padEnd(6)}${best ? `  best: ${best.label} ${pct(best.rate)} (${count(best.n)} ${unit})` : ''}${flags ? `  [${flags}]` : ''}`
  })
  const units =
    words.records === 'deals'
      ? 'account facts counted in accounts, deal facts in deals'
      : `account facts counted in accounts, the rest in ${words.records}`
  return [verdict, '', `Attributes by information value (${units}):`, ...lines].join('\n')
}

export const discoverCommand: CliCommand = {
  words: ['discover'],
  usage: 'icp discover WORKSPACE [--target won|best|retained] [--json]',
  summary: 'Which attributes separate wins from losses: win rate, lift, WoE and IV per value, significance, leakage.',
  options: { target: { type: 'string' } },
  positionals: ['WORKSPACE'],
  async run(run) {
    const target = targetOf(run)
    await run.call('workspace-open', { path: run.positionals[0]! })
    const report = await run.call('discover-run', { target })
    // A churn study's won outcome is its retained customers (see scorecard suggest below).
    const outcome = target === 'won' ? (await run.call('dataset-summary', {})).outcomeWords : null
    const words = outcome?.kind === 'retained' ? { records: outcome.records, positive: outcome.won } : DEAL_ROWS
    run.print(report, () => describe(report, words))
  }
}

export const scorecardSuggestCommand: CliCommand = {
  words: ['scorecard', 'suggest'],
  usage: 'icp scorecard suggest WORKSPACE --name NAME [--target won|best|retained] [--json]',
  summary: 'Build a scorecard from the strongest evidence and save it under NAME.',
  options: { name: { type: 'string' }, target: { type: 'string' } },
  positionals: ['WORKSPACE'],
  async run(run) {
    const name = typeof run.options['name'] === 'string' ? run.options['name'] : ''
    if (!name.trim()) throw new UsageError('--name NAME is required.')
    const target = targetOf(run)
    await run.call('workspace-open', { path: run.positionals[0]! })
    const saved = await run.call('scorecard-suggest', { name, target })
    const v = saved.validation
    const fixed = (x: number | null): string => (x === null ? '—' : x.toFixed(3))
    // A churn study's won outcome is its retained customers: its rows are customers, as the suggestion's own sentences say.
    const rows = target === 'won' ? (await run.call('dataset-summary', {})).outcomeWords.records : 'deals'
    const on = v.measuredOn === 'holdout' ? `on the held-out ${rows}` : `on the ${rows} it was fitted on`
    run.print(
      {
        id: saved.id,
        name: saved.scorecard.name,
        criteria: saved.scorecard.criteria.length,
        auc: saved.auc,
        attributes: saved.attributes,
        tiers: saved.scorecard.tiers.map((t) => ({ name: t.name, min: t.min })),
        validation: v
      },
      () =>
        [
          `Saved scorecard "${saved.scorecard.name}": ${saved.scorecard.criteria.length} criteria on ${saved.attributes.join(', ') || 'no attribute'}`,
          `Tiers: ${saved.scorecard.tiers.map((t) => `${t.name} ≥ ${t.min}`).join(', ')}`,
          v.description,
          `AUC ${on}: ${fixed(v.auc)} (the unconstrained fit: ${fixed(v.unconstrainedAuc)}; on the fitting ${rows}: ${fixed(v.fittedAuc)})`,
          v.verdict.sentence
        ].join('\n')
    )
  }
}
