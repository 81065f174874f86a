import { FolderOpen, SkipForward } from 'lucide-react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useDataStore, type ImportJob } from '../../../stores/data-store'
import { FilePickerButton } from '../FilePickerButton'

/** A file that could not be read: the backend's message (file, sheet, row, column) and the ways on. */
export function ImportFailed({ job }: { job: ImportJob }) {
  const { replaceFile, skipFile, cancelImport } = useDataStore.getState()
  const more = job.position + 1 < job.files.length
  return (
    <div className="panel import-failed">
      {job.error ? <ErrorNotice error={job.error} /> : null}
      <div className="import-failed__actions">
        <FilePickerButton
          inputLabel="Choose another file"
          multiple={false}
          className="button button--primary"
          onFiles={(files) => {
            const [file] = files
            if (file) void replaceFile(file)
          }}
        >
          <FolderOpen size={16} aria-hidden />
          Choose another file…
        </FilePickerButton>
        {more ? (
          <button type="button" className="button button--secondary" onClick={() => void skipFile()}>
            <SkipForward size={16} aria-hidden />
            Skip to the next file
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => void cancelImport()}>
          Cancel import
        </button>
      </div>
    </div>
  )
}
