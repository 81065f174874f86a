import { writeOutputFile } from '../backend/fs/write-output-file'
import { resolve } from 'node:path'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'
import { formatTimestamp } from './format'

function requiredOption(run: CliRun, name: string, what: string): string {
  const value = run.options[name]
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} ${what} is required.`)
  return value
}

/** The list entry as the CLI's JSON names it (docs/cli.md). */
function listEntry(summary: ScorecardSummary) {
  return {
    id: summary.id,
    name: summary.name,
    criteria: summary.criteriaCount,
    knockouts: summary.knockoutCount,
    versions: summary.versionCount,
    updatedAt: summary.updatedAt
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export const scorecardImport: CliCommand = {
  words: ['scorecard', 'import'],
  usage: 'icp scorecard import WORKSPACE FILE.json [--name NAME] [--json]',
  summary: "Add a scorecard from a portable icp-scorecard/1 file, checked against the workspace's attributes.",
  options: { name: { type: 'string' } },
  positionals: ['WORKSPACE', 'FILE.json'],
  async run(run) {
    const [workspace, file] = run.positionals as [string, string]
    const name = run.options['name']
    await run.call('workspace-open', { path: workspace })
    const imported = await run.call('scorecard-import-file', {
      source: { kind: 'path', path: file },
      ...(typeof name === 'string' ? { name } : {})
    })
    const { scorecard } = imported
    run.print({ id: imported.id, name: scorecard.name, criteria: scorecard.criteria.length, warnings: imported.warnings }, () =>
      [
        `Imported scorecard "${scorecard.name}" (${plural(scorecard.criteria.length, 'criterion', 'criteria')}, ${plural(scorecard.knockouts.length, 'knockout')})`,
        ...imported.warnings.map((warning) => `Warning: ${warning}`)
      ].join('\n')
    )
  }
}

export const scorecardExport: CliCommand = {
  words: ['scorecard', 'export'],
  usage: 'icp scorecard export WORKSPACE --name NAME --out FILE.json [--json]',
  summary: 'Write a scorecard as a portable icp-scorecard/1 file.',
  options: { name: { type: 'string' }, out: { type: 'string' } },
  positionals: ['WORKSPACE'],
  async run(run) {
    const [workspace] = run.positionals as [string]
    const name = requiredOption(run, 'name', 'NAME (the scorecard to export)')
    // The backend hands back bytes; the file is written here, relative to where `icp` runs.
    const out = resolve(run.cwd, requiredOption(run, 'out', 'FILE.json (where to write it)'))
    await run.call('workspace-open', { path: workspace })
    const list = await run.call('scorecard-list', {})
    const wanted = name.trim().toLowerCase()
    const found = list.find((s) => s.name.toLowerCase() === wanted)
    if (!found) {
      const names = list.map((s) => `"${s.name}"`).join(', ')
      throw new UsageError(`This workspace has no scorecard named "${name}" (${names ? `it has ${names}` : 'it has none yet'}).`)
    }
    const file = await run.call('scorecard-export-file', { id: found.id })
    writeOutputFile(out, file.bytes)
    run.print({ id: found.id, name: found.name, out, criteria: found.criteriaCount }, () => `Wrote scorecard "${found.name}" to ${out}`)
  }
}

export const scorecardList: CliCommand = {
  words: ['scorecard', 'list'],
  usage: 'icp scorecard list WORKSPACE [--json]',
  summary: "List the workspace's scorecards with their criteria, knockouts and saved versions.",
  options: {},
  positionals: ['WORKSPACE'],
  async run(run) {
    const [workspace] = run.positionals as [string]
    await run.call('workspace-open', { path: workspace })
    const list = (await run.call('scorecard-list', {})).map(listEntry)
    run.print(list, () => {
      if (list.length === 0) return 'No scorecards yet.'
      const width = Math.max(...list.map((s) => s.name.length))
      return list
        .map((s) => {
          const counts = `${plural(s.criteria, 'criterion', 'criteria')}, ${plural(s.knockouts, 'knockout')}, ${plural(s.versions, 'version')}`
          return `${s.name.padEnd(width)}  ${counts}  (changed ${formatTimestamp(s.updatedAt)})`
        })
        .join('\n')
    })
  }
}
