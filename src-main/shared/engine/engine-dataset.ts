/**
 * The columnar copy of the data the engine scores: one entry per deal (row), account
 * attributes already joined onto their deals. Built once from the workspace (backend) and
 * then read many times per second by scoring and simulation, so everything is a typed array.
 */

/** Marks a missing value in a category column's codes. */
export const MISSING_CODE = 0xffffffff

export type EngineColumn =
  | {
      kind: 'category'
      /** Per row: index into `values`, or MISSING_CODE. */
      codes: Uint32Array
      /** Distinct values after hygiene rules (what criteria list in `in` / `not_in`). */
      values: string[]
    }
  | {
      kind: 'number'
      /** Per row; NaN when missing. Dates are epoch milliseconds; ranges their representative value. */
      values: Float64Array
    }
  | {
      kind: 'boolean'
      /** Per row: 1 true, 0 false, -1 missing. */
      values: Int8Array
    }
  | {
      kind: 'multi'
      /** The distinct items (e.g. every tool seen in a tech stack). */
      items: string[]
      /**
       * Row-major bitsets: row r holds items in words [r * wordsPerRow, (r + 1) * wordsPerRow);
       * bit i of word w means item w * 32 + i is present.
       */
      bits: Uint32Array
      wordsPerRow: number
      /** Per row: 1 when the cell was missing (no items at all). */
      missing: Uint8Array
    }

export interface EngineDataset {
  rowCount: number
  /** Per deal: 1 won, 0 lost, -1 open (or unmapped). */
  outcome: Int8Array
  /** Per deal; NaN when missing. */
  amount: Float64Array
  /** Per deal, in days; NaN when missing (taken from a sales-cycle column, else closed - created). */
  cycleDays: Float64Array
  /** Per deal, epoch ms; NaN when missing. */
  closedAt: Float64Array
  /** Per deal, epoch ms; NaN when missing (absent when the data has no created-date column). */
  createdAt?: Float64Array
  /** Per deal: 1 when its account churned, 0 when retained, -1 unknown (absent without a churned column). */
  churned?: Int8Array
  /**
   * Per deal, success metrics keyed by role (ltv, acv, nrr, tenure, nps, time-to-value,
   * support-tickets, sales-cycle-days; churned as 1/0): NaN when missing. Only the roles the
   * workspace has a column for (absent when built without them); best customers are defined from these.
   */
  metrics?: Map<string, Float64Array>
  /** Per deal: the account's index (rows of one account share it); -1 when unknown. */
  accountIndex: Int32Array
  accountCount: number
  /** Per deal: the deal id and account id/name as text, for reasons and exports. */
  dealIds: string[]
  accountIds: string[]
  accountNames: string[]
  /**
   * Where the account keys came from, so a CRM import can match records by the client's own id or
   * domain: the id column's name (null when ids fell back to a domain, a name or the row) and,
   * when the data has a domain column, each deal's account domain.
   */
  accountKeys?: { idColumn: string | null; domainColumn: string | null; domains: string[] }
  /** Attribute columns by column name (accounts' and deals' attributes, deal rows aligned). */
  attributes: Map<string, EngineColumn>
  /**
   * Whom each attribute describes. Evidence about an account fact counts accounts (an account
   * with forty deals is one account, not forty pieces of evidence); an attribute absent here is
   * a deal fact.
   */
  levels?: Map<string, 'account' | 'deal'>
}
