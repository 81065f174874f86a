import { useId } from 'react'
import { Columns2, Gauge } from 'lucide-react'
import { useCompareStore } from '../../../stores/compare-store'

/** One scorecard's what-if, or two side by side: the same section, two questions. */
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
    </div>
  )
}
