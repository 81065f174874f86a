import type { ColumnType, ValueCount } from '@shared/domain/dataset'
import { HistogramBars } from '../../components/HistogramBars'
import { formatCount, formatScaleValue } from './data-format'

/** The most frequent values as labelled bars, scaled to the non-missing rows. */
export function TopValueBars({ values, total, limit = 3 }: { values: readonly ValueCount[]; total: number; limit?: number }) {
  const shown = values.slice(0, limit)
  const max = Math.max(1, ...shown.map((v) => v.count))
  return (
    <ul className="topvalues" aria-label="Most frequent values">
      {shown.map((v) => (
        <li key={v.value} className="topvalues__item">
          <span className="topvalues__label" title={v.value}>
            {v.value === '' ? <em>(blank)</em> : v.value}
          </span>
          <span className="topvalues__track" aria-hidden>
            <span className="topvalues__bar" style={{ width: `${(v.count / max) * 100}%` }} />
          </span>
          <span className="topvalues__count" title={total > 0 ? `${Math.round((v.count / total) * 100)}% of filled rows` : undefined}>
            {formatCount(v.count)}
          </span>
        </li>
      ))}
    </ul>
  )
}

type Bin = { from: number; to: number; count: number }

/** A sparkline-sized histogram of a number, range or date column, with its lowest and highest value. */
export function MiniHistogram({ bins, type }: { bins: readonly Bin[]; type: ColumnType }) {
  const first = bins[0]
  const last = bins[bins.length - 1]
  if (!first || !last) return null
  const summary = `Distribution from ${formatScaleValue(first.from, type)} to ${formatScaleValue(last.to, type)}`
  return (
    <figure className="histogram" aria-label={summary}>
      <HistogramBars
        bins={bins}
        width={160}
        height={30}
        label={summary}
        barClass={() => 'histogram__bar'}
        title={(bin) => `${formatScaleValue(bin.from, type)} – ${formatScaleValue(bin.to, type)}: ${formatCount(bin.count)}`}
      />
      <figcaption className="histogram__axis">
        <span>{formatScaleValue(first.from, type)}</span>
        <span>{formatScaleValue(last.to, type)}</span>
      </figcaption>
    </figure>
  )
}
