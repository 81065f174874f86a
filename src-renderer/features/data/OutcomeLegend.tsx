import type { BarSegment } from '../../components/StackedBar'
import { formatCount } from './data-format'

/** The key under an outcome bar: a swatch, the outcome and its count for each segment. */
export function OutcomeLegend({ segments, stacked = false }: { segments: readonly BarSegment[]; stacked?: boolean }) {
  return (
    <ul className={stacked ? 'legend legend--column' : 'legend'}>
      {segments.map((s) => (
        <li key={s.label}>
          <span className={`legend__swatch stacked-bar__segment--${s.tone}`} aria-hidden />
          {s.label} <strong>{formatCount(s.value)}</strong>
        </li>
      ))}
    </ul>
  )
}
