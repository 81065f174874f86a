import type { ApiErrorShape, MethodInput } from '@shared/contract'
import type { TableKind } from '@shared/domain/dataset'
import type { ImportPreview, ImportProgress } from '@shared/domain/import'
import type { ImportDraft } from './import-draft'

export interface Review {
  stagingId: string
  preview: ImportPreview
  draft: ImportDraft
}

/** One run of the import flow: the files dropped together, reviewed one after the other. */
export interface ImportJob {
  files: File[]
  position: number
  /** Refresh of a stored table: its kind is preselected and Replace is the default. */
  defaultKind: TableKind | null
  stage: 'reading' | 'review' | 'saving' | 'failed'
  stagingId: string
  bytes: Uint8Array<ArrayBuffer> | null
  preview: ImportPreview | null
  draft: ImportDraft | null
  /** The review a re-read (other sheet, header row, kind) replaces; Cancel and failures go back to it. */
  fallback: Review | null
  progress: ImportProgress | null
  error: ApiErrorShape | null
  /** The column being re-read as another type. */
  pendingColumn: number | null
}

/** What a re-read changes; anything left out keeps its value from the review being replaced. */
export interface ReadOptions {
  sheet?: string
  headerRow?: number
  kind?: TableKind
}

export function newJob(files: File[], defaultKind: TableKind | null): ImportJob {
  return {
    files,
    position: 0,
    defaultKind,
    stage: 'reading',
    stagingId: '',
    bytes: null,
    preview: null,
    draft: null,
    fallback: null,
    progress: null,
    error: null,
    pendingColumn: null
  }
}

/** The job moved on to the file at `position`, nothing of the previous one kept. */
export function atFile(position: number): Partial<ImportJob> {
  return { position, bytes: null, preview: null, draft: null, fallback: null, error: null, stage: 'reading' }
}

/**
 * The import-inspect request for a (re-)read. A re-read keeps what the user did not change: the
 * sheet always, the header row unless the sheet changed, the kind only if the user chose it
 * (otherwise the reader suggests one afresh for the new sheet or header row).
 */
export function inspectRequest(
  job: ImportJob,
  file: File,
  bytes: Uint8Array<ArrayBuffer>,
  stagingId: string,
  options: ReadOptions
): { input: MethodInput<'import-inspect'>; chosen: TableKind | null } {
  const fallback = job.fallback
  const chosen = options.kind ?? (fallback?.draft.kindChosen ? fallback.draft.kind : null) ?? job.defaultKind
  const sheet = options.sheet ?? fallback?.preview.sheetName ?? undefined
  const headerRow = options.headerRow ?? (options.sheet === undefined ? fallback?.preview.headerRow : undefined)
  return {
    chosen,
    input: {
      source: { kind: 'upload', fileName: file.name, bytes },
      stagingId,
      ...(sheet !== undefined ? { sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(chosen !== null ? { tableKind: chosen } : {})
    }
  }
}
