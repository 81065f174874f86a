import {
  COLUMN_ROLES,
  COLUMN_TYPES,
  OUTCOMES,
  TABLE_KINDS,
  type ColumnRole,
  type ColumnType,
  type Outcome,
  type TableKind
} from '@shared/domain/dataset'
import type { ColumnSetting, DatasetSummary, ImportPreview } from '@shared/domain/import'
import type { CliCommand, CliRun } from './cli-command'
import { UsageError } from './cli-io'
import { keyValueLines } from './format'

/** "Column=value" pairs from repeated options such as --role "Stage=outcome". */
function pairs(option: string | boolean | string[] | undefined, flag: string): Array<[string, string]> {
  const list = Array.isArray(option) ? option : typeof option === 'string' ? [option] : []
  return list.map((item) => {
    const at = item.lastIndexOf('=')
    if (at <= 0 || at === item.length - 1) throw new UsageError(`--${flag} takes NAME=VALUE, not "${item}".`)
    return [item.slice(0, at), item.slice(at + 1)]
  })
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`"${value}" is not a ${what}; use one of: ${allowed.join(', ')}.`)
  }
  return value as T
}

function columnIndex(preview: ImportPreview, name: string, flag: string): number {
  const found = preview.columns.find((c) => c.name === name) ?? preview.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())
  if (!found)
    throw new UsageError(
      `--${flag}: ${preview.fileName} has no column "${name}" (columns: ${preview.columns.map((c) => c.name).join(', ')}).`
    )
  return found.index
}

/** The suggested settings, overridden by --type, --role and --category. */
function settingsFrom(preview: ImportPreview, run: CliRun): ColumnSetting[] {
  const settings = new Map<number, ColumnSetting>(
    preview.columns.map((c) => [
      c.index,
      { index: c.index, type: c.type, role: c.role, category: c.category, dateOrder: c.dateOrder, level: c.level }
    ])
  )
  for (const [name, type] of pairs(run.options['type'], 'type')) {
    settings.get(columnIndex(preview, name, 'type'))!.type = oneOf<ColumnType>(type, COLUMN_TYPES, 'column type')
  }
  for (const [name, role] of pairs(run.options['role'], 'role')) {
    const index = columnIndex(preview, name, 'role')
    const chosen = oneOf<ColumnRole>(role, COLUMN_ROLES, 'column role')
    // A role given on the command line takes it away from the column inference gave it to.
    for (const s of settings.values()) if (s.role === chosen && chosen !== 'attribute' && chosen !== 'ignore') s.role = 'attribute'
    settings.get(index)!.role = chosen
  }
  for (const [name, category] of pairs(run.options['category'], 'category')) {
    settings.get(columnIndex(preview, name, 'category'))!.category = category
  }
  for (const s of settings.values()) {
    if (s.role !== 'attribute') s.category = null
    else s.category ??= 'Firmographic'
  }
  return [...settings.values()]
}

function outcomesFrom(preview: ImportPreview, run: CliRun): Array<{ value: string; outcome: Outcome | null }> {
  const mapping = new Map(preview.outcomeMapping.map((m) => [m.value, m.outcome]))
  for (const [value, outcome] of pairs(run.options['outcome'], 'outcome')) {
    mapping.set(value, outcome === 'none' ? null : oneOf<Outcome>(outcome, OUTCOMES, 'outcome'))
  }
  return [...mapping].map(([value, outcome]) => ({ value, outcome }))
}

function report(
  kind: TableKind,
  summary: DatasetSummary,
  outcomeMapping: Array<{ value: string; outcome: Outcome | null }>,
  cleanups: { applied: string[]; proposed: string[] }
) {
  const table = summary.tables.find((t) => t.kind === kind)!
  return {
    dataset: kind,
    rows: table.rowCount,
    columns: table.columns.map((c) => ({
      name: c.name,
      type: c.type,
      role: c.role,
      category: c.category,
      level: c.level,
      reason: c.roleReason,
      missingPct: table.rowCount === 0 ? 0 : Math.round((c.missingCount / table.rowCount) * 1000) / 10,
      missingAs: c.placeholders.filter((p) => p.missing).map((p) => p.token),
      keptAsValues: c.placeholders.filter((p) => !p.missing).map((p) => p.token),
      distinct: c.distinctCount
    })),
    cleanups,
    roles: Object.fromEntries(table.columns.filter((c) => c.role !== 'attribute').map((c) => [c.name, c.role])),
    outcomeMapping: Object.fromEntries(outcomeMapping.map((m) => [m.value, m.outcome])),
    ...(summary.join
      ? {
          join: {
            matched: summary.join.matchedDeals,
            unmatchedDeals: summary.join.unmatchedDeals,
            accountsWithoutDeals: summary.join.accountsWithoutDeals
          }
        }
      : {}),
    outcomes: summary.outcomes
  }
}

export const importCommand: CliCommand = {
  words: ['import'],
  usage:
    'icp import WORKSPACE FILE [--sheet NAME] [--header-row N] [--as accounts|deals|flat] [--mode replace|append] [--append-key COLUMN] [--key COLUMN] [--join-key COLUMN] [--type COL=TYPE]… [--role COL=ROLE]… [--category COL=NAME]… [--outcome VALUE=won|lost|open|none]… [--merge-synonyms] [--json]',
  summary: 'Import a CRM export (XLSX, XLS, ODS, CSV, TSV) into a workspace, with suggested types, roles and outcome mapping.',
  options: {
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    as: { type: 'string' },
    'merge-synonyms': { type: 'boolean' },
    mode: { type: 'string' },
    'append-key': { type: 'string' },
    key: { type: 'string' },
    'join-key': { type: 'string' },
    type: { type: 'string', multiple: true },
    role: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    outcome: { type: 'string', multiple: true }
  },
  positionals: ['WORKSPACE', 'FILE'],
  readsFile: true,
  async run(run) {
    const [workspace, file] = run.positionals as [string, string]
    const opt = (name: string) => (typeof run.options[name] === 'string' ? (run.options[name] as string) : undefined)
    const headerRow = opt('header-row')
    if (headerRow !== undefined && !/^[1-9]\d*$/.test(headerRow))
      throw new UsageError(`--header-row takes a row number, not "${headerRow}".`)
    const kind = opt('as') ? oneOf<TableKind>(opt('as')!, TABLE_KINDS, 'table kind') : undefined
    const mode = opt('mode') ? oneOf(opt('mode')!, ['replace', 'append'] as const, 'mode') : 'replace'

    await run.call('workspace-open', { path: workspace })
    const preview = await run.call('import-inspect', {
      source: { kind: 'path', path: file },
      ...(opt('sheet') ? { sheet: opt('sheet')! } : {}),
      ...(headerRow ? { headerRow: Number(headerRow) } : {}),
      ...(kind ? { tableKind: kind } : {})
    })
    const tableKind = kind ?? preview.suggestedKind
    const columns = settingsFrom(preview, run)
    const outcomeMapping = outcomesFrom(preview, run)
    // Spelling variants are merged by default; synonyms and place spellings only with --merge-synonyms.
    const attributes = new Set(columns.filter((c) => c.role === 'attribute').map((c) => c.index))
    const offered = preview.cleanups.filter((c) => attributes.has(c.index))
    const kept = offered.filter((c) => c.byDefault || run.options['merge-synonyms'] === true)
    let summary = await run.call('import-commit', {
      stagingId: preview.stagingId,
      kind: tableKind,
      columns,
      ...(tableKind !== 'accounts' ? { outcomeMapping } : {}),
      mode,
      ...(opt('append-key') ? { appendKey: opt('append-key')! } : {}),
      rules: kept.map((c) => c.rule)
    })
    const key = opt('key')
    const joinKey = opt('join-key')
    if (key || joinKey) {
      if (!key || !joinKey) throw new UsageError("--key and --join-key go together (this file's key column and the other table's).")
      if (tableKind === 'flat') throw new UsageError('A flat table needs no join; --key and --join-key apply to accounts and deals tables.')
      const accountsKey = tableKind === 'accounts' ? key : joinKey
      const dealsKey = tableKind === 'deals' ? key : joinKey
      summary = await run.call('dataset-set-join', { accountsKey, dealsKey, mode: 'normalized' })
    }
    const result = report(tableKind, summary, tableKind === 'accounts' ? [] : outcomeMapping, {
      applied: kept.map((c) => c.description),
      proposed: offered.filter((c) => !kept.includes(c)).map((c) => c.description)
    })
    run.print(result, () =>
      [
        `Imported ${preview.fileName} as the ${tableKind} table`,
        keyValueLines([
          ['Rows', result.rows.toLocaleString('en-US')],
          ['Columns', String(result.columns.length)],
          [
            'Roles',
            Object.entries(result.roles)
              .map(([c, r]) => `${c} = ${r}`)
              .join('; ') || '(none)'
          ],
          ...(result.cleanups.applied.length > 0 ? ([['Merged', result.cleanups.applied.join('; ')]] as Array<[string, string]>) : []),
          ...(result.cleanups.proposed.length > 0
            ? ([['Proposed', `${result.cleanups.proposed.join('; ')} (apply with --merge-synonyms)`]] as Array<[string, string]>)
            : []),
          ...(tableKind !== 'accounts'
            ? ([
                [
                  'Outcomes',
                  // A churn study's won are the customers who stayed (its churn flag's yes is lost).
                  `${summary.outcomes.won} ${summary.outcomeWords.won}, ${summary.outcomes.lost} ${summary.outcomeWords.lost}, ${summary.outcomes.open} open, ${summary.outcomes.unmapped} unmapped`
                ]
              ] as Array<[string, string]>)
            : []),
          ...(result.join
            ? ([
                [
                  'Join',
                  `${result.join.matched} deals matched, ${result.join.unmatchedDeals} unmatched, ${result.join.accountsWithoutDeals} accounts without deals`
                ]
              ] as Array<[string, string]>)
            : [])
        ])
      ].join('\n')
    )
  }
}
