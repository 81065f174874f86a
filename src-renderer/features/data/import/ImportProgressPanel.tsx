import { useEffect, useRef } from 'react'
import { LoaderCircle } from 'lucide-react'
import { ProgressBar } from '../../../components/ProgressBar'
import { useDataStore, type ImportJob } from '../../../stores/data-store'
import { formatCount, formatDuration } from '../data-format'

const PHASES = { reading: 'Reading rows', profiling: 'Profiling columns', saving: 'Saving to the workspace' } as const

/** A long read or save: how far, how fast, how long still, and (while reading) a way out. */
export function ImportProgressPanel({ job }: { job: ImportJob }) {
  const cancelImport = useDataStore((s) => s.cancelImport)
  const heading = useRef<HTMLHeadingElement>(null)
  const progress = job.progress
  const saving = job.stage === 'saving'
  const phase = progress ? PHASES[progress.phase] : saving ? PHASES.saving : 'Opening the file'
  const share = progress && progress.total > 0 ? progress.done / progress.total : null

  useEffect(() => {
    // Focus follows the work, so a keyboard user's next Tab reaches Cancel.
    heading.current?.focus()
  }, [saving])

  return (
    <div className="panel progress-panel" aria-busy="true">
      <h3 ref={heading} tabIndex={-1} className="progress-panel__title">
        <LoaderCircle className="spin" size={18} aria-hidden />
        {phase}…
      </h3>
      <ProgressBar value={share} label={phase} />
      <p className="progress-panel__stats" role="status" aria-live="polite">
        {progress && progress.total > 0 ? (
          <>
            <span>
              {formatCount(progress.done)} of {formatCount(progress.total)} {progress.phase === 'profiling' ? 'columns' : 'rows'}
            </span>
            {progress.rowsPerSecond !== null ? <span>{formatCount(progress.rowsPerSecond)} rows/s</span> : null}
            {progress.secondsLeft !== null ? <span>about {formatDuration(progress.secondsLeft)} left</span> : null}
          </>
        ) : (
          <span>
            {saving ? 'Writing the table in one step: either all of it is saved or nothing.' : 'Nothing is saved until you choose Import.'}
          </span>
        )}
      </p>
      {!saving ? (
        <div className="progress-panel__actions">
          <button type="button" className="button button--secondary" onClick={() => void cancelImport()}>
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  )
}
