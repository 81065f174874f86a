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
 *
 * Options of both, besides seed/accounts/deals/mess/flavor (defaults keep every byte as it was):
 *   signal: 'strong' | 'weak' | 'none'   planted effects x1 / x0.25 / x0 (base rate kept), truth.signal
 *   leakage: true                        sales-process columns on deals and flat, truth.leakage
 *
 * CRM SHAPES: the same latent model exported as a real CRM would, with the expected role of
 * every column (the assertions of import-inference conformance tests):
 *
 *   generateCrmShape({ shape, seed, accounts, deals?, signal?, leakage?, mess?, flavor?, flat? }): CrmShape
 *   streamCrmShape(sameOptions): CrmShapeStream      rows generated lazily, for any size
 *     shape: 'standard' | 'salesforce' | 'hubspot' | 'pipedrive' | 'leads'   (SHAPES)
 *   CrmShape = {
 *     shape,
 *     tables: Array<{ name, kind: 'accounts' | 'deals' | 'flat', table: CrmTable,
 *                     expect: ColumnExpectation[], key: { header, level }, dateFormat }>,
 *     outcomeColumn: { table, header }, outcomeMapping: Record<value, 'won' | 'lost' | 'open'>,
 *     joins: Array<{ from: { table, header }, to: { table, header } }>,
 *     ids: { account(a) -> key in this shape, deal(d) -> key | null for leads },
 *     truth: CrmTruth,
 *   }
 *   ColumnExpectation = { header, role: ColumnRole, type: ColumnType, level: 'account' | 'deal',
 *                         leak?: reason, alsoRoles?: ColumnRole[], alsoTypes?: ColumnType[] }
 *
 * docs/generator.md lists every shape's columns and explains the ambiguous choices.
 */
import type { ModelOptions } from './model.js'
import type { Flavor, MessLevel } from './mess.js'
import { buildModel, truthOf, type CrmModel, type CrmTruth, type StreamTruth } from './truth.js'
import { collect, tableStream, type CrmTable, type TableStream } from './tables.js'

export interface CrmOptions extends ModelOptions {
  // From ModelOptions: signal ('strong' | 'weak' | 'none') and leakage (sales-process columns).
  /** 'none' = clean typed values; 'typical' = an ordinary export; 'heavy' = every kind of mess, often. */
  mess?: MessLevel
  /** 'workbook' lets cells be numbers, real dates and Excel serials; 'csv' keeps messy cells as text. */
  flavor?: Flavor
}

export interface CrmExport {
  accounts: CrmTable
  deals: CrmTable
  /** One row per deal with the account's attributes inline; built on first access. */
  readonly flat: CrmTable
  truth: CrmTruth
}

export interface CrmStream {
  truth: StreamTruth
  accounts: TableStream
  deals: TableStream
  flat: TableStream
}

function streamsOf(model: CrmModel, options: CrmOptions): CrmStream {
  const render = { mess: options.mess ?? 'typical', flavor: options.flavor ?? 'csv' } as const
  return {
    truth: truthOf(model),
    accounts: tableStream(model, 'accounts', render),
    deals: tableStream(model, 'deals', render),
    flat: tableStream(model, 'flat', render)
  }
}

/** Everything in memory: fine up to a few hundred thousand deals. */
export function generateCrm(options: CrmOptions): CrmExport {
  const model = buildModel(options, true)
  const streams = streamsOf(model, options)
  let flat: CrmTable | null = null
  return {
    accounts: collect(streams.accounts),
    deals: collect(streams.deals),
    get flat(): CrmTable {
      flat ??= collect(streams.flat)
      return flat
    },
    truth: { ...streams.truth, deals: model.deals ?? [] }
  }
}

/** Accounts in memory, deals regenerated lazily on every pass over the rows. */
export function streamCrm(options: CrmOptions): CrmStream {
  return streamsOf(buildModel(options, false), options)
}

export { PLANTED_SIGNAL, SIGNAL_STRENGTHS, fitOf, inIcpSegment, signalDescription } from './model.js'
export type { ModelOptions, PlantedSignal, SignalDescription, SignalStrength, SuccessMetrics, TrueAccount } from './model.js'
export type { TrueDeal } from './deals.js'
export type { CrmTruth, StreamTruth } from './truth.js'
export { LEAKAGE_SIGNAL, type LeakageSignal, type SalesProcess } from './process.js'
export { tableExpectations } from './tables.js'
export {
  generateCrmShape,
  streamCrmShape,
  SHAPES,
  type CrmShape,
  type CrmShapeStream,
  type ShapeJoin,
  type ShapeName,
  type ShapeOptions,
  type ShapeTable
} from './shapes/index.js'
export type { ColumnExpectation, ColumnLevel, ColumnRole, ColumnType, OutcomeMapping } from './expect.js'
export type { Cell, Flavor, MessLevel } from './mess.js'
export type { CrmTable, TableMeta, TableName, TableStream } from './tables.js'
export { csvChunks, writeCsv, cellText, type CsvOptions, type Delimiter, type LineEnding, type TableLike } from './writers.js'
export { writeWorkbook, type BookType, type WorkbookOptions, type WorkbookSheet } from './workbook.js'
export { decodeText, encodeText, type TextEncoding } from './encoding.js'
export { Rng, RngFamily, rngFor } from './random.js'
export * from './vocab.js'
export { generateProspects, PROSPECT_SHAPES, type ProspectList, type ProspectShape, type TrueProspect } from './prospects.js'
