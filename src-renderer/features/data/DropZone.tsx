import { FileSpreadsheet, FolderOpen, ShieldCheck } from 'lucide-react'
import { FilePickerButton } from './FilePickerButton'
import { useFileDrop } from './file-picking'

/** The empty Data section: one big target for the client's exports. */
export function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const { dragging, dropProps } = useFileDrop(onFiles)
  return (
    <div className={`dropzone${dragging ? ' dropzone--active' : ''}`} {...dropProps}>
      <FileSpreadsheet className="dropzone__icon" size={48} strokeWidth={1.4} aria-hidden />
      <p className="dropzone__title">Drop the client&apos;s CRM exports here</p>
      <p className="section-intro__purpose">
        Accounts and deals, as XLSX, XLS, ODS, CSV or TSV. Drop both files together to review them one after the other; nothing is saved
        until you choose Import.
      </p>
      <FilePickerButton inputLabel="Choose CRM export files" className="button button--primary button--large" onFiles={onFiles}>
        <FolderOpen size={18} aria-hidden />
        Choose files…
      </FilePickerButton>
      <p className="dropzone__privacy">
        <ShieldCheck size={14} aria-hidden /> Files are read on this computer and stored only in the workspace file.
      </p>
    </div>
  )
}
