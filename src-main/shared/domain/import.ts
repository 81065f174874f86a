import type { HygieneRule } from './data-views'
import type { AttributeLevel, ColumnProfile, ColumnRole, ColumnType, DateOrder, Outcome, TableKind } from './dataset'
import type { OutcomeWords } from './one-pager'

export type FileFormat = 'csv' | 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods'

export interface SheetInfo {
  name: string
  /** Rows up to the last one holding a value. */
  rows: number
  /** Columns up to the last one holding a value. */
  columns: number
}

/** What reading a file found out about it. */
export interface FileFacts {
  fileName: string
  format: FileFormat
  sheets: SheetInfo[]
  sheetName: string | null
  /** Text files: utf-8, utf-8-bom, utf-16le, utf-16be, utf-32le, utf-32be or windows-1252. */
  encoding: string | null
  delimiter: string | null
  /** 1-based row of the header in the sheet or file (the lower row of a two-row header). */
  headerRow: number
  /** Data rows read. */
  rowCount: number
  skipped: Array<{ row: number; reason: string }>
  warnings: string[]
}

/** A file read and profiled but not yet saved: what the user reviews before committing. */
export interface ImportPreview extends FileFacts {
  stagingId: string
  columns: ColumnProfile[]
  /** The first rows as read (raw text), for the preview grid. */
  previewRows: string[][]
  /** What the file looks like: a table of accounts, of deals, or deals with account attributes inline. */
  suggestedKind: TableKind
  /** Outcome values found in the outcome column, with a suggested mapping (null: not recognised). */
  outcomeMapping: OutcomeMappingEntry[]
  /** Hygiene rules proposed for the file's columns: spelling variants merged by default, synonyms and places on request. */
  cleanups: StagedCleanup[]
}

/** A proposed clean-up of one staged column (see shared/import/hygiene/proposed-cleanups.ts). */
export interface StagedCleanup {
  index: number
  kind: 'spelling' | 'synonym' | 'us-state' | 'country'
  rule: HygieneRule
  description: string
  rows: number
  byDefault: boolean
}

export interface OutcomeMappingEntry {
  value: string
  count: number
  outcome: Outcome | null
}

/** The user's decision for one column when committing an import. */
export interface ColumnSetting {
  index: number
  type: ColumnType
  role: ColumnRole
  category: string | null
  dateOrder?: DateOrder | null
  /** Attribute columns: account or deal level (the suggestion when absent). */
  level?: AttributeLevel | null
}

export type ImportMode = 'replace' | 'append'

export interface ImportProgress {
  stagingId: string
  phase: 'reading' | 'profiling' | 'saving'
  /** Progress of this phase as done out of total (bytes or rows while reading, columns while profiling). */
  done: number
  total: number
  /** Data rows read so far. */
  rowsDone: number
  /** Rows per second so far, and seconds left at that pace (null until known). */
  rowsPerSecond: number | null
  secondsLeft: number | null
}

/** How deals find their account. */
export interface JoinSettings {
  accountsKey: string
  dealsKey: string
  /** exact: values must be equal; normalized: case, whitespace, punctuation and web-domain forms are ignored. */
  mode: 'exact' | 'normalized'
}

export interface JoinReport {
  settings: JoinSettings
  matchedDeals: number
  unmatchedDeals: number
  accountsWithoutDeals: number
  accountsWithDeals: number
}

export interface StoredTable {
  kind: TableKind
  fileName: string
  format: FileFormat
  sheetName: string | null
  rowCount: number
  importedAt: string
  columns: ColumnProfile[]
}

/** Everything the Data section shows about the workspace's data. */
export interface DatasetSummary {
  tables: StoredTable[]
  join: JoinReport | null
  /** Accounts in the account-level view (from the accounts table, or distinct ids in a flat table). */
  accountCount: number
  dealCount: number
  outcomes: { won: number; lost: number; open: number; unmapped: number }
  outcomeMapping: OutcomeMappingEntry[]
  /** How the outcome is said: won and lost deals, or for a churn study retained and churned customers. */
  outcomeWords: OutcomeWords
  missingTokens: string[]
}
