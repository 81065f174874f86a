export { readTable } from './read-table'
export { ReadCancelled } from './read-control'
export type { FileFormat, ReadOptions, RowHandler, SheetInfo, SkippedRow, TableReadResult } from './types'
