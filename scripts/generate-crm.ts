/**
 * CLI for the seeded messy-CRM generator (see scripts/crm-generator/index.ts).
 *
 *   npx tsx scripts/generate-crm.ts --out DIR [--accounts N] [--deals N] [--seed S]
 *       [--format xlsx|csv|both|flat] [--clean | --mess none|typical|heavy]
 *       [--start YYYY-MM-DD] [--months N] [--delimiter comma|tab|semicolon|pipe]
 *       [--encoding utf-8|utf-8-bom|utf-16le|windows-1252] [--eol crlf|lf]
 *
 * Prints each file written, one per line. Delimited files are streamed, so a million deals
 * never sit in memory; workbooks are built in memory by SheetJS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCrm, streamCrm, writeWorkbook, type CsvOptions, type MessLevel } from './crm-generator/index.js';
import { writeCsvFile } from './crm-generator/file.js';

const USAGE = `Usage: npx tsx scripts/generate-crm.ts --out DIR [options]

Writes a seeded, realistic and messy CRM export (accounts + deals) for tests, demos and benchmarks.

Options:
  --out DIR            directory to write into (created if missing)          [required]
  --accounts N         number of accounts                                    [2000]
  --deals N            number of deal rows                                   [accounts x 1.6]
  --seed S             seed; same seed, same bytes                           [1]
  --format F           xlsx | csv | both | flat (one CSV, a row per deal)    [both]
  --clean              clean typed values, no mess (same as --mess none)
  --mess M             none | typical | heavy                                [typical]
  --start DATE         first day of the deal history                         [2024-10-01]
  --months N           months of deal history                                [24]
  --delimiter D        comma | tab | semicolon | pipe                        [comma]
  --encoding E         utf-8 | utf-8-bom | utf-16le | windows-1252           [utf-8]
  --eol E              crlf | lf                                             [crlf]
  --help               show this help`;

class UsageError extends Error {}

interface Args {
  out: string;
  accounts: number;
  deals: number | undefined;
  seed: string;
  format: 'xlsx' | 'csv' | 'both' | 'flat';
  mess: MessLevel;
  start: string | undefined;
  months: number | undefined;
  csv: Required<Pick<CsvOptions, 'delimiter' | 'encoding' | 'eol'>>;
}

function choice<T extends string>(flag: string, value: string, allowed: Record<string, T>): T {
  const picked = allowed[value];
  if (picked === undefined) throw new UsageError(`${flag} must be one of ${Object.keys(allowed).join(', ')} (got "${value}")`);
  return picked;
}

function count(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number (got "${value}")`);
  return Number(value);
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const values = new Map<string, string>();
  let clean = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--clean') { clean = true; continue; }
    const known = ['--out', '--accounts', '--deals', '--seed', '--format', '--mess', '--start', '--months', '--delimiter', '--encoding', '--eol'];
    if (!known.includes(flag)) throw new UsageError(`unknown option "${flag}"`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const out = values.get('--out');
  if (out === undefined) throw new UsageError('--out DIR is required');
  const start = values.get('--start');
  if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new UsageError(`--start must be YYYY-MM-DD (got "${start}")`);
  const mess = choice('--mess', values.get('--mess') ?? 'typical', { none: 'none', typical: 'typical', heavy: 'heavy' } as const);
  if (clean && values.has('--mess') && mess !== 'none') throw new UsageError('--clean contradicts --mess');
  const accountsText = values.get('--accounts');
  const dealsText = values.get('--deals');
  const monthsText = values.get('--months');
  return {
    out,
    accounts: accountsText === undefined ? 2000 : count('--accounts', accountsText),
    deals: dealsText === undefined ? undefined : count('--deals', dealsText),
    seed: values.get('--seed') ?? '1',
    format: choice('--format', values.get('--format') ?? 'both', { xlsx: 'xlsx', csv: 'csv', both: 'both', flat: 'flat' } as const),
    mess: clean ? 'none' : mess,
    start,
    months: monthsText === undefined ? undefined : count('--months', monthsText),
    csv: {
      delimiter: choice('--delimiter', values.get('--delimiter') ?? 'comma', { comma: ',', tab: '\t', semicolon: ';', pipe: '|' } as const),
      encoding: choice('--encoding', values.get('--encoding') ?? 'utf-8',
        { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8-bom', 'utf-16le': 'utf-16le', 'windows-1252': 'windows-1252' } as const),
      eol: choice('--eol', values.get('--eol') ?? 'crlf', { crlf: '\r\n', lf: '\n' } as const),
    },
  };
}

function run(args: Args): string[] {
  mkdirSync(args.out, { recursive: true });
  const written: string[] = [];
  // A numeric seed and its decimal text hash identically, so "--seed 7" matches seed: 7 in tests.
  const model = { seed: args.seed, accounts: args.accounts, deals: args.deals, start: args.start, months: args.months, mess: args.mess };
  const ext = args.csv.delimiter === '\t' ? 'tsv' : 'csv';
  if (args.format === 'csv' || args.format === 'both' || args.format === 'flat') {
    const crm = streamCrm({ ...model, flavor: 'csv' });
    const tables = args.format === 'flat' ? [['deals-flat', crm.flat] as const] : [['accounts', crm.accounts] as const, ['deals', crm.deals] as const];
    for (const [name, table] of tables) {
      const path = join(args.out, `${name}.${ext}`);
      writeCsvFile(path, table, args.csv);
      written.push(path);
    }
  }
  if (args.format === 'xlsx' || args.format === 'both') {
    const crm = generateCrm({ ...model, flavor: 'workbook' });
    const bytes = writeWorkbook(
      [{ name: 'Accounts', table: crm.accounts }, { name: 'Opportunities', table: crm.deals }],
      { bookType: 'xlsx', mergeTitle: true, groupHeader: args.mess === 'heavy' },
    );
    const path = join(args.out, 'crm.xlsx');
    writeFileSync(path, bytes);
    written.push(path);
  }
  return written;
}

function main(argv: readonly string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`generate-crm: ${error.message} (see --help)\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const path of run(args)) process.stdout.write(`${path}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
