import { memo } from 'react'
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import { count, interval, pct } from './simulate-format'
import { useChartColors } from '../../theme/chart-colors'
import { asPct, axisTick } from './chart-style'
import { UnitSquareChart } from './UnitSquareChart'
import { GainsThresholdDot, ThresholdLine, ThresholdValue } from './threshold-markers'
import { capitalize } from '@shared/format'
import type { SuccessWords } from './use-success-words'

const tipPct = (v: unknown) => (typeof v === 'number' ? pct(v) : '—')

/** Pass rate, wins kept and win rate above, for every threshold: where the trade-off bends. */
export const CurveChart = memo(function CurveChart({ curve, words }: { curve: SimulationReport['curve']; words: SuccessWords }) {
  const c = useChartColors()
  const AXIS = axisTick(c)
  return (
    <figure className="sim-chart" aria-label={`Pass rate, ${words.wins} kept and ${words.rate.toLowerCase()} by threshold`}>
      <figcaption>
        By threshold · line: current threshold (<ThresholdValue />)
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={curve} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          <XAxis dataKey="threshold" type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={AXIS} />
          <YAxis domain={[0, 1]} tickFormatter={asPct} tick={AXIS} width={44} />
          <Tooltip labelFormatter={(t) => `Threshold ${String(t)}`} formatter={tipPct} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          <ThresholdLine />
          <Line
            name={`${capitalize(words.deals)} passing`}
            dataKey="passRate"
            stroke={c.muted}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={`${capitalize(words.wins)} kept`}
            dataKey="recall"
            stroke={c.line}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={`${words.rate} above`}
            dataKey="winRateAbove"
            stroke={c.success}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  )
})

/** Cumulative gains: share of wins kept against share of deals worked; the diagonal is a random pick. */
export const GainsChart = memo(function GainsChart({ curve, words }: { curve: SimulationReport['curve']; words: SuccessWords }) {
  const points = curve
    .filter((p) => p.passRate !== null && p.recall !== null)
    .map((p) => ({ worked: p.passRate as number, kept: p.recall as number }))
    .sort((a, b) => a.worked - b.worked)
  const c = useChartColors()
  return (
    <UnitSquareChart
      label="Cumulative gains"
      caption="Cumulative gains · dashed: random pick · dot: current threshold"
      points={points}
      xKey="worked"
      xLabel={`Share of ${words.deals} passing`}
      tipValue={tipPct}
      tipLabel={(v) => `${tipPct(v)} of ${words.deals} passing`}
    >
      <Line name={`${capitalize(words.wins)} kept`} dataKey="kept" stroke={c.line} strokeWidth={2} dot={false} isAnimationActive={false} />
      <GainsThresholdDot color={c.line} />
    </UnitSquareChart>
  )
})

interface BandPoint {
  name: string
  rate: number
  whisker: [number, number]
  band: SimulationBand
}

/** Win rate per band with Wilson whiskers; small bands are grey because their bar means little. */
export function BandChart({
  bands,
  label,
  rate,
  rows
}: {
  bands: readonly SimulationBand[]
  label: string
  /** "Win rate", or a churn study's "Retention rate" (use-success-words.ts). */
  rate: string
  /** What a band counts: "deals", or a churn study's "customers". */
  rows: string
}) {
  const points: BandPoint[] = bands
    .filter((b) => b.winRate !== null)
    .map((b) => {
      const r = b.winRate ?? 0
      return { name: b.name, rate: r, whisker: [Math.max(0, r - (b.ci[0] ?? r)), Math.max(0, (b.ci[1] ?? r) - r)], band: b }
    })
  const c = useChartColors()
  const AXIS = axisTick(c)
  return (
    <figure className="sim-chart" aria-label={`${rate} by ${label}, with 95% intervals`}>
      <figcaption>
        {rate} by {label} · whiskers: 95% interval · grey: fewer than 30 {rows}
      </figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          <XAxis dataKey="name" tick={AXIS} interval={0} />
          <YAxis domain={[0, 1]} tickFormatter={asPct} tick={AXIS} width={44} />
          <Tooltip
            cursor={{ fill: c.cursor }}
            formatter={(_v, _n, item) => {
              const b = (item.payload as BandPoint).band
              return [`${pct(b.winRate)} (${interval(b.ci)}) · n = ${count(b.n)}`, rate]
            }}
          />
          <Bar dataKey="rate" isAnimationActive={false} maxBarSize={56}>
            {points.map((p) => (
              <Cell key={p.name} fill={p.band.tooSmall ? c.small : c.primary} />
            ))}
            <ErrorBar dataKey="whisker" direction="y" width={6} stroke={c.label} strokeWidth={1.2} />
          </Bar>
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  )
}
