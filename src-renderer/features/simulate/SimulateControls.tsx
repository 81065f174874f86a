import { useEffect, useState } from 'react'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import { useSimulateStore } from '../../stores/simulate-store'
import { count } from '../discover/discover-format'
import { ScorecardSelect } from '../../components/ScorecardSelect'
import { OutcomeSwitch } from './OutcomeSwitch'
import { ThresholdSlider } from './ThresholdSlider'
import { useSuccessWords } from './use-success-words'

/** Which scorecard and what "good" means: the two choices every figure below depends on. */
export function ScorecardBar({ scorecards }: { scorecards: readonly ScorecardSummary[] }) {
  const scorecardId = useSimulateStore((s) => s.scorecardId)
  const outcome = useSimulateStore((s) => s.outcome)
  const { select, setOutcome } = useSimulateStore.getState()
  return (
    <div className="sim-bar">
      <ScorecardSelect scorecards={scorecards} value={scorecardId} onChange={(id) => void select(id)} className="field sim-bar__picker" />
      <div className="field">
        <span className="field__label" aria-hidden>
          Outcome
        </span>
        <OutcomeSwitch value={outcome} onChange={setOutcome} />
      </div>
    </div>
  )
}

/** An integer field that lets the user type freely and only commits whole numbers in range. */
function useDraft(value: number | null): [string, (next: string) => void] {
  const [draft, setDraft] = useState(value === null ? '' : String(value))
  const [seen, setSeen] = useState(value)
  // Follow outside changes (slider, capacity) without fighting the user's typing.
  if (seen !== value) {
    setSeen(value)
    setDraft(value === null ? '' : String(value))
  }
  return [draft, setDraft]
}

/** The threshold (slider and exact number) and the capacity that can choose it. */
export function ThresholdControls() {
  const threshold = useSimulateStore((s) => s.threshold)
  const capacity = useSimulateStore((s) => s.capacity)
  const result = useSimulateStore((s) => s.report?.capacity ?? null)
  const { setThreshold, setCapacity } = useSimulateStore.getState()
  const words = useSuccessWords(useSimulateStore((s) => s.outcome))
  const [thresholdDraft, setThresholdDraft] = useDraft(threshold)
  const [capacityDraft, setCapacityDraft] = useState(capacity === null ? '' : String(capacity))

  useEffect(() => {
    setCapacityDraft(capacity === null ? '' : String(capacity))
  }, [capacity])

  return (
    <div className="sim-threshold">
      <div className="sim-threshold__slider">
        <label className="field__label" htmlFor="sim-threshold-range">
          Threshold <span className="muted">· {words.deals} scoring at least this pass</span>
        </label>
        <div className="sim-threshold__row">
          <ThresholdSlider id="sim-threshold-range" value={threshold} onChange={setThreshold} />
          <input
            className="input sim-threshold__number"
            type="number"
            min={0}
            max={100}
            aria-label="Threshold value"
            value={thresholdDraft}
            disabled={threshold === null}
            onChange={(e) => {
              setThresholdDraft(e.target.value)
              const n = Number(e.target.value)
              if (e.target.value !== '' && Number.isInteger(n) && n >= 0 && n <= 100) setThreshold(n)
            }}
          />
        </div>
      </div>
      <label className="field sim-threshold__capacity">
        <span className="field__label">Capacity</span>
        <input
          className="input"
          type="number"
          min={1}
          placeholder="e.g. 200"
          aria-label="Capacity"
          aria-describedby="sim-capacity-hint"
          value={capacityDraft}
          onChange={(e) => {
            setCapacityDraft(e.target.value)
            const n = Number(e.target.value)
            if (e.target.value === '') setCapacity(null)
            else if (Number.isInteger(n) && n >= 1) setCapacity(n)
          }}
        />
        <span
          id="sim-capacity-hint"
          className="field__hint"
          title="An account passes when its most recent deal does, as every screen and export scores an account"
        >
          {result && capacity !== null
            ? result.threshold === null
              ? `No threshold fits ${count(result.accounts)} accounts`
              : `Accounts per period · ${result.threshold} fits ${count(result.accountsPassing)} accounts`
            : 'Accounts per period: sets the threshold'}
        </span>
      </label>
    </div>
  )
}
