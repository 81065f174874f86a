import type { Condition } from '@shared/engine/scorecard/model'
import { HistogramBars } from '../../components/HistogramBars'
import type { PaletteAttribute } from './attributes'

type Bin = NonNullable<PaletteAttribute['histogram']>[number]

/** Whether any of a bin's values meet the condition (bins are [from, to]). */
function binMatches(bin: Bin, condition: Condition): boolean {
  switch (condition.op) {
    case 'between':
      return (condition.min == null || bin.to >= condition.min) && (condition.max == null || bin.from <= condition.max)
    case 'lt':
      return condition.value !== undefined && bin.from < condition.value
    case 'gt':
      return condition.value !== undefined && bin.to > condition.value
    default:
      return false
  }
}

/**
 * The data's distribution under a number criterion, the bins its range takes in highlighted:
 * the user sees how much of the data a range covers while typing it.
 */
export function RangeHistogram({ attribute, condition }: { attribute: PaletteAttribute | undefined; condition: Condition }) {
  const bins = attribute?.histogram ?? []
  if (bins.length === 0) return null
  const total = bins.reduce((sum, b) => sum + b.count, 0)
  const covered = bins.reduce((sum, b) => sum + (binMatches(b, condition) ? b.count : 0), 0)
  const width = 200
  const height = 28
  const share = total > 0 ? Math.round((covered / total) * 100) : 0
  const label = `About ${share}% of rows with a value fall in this range`
  return (
    <figure className="sc-histogram" aria-label={label}>
      <HistogramBars
        fluid
        bins={bins}
        width={width}
        height={height}
        label={label}
        barClass={(bin) => (binMatches(bin, condition) ? 'sc-histogram__bar sc-histogram__bar--in' : 'sc-histogram__bar')}
      />
      <figcaption>~{share}% of rows</figcaption>
    </figure>
  )
}
