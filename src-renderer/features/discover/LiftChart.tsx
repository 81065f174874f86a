import { Bar, CartesianGrid, Cell, ComposedChart, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DiscoverValue } from '@shared/domain/discover'
import { useChartColors } from '../../theme/chart-colors'
import { count, fixed, interval, pct } from './discover-format'

interface Point {
  label: string
  lift: number
  /** Distances from the lift to the interval's ends, as ErrorBar expects. */
  whisker: [number, number]
  n: number
  rate: number | null
  ci: DiscoverValue['ci']
  tooSmall: boolean
}

/**
 * Lift of each value with the Wilson interval turned into lift (interval ÷ base rate), so a bar
 * whose whisker crosses the line at 1 visibly "could be ordinary".
 */
export function LiftChart({
  attribute,
  values,
  baseRate
}: {
  attribute: string
  values: readonly DiscoverValue[]
  baseRate: number | null
}) {
  const c = useChartColors()
  if (!baseRate) return null
  const points: Point[] = values
    .filter((v) => v.lift !== null)
    .map((v) => {
      const l = v.lift ?? 0
      const lo = v.ci[0] === null ? l : v.ci[0] / baseRate
      const hi = v.ci[1] === null ? l : v.ci[1] / baseRate
      return {
        label: v.label,
        lift: l,
        whisker: [Math.max(0, l - lo), Math.max(0, hi - l)],
        n: v.n,
        rate: v.rate,
        ci: v.ci,
        tooSmall: v.tooSmall
      }
    })
  const top = Math.max(1.5, ...points.map((p) => p.lift + p.whisker[1]))
  const height = points.length * 24 + 48

  return (
    <figure className="lift-chart" aria-label={`Lift by value of ${attribute}, with 95% intervals`}>
      <figcaption>Lift by value · whiskers: 95% interval · line: no difference</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={4}>
          <CartesianGrid horizontal={false} stroke={c.grid} />
          <XAxis
            type="number"
            domain={[0, Math.ceil(top * 2) / 2]}
            tickFormatter={(v: number) => `${fixed(v, 1)}×`}
            tick={{ fontSize: 12, fill: c.axis }}
          />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12, fill: c.label }} interval={0} />
          <Tooltip
            cursor={{ fill: c.cursor }}
            formatter={(_v, _n, item) => {
              const p = item.payload as Point
              return [`${fixed(p.lift, 2)}× · rate ${pct(p.rate)} (${interval(p.ci)}) · n = ${count(p.n)}`, 'Lift']
            }}
          />
          <ReferenceLine x={1} stroke={c.ink} strokeDasharray="4 3" />
          <Bar dataKey="lift" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.label} fill={p.tooSmall ? c.small : p.lift >= 1 ? c.primary : c.negative} />
            ))}
            <ErrorBar dataKey="whisker" direction="x" width={5} stroke={c.label} strokeWidth={1.2} />
          </Bar>
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  )
}
