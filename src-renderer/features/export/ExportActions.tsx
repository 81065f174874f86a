import { FileJson, FileSpreadsheet, FileText, FolderOpen, Database, Download, ExternalLink, Table } from 'lucide-react'
import type { LucideIcon } from 'lucide-react'
import { exportAvailable, useExportStore, type ExportKind } from '../../stores/export-store'

const BUTTONS: Array<{ kind: ExportKind; label: string; icon: LucideIcon }> = [
  { kind: 'xlsx', label: 'Workbook (XLSX)', icon: FileSpreadsheet },
  { kind: 'csv', label: 'Scored accounts (CSV)', icon: Table },
  { kind: 'sql', label: 'SQL', icon: Database },
  { kind: 'json', label: 'Scorecard file (JSON)', icon: FileJson }
]

/** The deliverables: a download in browser mode, a Save dialog then Open / Show in folder on the desktop. */
export function ExportActions({ desktop, blocked }: { desktop: boolean; blocked: boolean }) {
  const busy = useExportStore((s) => s.busy)
  const saved = useExportStore((s) => s.saved)
  const { exportFile, openSaved } = useExportStore.getState()
  const verb = desktop ? 'Save' : 'Download'
  return (
    <div className="ex-actions">
      <button
        type="button"
        className="button button--primary"
        disabled={busy !== null || blocked}
        title={blocked ? 'The page runs past the bottom: hide a block or shorten text first.' : undefined}
        onClick={() => void exportFile('pdf', desktop)}
      >
        {desktop ? <FileText size={16} aria-hidden /> : <Download size={16} aria-hidden />}
        {busy === 'pdf' ? 'Printing…' : `${verb} PDF`}
      </button>
      {BUTTONS.filter((b) => exportAvailable(b.kind)).map(({ kind, label, icon: Icon }) => (
        <button
          key={kind}
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void exportFile(kind, desktop)}
        >
          <Icon size={16} aria-hidden />
          {busy === kind ? 'Preparing…' : label}
        </button>
      ))}
      {desktop && saved && (
        <span className="ex-actions__saved">
          <button type="button" className="button button--ghost button--small" onClick={() => void openSaved('open')}>
            <ExternalLink size={14} aria-hidden /> Open the file
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => void openSaved('folder')}>
            <FolderOpen size={14} aria-hidden /> Show in folder
          </button>
        </span>
      )}
    </div>
  )
}
