import { useId } from 'react'
import { CalendarCheck, Columns2, Gauge, Target } from 'lucide-react'
import { useCompareStore } from '../../../stores/compare-store'

/** One scorecard's what-if, two side by side, how one did since it was built, or who out there fits: one section, four questions. */
export function SimulateViewSwitch() {
  const view = useCompareStore((s) => s.view)
  const { setView } = useCompareStore.getState()
  const name = useId()
  return (
    <div className="segmented sim-view" role="radiogroup" aria-label="View">
      <label className="segmented__option">
        <input type="radio" name={name} checked={view === 'single'} onChange={() => setView('single')} />
        <span>
          <Gauge size={14} aria-hidden />
          One scorecard
        </span>
      </label>
      <label className="segmented__option">
        <input type="radio" name={name} checked={view === 'compare'} onChange={() => setView('compare')} />
        <span>
          <Columns2 size={14} aria-hidden />
          Compare
        </span>
      </label>
      <label className="segmented__option">
        <input type="radio" name={name} checked={view === 'review'} onChange={() => setView('review')} />
        <span>
          <CalendarCheck size={14} aria-hidden />
          90-day review
        </span>
      </label>
      <label className="segmented__option">
        <input type="radio" name={name} checked={view === 'prospects'} onChange={() => setView('prospects')} />
        <span>
          <Target size={14} aria-hidden />
          Prospects
        </span>
      </label>
    </div>
  )
}
