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
 * The data's distribution under a number criterion, the bins its range reaches highlighted. No
 * share is printed: the bins are equal-width and a range inside one of them would claim the whole
 * bin; the exact deals matched are on the card's evidence line.
 */
export function RangeHistogram({ attribute, condition }: { attribute: PaletteAttribute | undefined; condition: Condition }) {
  const bins = attribute?.histogram ?? []
  if (bins.length === 0 || !attribute) return null
  const label = `Distribution of ${attribute.name}; the highlighted bars hold values this range reaches`
  return (
    <figure className="sc-histogram" aria-label={label}>
      <HistogramBars
        fluid
        bins={bins}
        width={200}
        height={28}
        label={label}
        barClass={(bin) => (binMatches(bin, condition) ? 'sc-histogram__bar sc-histogram__bar--in' : 'sc-histogram__bar')}
      />
    </figure>
  )
}
