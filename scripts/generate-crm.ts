/**
 * CLI for the seeded messy-CRM generator (see scripts/crm-generator/index.ts, docs/generator.md).
 *
 *   npx tsx scripts/generate-crm.ts --out DIR [--accounts N] [--deals N] [--seed S]
 *       [--shape standard|salesforce|hubspot|pipedrive|leads] [--signal strong|weak|none] [--leakage]
 *       [--format xlsx|csv|both|flat] [--clean | --mess none|typical|heavy]
 *       [--start YYYY-MM-DD] [--months N] [--delimiter comma|tab|semicolon|pipe]
 *       [--encoding utf-8|utf-8-bom|utf-16le|windows-1252] [--eol crlf|lf]
 *
 * Prints each file written, one per line. Delimited files are streamed, so a million deals
 * never sit in memory; workbooks are built in memory by SheetJS. Without --shape, --signal and
 * --leakage the files are byte for byte those of earlier versions.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  SHAPES,
  PROSPECT_SHAPES,
  generateCrm,
  generateProspects,
  generateCrmShape,
  streamCrm,
  streamCrmShape,
  writeWorkbook,
  type CrmShapeStream,
  type CsvOptions,
  type MessLevel,
  type ProspectShape,
  type ShapeName,
  type SignalStrength
} from './crm-generator/index.js'
import { writeCsvFile } from './crm-generator/file.js'

const USAGE = `Usage: npx tsx scripts/generate-crm.ts --out DIR [options]

Writes a seeded, realistic and messy CRM export (accounts + deals) for tests, demos and benchmarks.

Options:
  --out DIR            directory to write into (created if missing)          [required]
  --accounts N         number of accounts                                    [2000]
  --deals N            number of deal rows                                   [accounts x 1.6]
  --seed S             seed; same seed, same bytes                           [1]
  --shape S            standard | salesforce | hubspot | pipedrive | leads   [standard]
                       the CRM whose export to imitate; with --shape, expectations.json
                       lists each column's expected role, type, level and leak
  --signal S           strong | weak | none: how much the attributes drive   [strong]
                       the outcome (none: flat win rates, base rate kept)
  --leakage            add sales-process columns that leak the outcome
                       (stage days, stage changes, last call) to deal tables
  --format F           xlsx | csv | both | flat (one CSV, a row per deal;    [both]
                       standard shape only)
  --clean              clean typed values, no mess (same as --mess none)
  --mess M             none | typical | heavy                                [typical]
  --start DATE         first day of the deal history                         [2024-10-01]
  --months N           months of deal history                                [24]
  --delimiter D        comma | tab | semicolon | pipe                        [comma]
  --encoding E         utf-8 | utf-8-bom | utf-16le | windows-1252           [utf-8]
  --eol E              crlf | lf                                             [crlf]
  --prospects TOOL     instead of a CRM export, a prospect list (accounts with no deals)
                       in a list tool's export shape: apollo | sales-navigator | zoominfo | plain;
                       writes prospects-TOOL.csv with --accounts rows
  --help               show this help`

class UsageError extends Error {}

interface Args {
  out: string
  accounts: number
  deals: number | undefined
  seed: string
  /** A prospect list instead of a CRM export (scripts/crm-generator/prospects.ts). */
  prospects: ProspectShape | undefined
  /** undefined when --shape was not given: the classic output, and no expectations.json. */
  shape: ShapeName | undefined
  signal: SignalStrength | undefined
  leakage: boolean
  format: 'xlsx' | 'csv' | 'both' | 'flat'
  mess: MessLevel
  start: string | undefined
  months: number | undefined
  csv: Required<Pick<CsvOptions, 'delimiter' | 'encoding' | 'eol'>>
}

function choice<T extends string>(flag: string, value: string, allowed: Record<string, T>): T {
  const picked = allowed[value]
  if (picked === undefined) throw new UsageError(`${flag} must be one of ${Object.keys(allowed).join(', ')} (got "${value}")`)
  return picked
}

function count(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number (got "${value}")`)
  return Number(value)
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const values = new Map<string, string>()
  let clean = false
  let leakage = false
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? ''
    if (flag === '--help' || flag === '-h') return 'help'
    if (flag === '--clean') {
      clean = true
      continue
    }
    if (flag === '--leakage') {
      leakage = true
      continue
    }
    const known = [
      '--out',
      '--accounts',
      '--deals',
      '--seed',
      '--shape',
      '--signal',
      '--format',
      '--mess',
      '--start',
      '--months',
      '--delimiter',
      '--encoding',
      '--eol',
      '--prospects'
    ]
    if (!known.includes(flag)) throw new UsageError(`unknown option "${flag}"`)
    const value = argv[++i]
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    values.set(flag, value)
  }
  const out = values.get('--out')
  if (out === undefined) throw new UsageError('--out DIR is required')
  const start = values.get('--start')
  if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new UsageError(`--start must be YYYY-MM-DD (got "${start}")`)
  const mess = choice('--mess', values.get('--mess') ?? 'typical', { none: 'none', typical: 'typical', heavy: 'heavy' } as const)
  if (clean && values.has('--mess') && mess !== 'none') throw new UsageError('--clean contradicts --mess')
  const accountsText = values.get('--accounts')
  const dealsText = values.get('--deals')
  const monthsText = values.get('--months')
  const shapeText = values.get('--shape')
  const shape =
    shapeText === undefined
      ? undefined
      : choice('--shape', shapeText, Object.fromEntries(SHAPES.map((x) => [x, x])) as Record<string, ShapeName>)
  const signalText = values.get('--signal')
  const prospectsText = values.get('--prospects')
  const prospects =
    prospectsText === undefined
      ? undefined
      : choice('--prospects', prospectsText, Object.fromEntries(PROSPECT_SHAPES.map((x) => [x, x])) as Record<string, ProspectShape>)
  const format = choice('--format', values.get('--format') ?? 'both', { xlsx: 'xlsx', csv: 'csv', both: 'both', flat: 'flat' } as const)
  if (format === 'flat' && shape !== undefined && shape !== 'standard')
    throw new UsageError(`--format flat is for the standard shape; ${shape} has its own tables`)
  return {
    out,
    accounts: accountsText === undefined ? 2000 : count('--accounts', accountsText),
    deals: dealsText === undefined ? undefined : count('--deals', dealsText),
    seed: values.get('--seed') ?? '1',
    prospects,
    shape,
    signal:
      signalText === undefined ? undefined : choice('--signal', signalText, { strong: 'strong', weak: 'weak', none: 'none' } as const),
    leakage,
    format,
    mess: clean ? 'none' : mess,
    start,
    months: monthsText === undefined ? undefined : count('--months', monthsText),
    csv: {
      delimiter: choice('--delimiter', values.get('--delimiter') ?? 'comma', { comma: ',', tab: '\t', semicolon: ';', pipe: '|' } as const),
      encoding: choice('--encoding', values.get('--encoding') ?? 'utf-8', {
        'utf-8': 'utf-8',
        'utf-8-bom': 'utf-8-bom',
        'utf-16le': 'utf-16le',
        'windows-1252': 'windows-1252'
      } as const),
      eol: choice('--eol', values.get('--eol') ?? 'crlf', { crlf: '\r\n', lf: '\n' } as const)
    }
  }
}

/** The columns' expected roles and the outcome mapping, for tests that import the files. */
function expectationsJson(shape: CrmShapeStream, args: Args): string {
  return `${JSON.stringify(
    {
      shape: shape.shape,
      seed: args.seed,
      signal: args.signal ?? 'strong',
      leakage: args.leakage,
      mess: args.mess,
      tables: shape.tables.map((t) => ({ name: t.name, kind: t.kind, key: t.key, expect: t.expect })),
      outcomeColumn: shape.outcomeColumn,
      outcomeMapping: shape.outcomeMapping,
      joins: shape.joins
    },
    null,
    2
  )}\n`
}

const sheetName = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1)

/** A CRM shape's tables (not the standard one): a delimited file per table, a workbook with a sheet per table. */
function runShape(args: Args, shape: ShapeName, model: ModelArgs): string[] {
  const written: string[] = []
  const ext = args.csv.delimiter === '\t' ? 'tsv' : 'csv'
  const streamed = streamCrmShape({ ...model, shape, flavor: 'csv' })
  if (args.format !== 'xlsx') {
    for (const t of streamed.tables) {
      const path = join(args.out, `${t.name}.${ext}`)
      writeCsvFile(path, t.table, args.csv)
      written.push(path)
    }
  }
  if (args.format === 'xlsx' || args.format === 'both') {
    const book = generateCrmShape({ ...model, shape, flavor: 'workbook' })
    const bytes = writeWorkbook(
      book.tables.map((t) => ({ name: sheetName(t.name), table: t.table })),
      {
        bookType: 'xlsx',
        mergeTitle: true,
        dateFormat: book.tables[0]?.dateFormat ?? 'm/d/yyyy'
      }
    )
    const path = join(args.out, `${shape}.xlsx`)
    writeFileSync(path, bytes)
    written.push(path)
  }
  const path = join(args.out, 'expectations.json')
  writeFileSync(path, expectationsJson(streamed, args))
  written.push(path)
  return written
}

type ModelArgs = Pick<Args, 'seed' | 'accounts' | 'deals' | 'mess'> & {
  start: string | undefined
  months: number | undefined
  signal: SignalStrength | undefined
  leakage: boolean
}

function run(args: Args): string[] {
  mkdirSync(args.out, { recursive: true })
  const written: string[] = []
  if (args.prospects !== undefined) {
    const list = generateProspects({ shape: args.prospects, count: args.accounts, seed: args.seed })
    const path = join(args.out, `prospects-${args.prospects}.csv`)
    writeCsvFile(path, { headers: list.headers, rows: list.rows }, args.csv)
    return [path]
  }
  // A numeric seed and its decimal text hash identically, so "--seed 7" matches seed: 7 in tests.
  const model: ModelArgs = {
    seed: args.seed,
    accounts: args.accounts,
    deals: args.deals,
    start: args.start,
    months: args.months,
    mess: args.mess,
    signal: args.signal,
    leakage: args.leakage
  }
  if (args.shape !== undefined && args.shape !== 'standard') return runShape(args, args.shape, model)
  const ext = args.csv.delimiter === '\t' ? 'tsv' : 'csv'
  if (args.format === 'csv' || args.format === 'both' || args.format === 'flat') {
    const crm = streamCrm({ ...model, flavor: 'csv' })
    const tables =
      args.format === 'flat' ? [['deals-flat', crm.flat] as const] : [['accounts', crm.accounts] as const, ['deals', crm.deals] as const]
    for (const [name, table] of tables) {
      const path = join(args.out, `${name}.${ext}`)
      writeCsvFile(path, table, args.csv)
      written.push(path)
    }
  }
  if (args.format === 'xlsx' || args.format === 'both') {
    const crm = generateCrm({ ...model, flavor: 'workbook' })
    const bytes = writeWorkbook(
      [
        { name: 'Accounts', table: crm.accounts },
        { name: 'Opportunities', table: crm.deals }
      ],
      { bookType: 'xlsx', mergeTitle: true, groupHeader: args.mess === 'heavy' }
    )
    const path = join(args.out, 'crm.xlsx')
    writeFileSync(path, bytes)
    written.push(path)
  }
  if (args.shape === 'standard') {
    const path = join(args.out, 'expectations.json')
    writeFileSync(path, expectationsJson(streamCrmShape({ ...model, shape: 'standard', flat: args.format === 'flat' }), args))
    written.push(path)
  }
  return written
}

function main(argv: readonly string[]): number {
  let args: Args | 'help'
  try {
    args = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`generate-crm: ${error.message} (see --help)\n`)
    return 2
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  for (const path of run(args)) process.stdout.write(`${path}\n`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
