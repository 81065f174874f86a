import type { ColumnProfile, TableKind } from '@shared/domain/dataset'
import type { FileFormat, ImportPreview, OutcomeMappingEntry, SheetInfo } from '@shared/domain/import'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'

/** A file read, dictionary-encoded and profiled, waiting for the user to commit or discard it. */
export interface StagedFile {
  fileName: string
  format: FileFormat
  sheets: SheetInfo[]
  sheetName: string | null
  encoding: string | null
  delimiter: string | null
  headerRow: number
  rowCount: number
  columns: DictionaryColumn[]
  counts: Uint32Array[]
  profiles: ColumnProfile[]
  previewRows: string[][]
  skipped: Array<{ row: number; reason: string }>
  warnings: string[]
  suggestedKind: TableKind
  outcomeMapping: OutcomeMappingEntry[]
}

export function previewOf(stagingId: string, staged: StagedFile): ImportPreview {
  return {
    stagingId,
    fileName: staged.fileName,
    format: staged.format,
    sheets: staged.sheets,
    sheetName: staged.sheetName,
    encoding: staged.encoding,
    delimiter: staged.delimiter,
    headerRow: staged.headerRow,
    rowCount: staged.rowCount,
    columns: staged.profiles,
    previewRows: staged.previewRows,
    skipped: staged.skipped,
    warnings: staged.warnings,
    suggestedKind: staged.suggestedKind,
    outcomeMapping: staged.outcomeMapping
  }
}
