import { History } from 'lucide-react'
import { Dialog } from '../../components/Dialog'
import { relativeTime } from '../../components/format'
import { useScorecardStore } from '../../stores/scorecard-store'

/** The scorecard's saved versions, newest first, each restorable into the working copy. */
export function VersionsDialog({ onClose }: { onClose(): void }) {
  const versions = useScorecardStore((s) => s.versions)
  const restore = useScorecardStore((s) => s.restoreVersion)
  return (
    <Dialog title="Versions" description="Restoring copies a version into the working copy; Undo takes it back." onClose={onClose}>
      {versions.length === 0 ? (
        <p className="empty-note">No versions yet. Save one with a note, e.g. “Q3 review”.</p>
      ) : (
        <ul className="sc-versions" aria-label="Saved versions">
          {[...versions].reverse().map((version) => (
            <li key={version.id} className="sc-versions__item">
              <History size={16} aria-hidden className="sc-versions__icon" />
              <div className="sc-versions__text">
                <strong>{version.note}</strong>
                <span className="muted">
                  {relativeTime(version.savedAt)} · {version.criteriaCount} criteria · {version.knockoutCount} knockouts
                </span>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  void restore(version.id)
                  onClose()
                }}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
