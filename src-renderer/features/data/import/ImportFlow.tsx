import type { ImportJob } from '../../../stores/data-store'
import { ImportFailed } from './ImportFailed'
import { ImportProgressPanel } from './ImportProgressPanel'
import { ImportReview } from './ImportReview'
import { ImportStepper } from './ImportStepper'

/** Reading, reviewing and saving the files the user dropped, one after the other. */
export function ImportFlow({ job }: { job: ImportJob }) {
  const file = job.files[job.position]
  return (
    <div className="import">
      <div className="import__heading">
        <h2>
          Import <span className="import__file">{file?.name}</span>
        </h2>
        {job.files.length > 1 ? <ImportStepper files={job.files} position={job.position} /> : null}
      </div>
      {job.stage === 'failed' ? <ImportFailed job={job} /> : null}
      {job.stage === 'reading' || job.stage === 'saving' ? <ImportProgressPanel job={job} /> : null}
      {job.stage === 'review' && job.preview && job.draft ? <ImportReview job={job} preview={job.preview} draft={job.draft} /> : null}
    </div>
  )
}
