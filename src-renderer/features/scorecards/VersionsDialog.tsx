import { Columns2, History } from 'lucide-react'
import { Dialog } from '../../components/Dialog'
import { relativeTime } from '../../components/format'
import { useCompareStore } from '../../stores/compare-store'
import { useApiQuery } from '../../queries/api-queries'
import { useOutcomeWords } from '../../queries/dataset-queries'
import { useScorecardStore } from '../../stores/scorecard-store'
import { useWorkspaceStore } from '../../stores/workspace-store'

/** The scorecard's saved versions, newest first, each restorable into the working copy or comparable with it. */
export function VersionsDialog({ onClose }: { onClose(): void }) {
  const restore = useScorecardStore((s) => s.restoreVersion)
  const currentId = useScorecardStore((s) => s.currentId)
  const versions = useApiQuery('scorecard-version-list', currentId === null ? null : { id: currentId }).data ?? []
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  const words = useOutcomeWords()

  /** The version as baseline, the working copy (once saved) as challenger, in Simulate's compare view. */
  const compare = async (versionId: number): Promise<void> => {
    if (currentId === null || path === null) return
    onClose()
    await useScorecardStore.getState().whenSaved()
    useCompareStore.getState().preset(path, { scorecardId: currentId, versionId }, { scorecardId: currentId })
    await useWorkspaceStore.getState().goToSection('simulate')
  }

  return (
    <Dialog
      title="Versions"
      description="Restoring copies a version into the working copy; Undo takes it back."
      onClose={onClose}
      width="wide"
    >
      {versions.length === 0 ? (
        <p className="empty-note">No versions yet. Save one with a note, e.g. “Q3 review”.</p>
      ) : (
        <ul className="sc-versions" aria-label="Saved versions">
          {[...versions].reverse().map((version) => (
            <li key={version.id} className="sc-versions__item" aria-label={version.note}>
              <History size={16} aria-hidden className="sc-versions__icon" />
              <div className="sc-versions__text">
                <strong>{version.note}</strong>
                <span className="muted">
                  {relativeTime(version.savedAt)} · {version.criteriaCount} criteria · {version.knockoutCount} knockouts
                </span>
                {(version.builtThrough || version.reviewedThrough) && (
                  <span className="muted">
                    {version.builtFrom && version.builtThrough
                      ? `Built on ${words.records} ${words.datedBy} ${version.builtFrom} – ${version.builtThrough}`
                      : 'Built period not recorded'}
                    {version.reviewedFrom && version.reviewedThrough
                      ? ` · reviewed on ${version.reviewedFrom} – ${version.reviewedThrough}`
                      : ''}
                  </span>
                )}
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                title="Open Simulate with this version beside the working copy"
                onClick={() => void compare(version.id)}
              >
                <Columns2 size={14} aria-hidden />
                Compare with working copy
              </button>
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
