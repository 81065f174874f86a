/** The result types of generateCrmShape / streamCrmShape (see ../index.ts for the overview). */
import type { TableKind } from '../../../src-main/shared/domain/dataset.js'
import type { TrueAccount } from '../model.js'
import type { TrueDeal } from '../deals.js'
import type { CrmTable, TableStream } from '../tables.js'
import type { ColumnExpectation, ColumnLevel, OutcomeMapping } from '../expect.js'

export const SHAPES = ['standard', 'salesforce', 'hubspot', 'pipedrive', 'leads'] as const
export type ShapeName = (typeof SHAPES)[number]

export interface ShapeTable<T extends TableStream = CrmTable> {
  /** File or sheet name: 'opportunities', 'deals', 'companies', 'leads', 'accounts'. */
  name: string
  kind: TableKind
  table: T
  /** One per header, in header order. */
  expect: ColumnExpectation[]
  /** The column that identifies a row, and whether a row is an account or a deal. */
  key: { header: string; level: ColumnLevel }
  /** Number format for date cells when the table is written to a workbook. */
  dateFormat: string
}

export interface ShapeJoin {
  /** The deal-level table and its column naming the account... */
  from: { table: string; header: string }
  /** ...and the accounts table and its id column. */
  to: { table: string; header: string }
}

/** Everything a shape states besides its rows; the same for streamed and collected shapes. */
export interface ShapeParts<T extends TableStream> {
  tables: ShapeTable<T>[]
  /** Where the outcome is, and what each of its values means. */
  outcomeColumn: { table: string; header: string }
  outcomeMapping: OutcomeMapping
  joins: ShapeJoin[]
  /** The key a true account or deal has in this shape's exports (leads: rows are accounts, deal is null). */
  ids: { account: (a: TrueAccount) => string; deal: ((d: TrueDeal) => string) | null }
}
