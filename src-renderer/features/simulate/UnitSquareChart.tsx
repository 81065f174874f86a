import type { ReactNode } from 'react'
import { CartesianGrid, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useChartColors } from '../../theme/chart-colors'
import { asPct, axisLabel, axisTick } from './chart-style'

/**
 * A curve of one share against another (ROC, cumulative gains): both axes 0–100%, and the
 * dashed diagonal a pick at random would follow. The curve and its threshold dot are `children`.
 */
export function UnitSquareChart({
  label,
  caption,
  points,
  xKey,
  xLabel,
  tipLabel,
  tipValue,
  children
}: {
  label: string
  caption: ReactNode
  points: readonly object[]
  xKey: string
  xLabel: string
  tipLabel(x: unknown): string
  tipValue(y: unknown): string
  children: ReactNode
}) {
  const c = useChartColors()
  const tick = axisTick(c)
  return (
    <figure className="sim-chart" aria-label={label}>
      <figcaption>{caption}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points as object[]} margin={{ top: 8, right: 16, bottom: 14, left: 0 }}>
          <CartesianGrid stroke={c.grid} />
          <XAxis dataKey={xKey} type="number" domain={[0, 1]} tickFormatter={asPct} tick={tick} label={axisLabel(c, xLabel)} />
          <YAxis domain={[0, 1]} tickFormatter={asPct} tick={tick} width={44} />
          <Tooltip formatter={tipValue} labelFormatter={tipLabel} />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 }
            ]}
            stroke={c.muted}
            strokeDasharray="4 3"
          />
          {children}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  )
}
