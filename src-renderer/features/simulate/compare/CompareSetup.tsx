import { useEffect, useState } from 'react'
import { ArrowLeftRight } from 'lucide-react'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import type { CompareSide, ScorecardRef } from '@shared/domain/simulation'
import { relativeTime } from '../../../components/format'
import { OutcomeSwitch } from '../OutcomeSwitch'
import { useCompareReport, useVersionList } from '../../../queries/compare-queries'
import { useCompareStore, type CompareSideId } from '../../../stores/compare-store'

export const SIDE_LABELS: Record<CompareSideId, string> = { a: 'Baseline', b: 'Challenger' }

const WORKING = 'working'

/** One side: which scorecard, which of its revisions, and at which threshold its figures are read. */
function SidePicker({
  side,
  scorecards,
  shown
}: {
  side: CompareSideId
  scorecards: readonly ScorecardSummary[]
  shown: CompareSide | null
}) {
  const ref = useCompareStore((s) => s[side])
  const versions = useVersionList(ref?.scorecardId ?? null)
  const threshold = useCompareStore((s) => (side === 'a' ? s.thresholdA : s.thresholdB))
  const { setSide, setThreshold } = useCompareStore.getState()
  const [draft, setDraft] = useState(threshold === null ? '' : String(threshold))
  const label = SIDE_LABELS[side]

  useEffect(() => setDraft(threshold === null ? '' : String(threshold)), [threshold])

  const choose = (next: ScorecardRef): void => setSide(side, next)
  const topTier = shown ? `${shown.topTier} ≥ ${shown.topTierMin}` : null
  const version = ref?.versionId === undefined ? null : versions?.find((v) => v.id === ref.versionId)

  return (
    <fieldset className={`cmp-side cmp-side--${side}`} aria-label={label}>
      <legend className="cmp-side__legend">
        <span className={`cmp-side__mark cmp-side__mark--${side}`} aria-hidden />
        {label}
      </legend>
      <div className="cmp-side__fields">
        <label className="field cmp-side__scorecard">
          <span className="field__label">Scorecard</span>
          <select
            className="input"
            aria-label={`${label} scorecard`}
            value={ref?.scorecardId ?? ''}
            onChange={(e) => choose({ scorecardId: Number(e.target.value) })}
          >
            {ref === null ? <option value="">Choose…</option> : null}
            {scorecards.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field cmp-side__version">
          <span className="field__label">Version</span>
          <select
            className="input"
            aria-label={`${label} version`}
            disabled={ref === null}
            value={ref?.versionId ?? WORKING}
            onChange={(e) =>
              ref &&
              choose(
                e.target.value === WORKING
                  ? { scorecardId: ref.scorecardId }
                  : { scorecardId: ref.scorecardId, versionId: Number(e.target.value) }
              )
            }
          >
            <option value={WORKING}>Working copy</option>
            {(versions ?? []).map((v) => (
              // The note alone fits the picker; when it was saved shows beneath it.
              <option key={v.id} value={v.id}>
                {v.note}
              </option>
            ))}
          </select>
        </label>
        <label className="field cmp-side__threshold">
          <span className="field__label">Threshold</span>
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            aria-label={`${label} threshold`}
            placeholder={shown ? String(shown.topTierMin) : ''}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value)
              const n = Number(e.target.value)
              if (e.target.value === '') setThreshold(side, null)
              else if (Number.isInteger(n) && n >= 0 && n <= 100) setThreshold(side, n)
            }}
          />
        </label>
      </div>
      <p className="cmp-side__hint">
        {version ? `Saved ${relativeTime(version.savedAt)} · ` : ref ? 'Working copy, as last edited · ' : ''}
        {topTier ? `top tier ${topTier}${threshold === null ? ', threshold follows it' : ''}` : '\u00a0'}
      </p>
    </fieldset>
  )
}

/** The two sides and the outcome every compared figure depends on. */
export function CompareSetup({ scorecards }: { scorecards: readonly ScorecardSummary[] }) {
  const report = useCompareReport().data ?? null
  const outcome = useCompareStore((s) => s.outcome)
  const ready = useCompareStore((s) => s.a !== null && s.b !== null)
  const { swapSides, setOutcome } = useCompareStore.getState()
  return (
    <section className="panel cmp-setup" aria-label="What to compare">
      <div className="cmp-setup__sides">
        <SidePicker side="a" scorecards={scorecards} shown={report?.a ?? null} />
        <button
          type="button"
          className="icon-button cmp-setup__swap"
          aria-label="Swap baseline and challenger"
          title="Swap baseline and challenger"
          disabled={!ready}
          onClick={swapSides}
        >
          <ArrowLeftRight size={18} aria-hidden />
        </button>
        <SidePicker side="b" scorecards={scorecards} shown={report?.b ?? null} />
      </div>
      <div className="cmp-setup__outcome">
        <span className="field__label" aria-hidden>
          Outcome
        </span>
        <OutcomeSwitch value={outcome} onChange={setOutcome} label="Compare outcome" short />
        <span className="cmp-setup__note muted">Both sides are scored on the same deals. Changes read challenger − baseline.</span>
      </div>
    </section>
  )
}
