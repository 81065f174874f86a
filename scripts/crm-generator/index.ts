/**
 * Seeded generator of realistic, messy CRM exports (accounts + deals) with a known truth.
 *
 *   const crm = generateCrm({ seed: 7, accounts: 2000, mess: 'heavy' });
 *   crm.accounts / crm.deals / crm.flat   -> { headers, rows, title, groups, meta }
 *   crm.truth                             -> clean typed accounts and deals + the planted signal
 *   writeCsv(crm.deals, { delimiter: ';', encoding: 'windows-1252', eol: '\r\n' })  -> bytes
 *   writeWorkbook([{ name: 'Accounts', table: crm.accounts }], { bookType: 'xlsx' }) -> bytes
 *
 * For very large exports use streamCrm, whose rows are generated lazily while a writer consumes
 * them (csvChunks, or writeCsvFile in ./file.ts); nothing here touches the file system.
 */
import { signalDescription, type ModelOptions, type SignalDescription, type TrueAccount } from './model.js';
import type { TrueDeal } from './deals.js';
import { LEAKAGE_SIGNAL, type LeakageSignal } from './process.js';
import type { Flavor, MessLevel } from './mess.js';
import { dayToIso } from './dates.js';
import { buildModel, iterateDeals, type CrmModel } from './truth.js';
import { collect, tableStream, type CrmTable, type TableStream } from './tables.js';

export interface CrmOptions extends ModelOptions {
  // From ModelOptions: signal ('strong' | 'weak' | 'none') and leakage (sales-process columns).
  /** 'none' = clean typed values; 'typical' = an ordinary export; 'heavy' = every kind of mess, often. */
  mess?: MessLevel;
  /** 'workbook' lets cells be numbers, real dates and Excel serials; 'csv' keeps messy cells as text. */
  flavor?: Flavor;
}

export interface CrmTruth {
  clientName: string;
  start: string;
  exportDate: string;
  accounts: TrueAccount[];
  deals: TrueDeal[];
  /** PLANTED_SIGNAL for the default 'strong' signal; its re-scaled copy for 'weak' and 'none'. */
  signal: SignalDescription;
  /** Only with `leakage: true`: the sales-process columns added to deals and flat, and how each leaks. */
  leakage?: LeakageSignal;
}

export interface CrmExport {
  accounts: CrmTable;
  deals: CrmTable;
  /** One row per deal with the account's attributes inline; built on first access. */
  readonly flat: CrmTable;
  truth: CrmTruth;
}

export interface CrmStream {
  truth: Omit<CrmTruth, 'deals'> & { deals: Iterable<TrueDeal> };
  accounts: TableStream;
  deals: TableStream;
  flat: TableStream;
}

function streamsOf(model: CrmModel, options: CrmOptions): CrmStream {
  const render = { mess: options.mess ?? 'typical', flavor: options.flavor ?? 'csv' } as const;
  return {
    truth: {
      clientName: model.frame.clientName,
      start: dayToIso(model.frame.startDay),
      exportDate: model.frame.exportDate,
      accounts: model.accounts,
      deals: { [Symbol.iterator]: () => iterateDeals(model) },
      signal: signalDescription(model.frame.signal),
      // Absent by default, so the default truth stays exactly what it was.
      ...(model.frame.leakage ? { leakage: LEAKAGE_SIGNAL } : {}),
    },
    accounts: tableStream(model, 'accounts', render),
    deals: tableStream(model, 'deals', render),
    flat: tableStream(model, 'flat', render),
  };
}

/** Everything in memory: fine up to a few hundred thousand deals. */
export function generateCrm(options: CrmOptions): CrmExport {
  const model = buildModel(options, true);
  const streams = streamsOf(model, options);
  let flat: CrmTable | null = null;
  return {
    accounts: collect(streams.accounts),
    deals: collect(streams.deals),
    get flat(): CrmTable {
      flat ??= collect(streams.flat);
      return flat;
    },
    truth: { ...streams.truth, deals: model.deals ?? [] },
  };
}

/** Accounts in memory, deals regenerated lazily on every pass over the rows. */
export function streamCrm(options: CrmOptions): CrmStream {
  return streamsOf(buildModel(options, false), options);
}

export { PLANTED_SIGNAL, SIGNAL_STRENGTHS, fitOf, inIcpSegment, signalDescription } from './model.js';
export type { ModelOptions, PlantedSignal, SignalDescription, SignalStrength, SuccessMetrics, TrueAccount } from './model.js';
export type { TrueDeal } from './deals.js';
export { LEAKAGE_SIGNAL, type LeakageSignal, type SalesProcess } from './process.js';
export { tableExpectations } from './tables.js';
export type { ColumnExpectation, ColumnLevel, ColumnRole, ColumnType, OutcomeMapping } from './expect.js';
export type { Cell, Flavor, MessLevel } from './mess.js';
export type { CrmTable, TableMeta, TableName, TableStream } from './tables.js';
export { csvChunks, writeCsv, cellText, type CsvOptions, type Delimiter, type LineEnding, type TableLike } from './writers.js';
export { writeWorkbook, type BookType, type WorkbookOptions, type WorkbookSheet } from './workbook.js';
export { decodeText, encodeText, type TextEncoding } from './encoding.js';
export { Rng, RngFamily, rngFor } from './random.js';
export * from './vocab.js';
