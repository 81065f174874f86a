/**
 * An attribute cut into bins: the rows Discover shows (each with the scorecard condition that
 * selects exactly its deals, so a bin can become a criterion or be dragged into the editor) and
 * the partitions its information value and significance are computed over.
 */

import type { EngineColumn } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import type { CellCount } from './woe-iv'

export const MISSING_LABEL = 'Missing'

export interface BinCount extends CellCount {
  label: string
  condition: Condition
}

export interface BinnedAttribute {
  name: string
  kind: EngineColumn['kind']
  bins: BinCount[]
  /**
   * Partitions of the counted deals (each deal in exactly one cell). One for most kinds, the
   * bins themselves; for a list, one per item (present vs the rest) and missing vs the rest,
   * since a deal can hold several items. The attribute's IV is the largest over them.
   */
  partitions: CellCount[][]
  /**
   * What the significance test runs on. For numbers the quantile bins before merging: merging
   * looked at the outcome, so testing the merged bins would overstate significance.
   */
  testPartitions: CellCount[][]
  /**
   * Every row's cell in one test partition (-1: not counted), computed on demand: the clustered
   * test needs to know which deals of one account fall in which cell.
   */
  testCells?: (partition: number) => Int32Array
  /** Every row's bin in `bins` (-1: not counted), for kinds where a row is in one bin (not lists). */
  rowBins?: () => Int32Array
}

export function missingBin(attribute: string, n: number, positives: number): BinCount[] {
  return n > 0 ? [{ label: MISSING_LABEL, n, positives, condition: { attribute, op: 'is_missing' } }] : []
}

/** The rest of the counted deals, for a bin that does not partition them on its own (a list item). */
export function restOf(cell: CellCount, total: CellCount): CellCount {
  return { n: total.n - cell.n, positives: total.positives - cell.positives }
}

export const cellOf = ({ n, positives }: CellCount): CellCount => ({ n, positives })
