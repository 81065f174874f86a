import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts'
import type { SimulationReport } from '@shared/domain/simulation'
import { useSimulateStore } from '../../stores/simulate-store'

/**
 * The current threshold drawn on the charts. These read the threshold from the store
 * themselves, so moving the slider re-renders a line or a dot and never the chart under it.
 */

const useShownThreshold = (): number | null => useSimulateStore((s) => s.report?.threshold ?? null)

/** The threshold as a number, e.g. in a caption. */
export function ThresholdValue() {
  return <>{useShownThreshold() ?? '—'}</>
}

/** A vertical dashed line at the threshold on a score axis. */
export function ThresholdLine() {
  const threshold = useShownThreshold()
  const x = useXAxisScale()
  const plot = usePlotArea()
  const at = threshold === null || !x ? undefined : x(threshold)
  if (at === undefined || !plot) return null
  return (
    <line
      x1={at}
      x2={at}
      y1={plot.y}
      y2={plot.y + plot.height}
      style={{ stroke: 'var(--ink-900)' }}
      strokeDasharray="4 3"
      strokeWidth={1}
    />
  )
}

function Dot({ x, y, color }: { x: number | null | undefined; y: number | null | undefined; color: string }) {
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  const cx = x == null || !xScale ? undefined : xScale(x)
  const cy = y == null || !yScale ? undefined : yScale(y)
  if (cx === undefined || cy === undefined) return null
  return <circle cx={cx} cy={cy} r={6} fill={color} style={{ stroke: 'var(--chart-surface)' }} strokeWidth={2} />
}

/** On the gains chart: the share of deals passing and of wins kept at the threshold. */
export function GainsThresholdDot({ color }: { color: string }) {
  const passRate = useSimulateStore((s) => s.report?.passRate)
  const recall = useSimulateStore((s) => s.report?.recall)
  return <Dot x={passRate} y={recall} color={color} />
}

/** On the ROC chart: the losses and wins passing at the threshold. */
export function RocThresholdDot({ roc, color }: { roc: SimulationReport['roc']; color: string }) {
  const threshold = useShownThreshold()
  const point = threshold === null ? undefined : roc.find((p) => p.threshold === threshold)
  return <Dot x={point?.falsePositiveRate} y={point?.truePositiveRate} color={color} />
}
