import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { CrmKind } from '@shared/domain/crm'
import type { OnePagerBlockId, OnePagerDocument } from '@shared/domain/one-pager'
import { api } from '../api/api'
import { apiQuery, fetchApi } from '../queries/api-queries'
import { callApi, queryClient } from '../queries/query-client'
import { errorShapeOf } from '../api/api-client'

/** Typing pauses this long before the document is saved. */
const SAVE_DELAY_MS = 400

export type ExportKind = 'pdf' | 'xlsx' | 'csv' | 'sql' | 'json' | `crm-${CrmKind}`

export interface ExportedFile {
  fileName: string
  bytes: Uint8Array
  /** What the consultant must read before handing the file over (the CRM pack's warnings). */
  warnings?: string[]
}

const crmPack = (crm: CrmKind) => (scorecardId: number) => api().call('export-crm-pack', { scorecardId, crm })

/** Each deliverable's file, from its backend method. */
const EXPORTERS: Partial<Record<ExportKind, (scorecardId: number, doc: OnePagerDocument) => Promise<ExportedFile>>> = {
  pdf: (scorecardId, doc) => api().call('export-pdf', { scorecardId, paper: doc.paper }),
  xlsx: (scorecardId) => api().call('export-workbook', { scorecardId }),
  csv: (scorecardId) => api().call('export-scored-csv', { scorecardId }),
  sql: async (scorecardId) => {
    const file = await api().call('export-sql', { scorecardId })
    return { fileName: file.fileName, bytes: new TextEncoder().encode(file.text) }
  },
  json: (id) => api().call('scorecard-export-file', { id }),
  'crm-hubspot': crmPack('hubspot'),
  'crm-salesforce': crmPack('salesforce'),
  'crm-generic': crmPack('generic')
}

const MIME: Record<ExportKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  sql: 'application/sql',
  json: 'application/json',
  'crm-hubspot': 'application/zip',
  'crm-salesforce': 'application/zip',
  'crm-generic': 'application/zip'
}

export function exportAvailable(kind: ExportKind): boolean {
  return EXPORTERS[kind] !== undefined
}

/**
 * The Export section's client state: which scorecard, the consultant's unsaved typing, the page
 * measure and the exports in flight. The one-pager's content as stored (evidence, drafts) is the
 * query `export-document-get` (queries/export-queries.ts), shown with the typing laid over it.
 */
export interface ExportState {
  scorecardId: number | null
  /** The document as the consultant is typing it, until the backend has it. */
  draft: { scorecardId: number; document: OnePagerDocument } | null
  /** 'saving' while an edit waits to be written, 'saved' once it is. */
  saveState: 'saved' | 'saving' | 'failed'
  overflow: OnePagerBlockId[]
  /** CSS pixels past the bottom of the page. */
  overflowAmount: number
  busy: ExportKind | null
  /** Desktop: the file just saved, for "Open" / "Show in folder". */
  saved: { kind: ExportKind; path: string } | null
  note: string | null
  error: ApiErrorShape | null

  open(workspacePath: string): Promise<void>
  select(id: number): Promise<void>
  /** An edit of the document; `stored` is the stored document, used when nothing is typed yet. */
  edit(stored: OnePagerDocument, change: (doc: OnePagerDocument) => OnePagerDocument): void
  setMeasure(overflow: OnePagerBlockId[], amount: number): void
  exportFile(kind: ExportKind, desktop: boolean): Promise<void>
  openSaved(mode: 'open' | 'folder'): Promise<void>
  /** Resolves once every pending edit is written. */
  flush(): Promise<void>
  dismiss(): void
}

/** Browser mode: the file as a download (the desktop app saves through a native dialog instead). */
export function downloadFile(fileName: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

const download = (file: ExportedFile, kind: ExportKind): void => downloadFile(file.fileName, file.bytes, MIME[kind])

export const useExportStore = create<ExportState>((set, get) => {
  let openPath: string | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: { scorecardId: number; document: OnePagerDocument } | null = null
  let saving: Promise<unknown> = Promise.resolve()
  /** Bumped by every edit, so an answer to an older save never replaces newer typing. */
  let editSerial = 0

  const fail = (error: unknown) => set({ error: errorShapeOf(error), busy: null })

  function writePending(): Promise<unknown> {
    clearTimeout(timer)
    timer = undefined
    const job = pending
    pending = null
    if (!job) return saving
    const serial = editSerial
    saving = saving
      .then(() => callApi('export-document-save', job))
      .then((content) => {
        // The saved content is the stored one now: put it in the cache before the draft goes, so
        // the screen never shows the older stored text for a frame.
        queryClient.setQueryData(apiQuery('export-document-get', { scorecardId: job.scorecardId }).queryKey, content)
        if (serial === editSerial) set((s) => ({ saveState: 'saved', draft: s.draft?.scorecardId === job.scorecardId ? null : s.draft }))
      })
      .catch((error: unknown) => set({ saveState: 'failed', error: errorShapeOf(error) }))
    return saving
  }

  return {
    scorecardId: null,
    draft: null,
    saveState: 'saved',
    overflow: [],
    overflowAmount: 0,
    busy: null,
    saved: null,
    note: null,
    error: null,

    async open(workspacePath) {
      const reopened = openPath === workspacePath
      openPath = workspacePath
      try {
        await writePending()
        const scorecards = await fetchApi('scorecard-list', {})
        const current = get().scorecardId
        const keep = reopened && current !== null && scorecards.some((s) => s.id === current)
        if (!keep) set({ scorecardId: null, draft: null, saved: null })
        const id = keep ? current : (scorecards[0]?.id ?? null)
        if (id !== null) await get().select(id)
      } catch (error) {
        fail(error)
      }
    },

    async select(id) {
      await writePending()
      set({ scorecardId: id, draft: null, saved: null, error: null, saveState: 'saved' })
    },

    edit(stored, change) {
      const { scorecardId, draft } = get()
      if (scorecardId === null) return
      // Typing builds on the latest draft (two edits in one frame both count), else on the stored document.
      const document = change(draft && draft.scorecardId === scorecardId ? draft.document : stored)
      editSerial++
      pending = { scorecardId, document }
      set({ draft: { scorecardId, document }, saveState: 'saving' })
      clearTimeout(timer)
      timer = setTimeout(() => void writePending(), SAVE_DELAY_MS)
    },

    setMeasure(overflow, amount) {
      const old = get()
      if (old.overflowAmount === amount && old.overflow.join() === overflow.join()) return
      set({ overflow, overflowAmount: amount })
    },

    async exportFile(kind, desktop) {
      const { scorecardId } = get()
      const exporter = EXPORTERS[kind]
      if (scorecardId === null || !exporter) return
      set({ busy: kind, error: null, note: null, saved: null })
      try {
        await writePending()
        const content = await fetchApi('export-document-get', { scorecardId })
        const file = await exporter(scorecardId, content.document)
        const warnings = file.warnings?.length ? ` Before handing it over: ${file.warnings.join(' ')}` : ''
        if (!desktop) {
          download(file, kind)
          set({ busy: null, note: `Downloaded “${file.fileName}”.${warnings}` })
          return
        }
        const saved = await api().call('export-save-as', { fileName: file.fileName, bytes: file.bytes as Uint8Array<ArrayBuffer> })
        set({ busy: null, saved: saved ? { kind, path: saved.path } : null, note: saved ? `Saved “${saved.path}”.${warnings}` : null })
      } catch (error) {
        fail(error)
      }
    },

    async openSaved(mode) {
      const saved = get().saved
      if (!saved) return
      try {
        await api().call('app-open-file', { path: saved.path, mode })
      } catch (error) {
        fail(error)
      }
    },

    async flush() {
      await writePending()
    },

    dismiss() {
      set({ error: null, note: null })
    }
  }
})
