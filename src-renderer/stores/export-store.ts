import { create } from 'zustand'
import type { ApiErrorShape } from '@shared/contract'
import type { CrmKind } from '@shared/domain/crm'
import type { OnePagerBlockId, OnePagerContent, OnePagerDocument } from '@shared/domain/one-pager'
import { api } from '../api/api'
import { fetchApi } from '../queries/api-queries'
import { callApi } from '../queries/query-client'
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

export interface ExportState {
  scorecardId: number | null
  content: OnePagerContent | null
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
  edit(change: (doc: OnePagerDocument) => OnePagerDocument): void
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
        if (get().scorecardId !== job.scorecardId) return
        // The evidence and drafts come back resolved; the document the user is typing stays theirs.
        if (serial === editSerial) set({ content, saveState: 'saved' })
        else set((s) => ({ content: s.content ? { ...content, document: s.content.document } : content }))
      })
      .catch((error: unknown) => set({ saveState: 'failed', error: errorShapeOf(error) }))
    return saving
  }

  return {
    scorecardId: null,
    content: null,
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
        if (!keep) set({ content: null, scorecardId: null, saved: null })
        const id = keep ? current : (scorecards[0]?.id ?? null)
        if (id !== null) await get().select(id)
      } catch (error) {
        fail(error)
      }
    },

    async select(id) {
      await writePending()
      set({ scorecardId: id, saved: null, error: null })
      try {
        const content = await api().call('export-document-get', { scorecardId: id })
        if (get().scorecardId === id) set({ content, saveState: 'saved' })
      } catch (error) {
        fail(error)
      }
    },

    edit(change) {
      const { content, scorecardId } = get()
      if (!content || scorecardId === null) return
      const document = change(content.document)
      editSerial++
      pending = { scorecardId, document }
      set({ content: { ...content, document }, saveState: 'saving' })
      clearTimeout(timer)
      timer = setTimeout(() => void writePending(), SAVE_DELAY_MS)
    },

    setMeasure(overflow, amount) {
      const old = get()
      if (old.overflowAmount === amount && old.overflow.join() === overflow.join()) return
      set({ overflow, overflowAmount: amount })
    },

    async exportFile(kind, desktop) {
      const { scorecardId, content } = get()
      const exporter = EXPORTERS[kind]
      if (scorecardId === null || !content || !exporter) return
      set({ busy: kind, error: null, note: null, saved: null })
      try {
        await writePending()
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
