import { memo, useEffect } from 'react'
import { ArrowRight, Gauge } from 'lucide-react'
import { capitalize } from '@shared/format'
import { useSimulateStore } from '../../stores/simulate-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { useCommitMeasure, usePaintMeasure } from '../../what-if/latency-probe'
import { count, fixed, lift, pct } from './simulate-format'
import { ThresholdSlider } from './ThresholdSlider'
import { useSuccessWords } from './use-success-words'

function Figure({ name, value, detail }: { name: string; value: string; detail?: string }) {
  return (
    <div className="live-fig" role="group" aria-label={name}>
      <span className="live-fig__name">{name}</span>
      <span className="live-fig__value">{value}</span>
      {detail ? <span className="live-fig__detail">{detail}</span> : null}
    </div>
  )
}

/**
 * Simulate's headline figures beside the editor: every points change re-scores the client's
 * deals in the what-if worker and these figures follow while the slider is still moving.
 * Memoised: its props stay put while the editor around it re-renders.
 */
export const LiveFiguresPanel = memo(function LiveFiguresPanel({
  workspacePath,
  scorecardId
}: {
  workspacePath: string
  scorecardId: number
}) {
  const report = useSimulateStore((s) => (s.scorecardId === scorecardId ? s.report : null))
  const inputAt = useSimulateStore((s) => s.reportInputAt)
  const threshold = useSimulateStore((s) => s.threshold)
  const error = useSimulateStore((s) => s.error)
  const { followEditor, setThreshold } = useSimulateStore.getState()

  // The what-if session follows the editor while this strip is shown (the store does the following).
  useEffect(() => followEditor(workspacePath, scorecardId), [workspacePath, scorecardId, followEditor])
  useCommitMeasure(report, inputAt)
  usePaintMeasure(report, inputAt)
  const words = useSuccessWords(report?.outcome ?? null)

  return (
    <section className="live-panel" aria-label="Live figures">
      <div className="live-panel__title">
        <Gauge size={16} aria-hidden />
        <span>
          Live on {report ? count(report.n) : '…'} {words.decided}
        </span>
      </div>
      <label className="live-panel__threshold">
        <span className="live-fig__name">Threshold {threshold ?? ''}</span>
        <ThresholdSlider value={threshold} onChange={setThreshold} />
      </label>
      {report && error ? (
        // The last good figures stay, but never silently: a failed update says so beside them.
        <p className="live-panel__note" role="alert">
          {error.message}
        </p>
      ) : null}
      {report ? (
        <div className="live-panel__figures">
          <Figure name={`${capitalize(words.deals)} passing`} value={count(report.passCount)} detail={pct(report.passRate)} />
          <Figure name={`${words.rate} above threshold`} value={pct(report.winRateAbove)} detail={`below ${pct(report.winRateBelow)}`} />
          <Figure name="Lift" value={lift(report.lift)} />
          <Figure name="AUC" value={fixed(report.auc, 3)} />
        </div>
      ) : (
        <p className="live-panel__note" role="status">
          {error ? error.message : `Scoring the ${words.decided}…`}
        </p>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void useWorkspaceStore.getState().goToSection('simulate')}
      >
        Simulate <ArrowRight size={14} aria-hidden />
      </button>
    </section>
  )
})
