import type { ColumnProfile, TableKind } from '@shared/domain/dataset'
import type { FileFacts, ImportPreview, OutcomeMappingEntry, StagedCleanup } from '@shared/domain/import'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'

/** A file read, dictionary-encoded and profiled, waiting for the user to commit or discard it. */
export interface StagedFile extends FileFacts {
  columns: DictionaryColumn[]
  profiles: ColumnProfile[]
  previewRows: string[][]
  suggestedKind: TableKind
  outcomeMapping: OutcomeMappingEntry[]
  cleanups: StagedCleanup[]
  /** The workspace's placeholder tokens (hints) the profiles were computed with. */
  missingTokens: string[]
  /** Per column: the lower-case spellings decided to count as missing in it. */
  columnMissing: string[][]
}

export function previewOf(stagingId: string, staged: StagedFile): ImportPreview {
  // The columns' data stays in the backend; the renderer gets their profiles.
  const { columns: _data, profiles, missingTokens: _tokens, columnMissing: _missing, ...facts } = staged
  return { ...facts, stagingId, columns: profiles }
}
