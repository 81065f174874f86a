import { resolve } from 'node:path'
import { PROSPECT_SOURCE_NAMES, PROSPECT_SOURCES, type ProspectScore, type ProspectSource } from '@shared/domain/prospects'
import { CRM_KINDS, type CrmKind } from '@shared/domain/crm'
import { writeOutputFile } from '../backend/fs/write-output-file'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'
import { scorecardId } from './simulate-commands'

const opt = (run: CliRun, name: string): string | undefined =>
  typeof run.options[name] === 'string' ? (run.options[name] as string) : undefined

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${what} is one of ${allowed.join(', ')}, not "${value}".`)
  return value as T
}

function wholeNumber(value: string | undefined, what: string, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`${what} is a whole number from 0 to ${max}, not "${value}".`)
  return n
}

export const prospectsImportCommand: CliCommand = {
  words: ['prospects', 'import'],
  usage: 'icp prospects import WORKSPACE FILE [--tool apollo|sales-navigator|zoominfo|plain] [--sheet NAME] [--json]',
  summary: 'Save a prospect list (accounts with no deals yet) in the workspace, replacing the previous one.',
  options: { tool: { type: 'string' }, sheet: { type: 'string' } },
  positionals: ['WORKSPACE', 'FILE'],
  readsFile: true,
  async run(run) {
    const [workspace, file] = run.positionals as [string, string]
    const tool = opt(run, 'tool')
    const sheet = opt(run, 'sheet')
    await run.call('workspace-open', { path: workspace })
    const summary = await run.call('prospects-import', {
      source: { kind: 'path', path: resolve(run.cwd, file) },
      ...(tool ? { tool: oneOf<ProspectSource>(tool, PROSPECT_SOURCES, '--tool') } : {}),
      ...(sheet ? { sheet } : {})
    })
    run.print(summary, () =>
      [
        `Imported ${summary.rowCount.toLocaleString('en-US')} prospects from ${summary.fileName} as ${withArticle(PROSPECT_SOURCE_NAMES[summary.source])} list (${summary.sourceReason}).`,
        `Columns: ${summary.columns.map((c) => c.name).join(', ')}`
      ].join('\n')
    )
  }
}

function describe(score: ProspectScore, mappingLines: string[]): string {
  const { market } = score
  const lines = [
    market.headline,
    '',
    'Tier           prospects   not judged on everything',
    ...market.tiers.map(
      (t) => `  ${t.name.padEnd(13)}${t.count.toLocaleString('en-US').padStart(9)}   ${t.withUnknowns.toLocaleString('en-US')}`
    ),
    '',
    'What narrows the market most (per attribute, prospects that meet none of its positive criteria; unknown in brackets):',
    ...market.narrowing
      .slice(0, 5)
      .map((c) => `  ${c.words}: ${c.notMet.toLocaleString('en-US')} fail (${c.unknown.toLocaleString('en-US')} unknown)`),
    ...(market.knockouts.length > 0
      ? [
          '',
          'Knockouts:',
          ...market.knockouts.map(
            (k) => `  ${k.words}: ${k.met.toLocaleString('en-US')} knocked out (${k.unknown.toLocaleString('en-US')} not checked)`
          )
        ]
      : []),
    '',
    'Mapping:',
    ...mappingLines,
    '',
    `Top ${score.rows.length} of the call list:`,
    ...score.rows.map(
      (r) =>
        `  ${String(r.rank).padStart(4)}. ${r.name} — ${r.score} (${r.tier}${r.bestScore > r.score ? `, up to ${r.bestScore}` : ''}) ${r.reasons}`
    )
  ]
  return lines.join('\n')
}

export const prospectsScoreCommand: CliCommand = {
  words: ['prospects', 'score'],
  usage:
    'icp prospects score WORKSPACE --scorecard NAME [--threshold N] [--top N] [--out FILE.csv|FILE.xlsx] [--keyed FILE.csv [--crm hubspot|salesforce|generic]] [--json]',
  summary: 'Score the prospect list with the scorecard: the findable market, what could not be judged, and the call list.',
  options: {
    scorecard: { type: 'string' },
    threshold: { type: 'string' },
    top: { type: 'string' },
    out: { type: 'string' },
    keyed: { type: 'string' },
    crm: { type: 'string' }
  },
  positionals: ['WORKSPACE'],
  async run(run) {
    const threshold = wholeNumber(opt(run, 'threshold'), '--threshold', 100)
    const top = wholeNumber(opt(run, 'top'), '--top', 1000) ?? 10
    const out = opt(run, 'out')
    if (out !== undefined && !/\.(csv|xlsx)$/i.test(out)) throw new UsageError(`--out names a .csv or .xlsx file, not "${out}".`)
    const crm = opt(run, 'crm')
    const crmKind = crm === undefined ? undefined : oneOf<CrmKind>(crm, CRM_KINDS, '--crm')
    const id = await scorecardId(run)
    const score = await run.call('prospects-score', { scorecardId: id, limit: top, ...(threshold !== undefined ? { threshold } : {}) })
    const mapping = await run.call('prospects-mapping-get', { scorecardId: id })
    const written: string[] = []
    if (out) {
      const file = await run.call('prospects-export', { scorecardId: id, format: out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv' })
      written.push(resolve(run.cwd, out))
      writeOutputFile(written[written.length - 1]!, file.bytes)
    }
    const keyed = opt(run, 'keyed')
    if (keyed) {
      const file = await run.call('prospects-export', { scorecardId: id, format: 'keyed', ...(crmKind ? { crm: crmKind } : {}) })
      written.push(resolve(run.cwd, keyed))
      writeOutputFile(written[written.length - 1]!, file.bytes)
    }
    const mappingLines = mapping.attributes.map((m) => {
      if (m.column === null) return `  ${m.label}: not in this list (${m.reason}) — every prospect is unknown on it`
      const unmapped = m.values.filter((v) => v.mapped === null)
      const where = `${m.column}${m.part ? ` (${m.part} part)` : ''}${m.via ? ' (NAICS codes)' : ''}`
      return `  ${m.label} <- ${where}${unmapped.length > 0 ? `; unmapped values: ${unmapped.map((v) => `${v.prospect} (${v.count})`).join(', ')}` : ''}`
    })
    run.print({ ...score, mapping, ...(written.length > 0 ? { written } : {}) }, () =>
      [describe(score, mappingLines), ...written.map((w) => `Wrote ${w}`)].join('\n')
    )
  }
}

/** "an Apollo", "a ZoomInfo": the list's name with the article its first sound takes. */
function withArticle(name: string): string {
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`
}
