import { memo } from 'react'
import { Bar, CartesianGrid, Cell, ComposedChart, ErrorBar, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import { count, interval, pct } from './simulate-format'
import { asPct, AXIS, GRID } from './chart-style'
import { GainsThresholdDot, ThresholdLine, ThresholdValue } from './threshold-markers'

const tipPct = (v: unknown) => (typeof v === 'number' ? pct(v) : '—')

/** Pass rate, wins kept and win rate above, for every threshold: where the trade-off bends. */
export const CurveChart = memo(function CurveChart({ curve }: { curve: SimulationReport['curve'] }) {
  return (
    <figure className="sim-chart" aria-label="Pass rate, wins kept and win rate by threshold">
      <figcaption>
        By threshold · line: current threshold (<ThresholdValue />)
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={curve} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="threshold" type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={AXIS} />
          <YAxis domain={[0, 1]} tickFormatter={asPct} tick={AXIS} width={44} />
          <Tooltip labelFormatter={(t) => `Threshold ${String(t)}`} formatter={tipPct} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          <ThresholdLine />
          <Line name="Deals passing" dataKey="passRate" stroke="#9ca3af" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line name="Wins kept" dataKey="recall" stroke="#2f5fd0" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line name="Win rate above" dataKey="winRateAbove" stroke="#067647" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  )
})

/** Cumulative gains: share of wins kept against share of deals worked; the diagonal is a random pick. */
export const GainsChart = memo(function GainsChart({ curve }: { curve: SimulationReport['curve'] }) {
  const points = curve
    .filter((p) => p.passRate !== null && p.recall !== null)
    .map((p) => ({ worked: p.passRate as number, kept: p.recall as number }))
    .sort((a, b) => a.worked - b.worked)
  return (
    <figure className="sim-chart" aria-label="Cumulative gains">
      <figcaption>Cumulative gains · dashed: random pick · dot: current threshold</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 14, left: 0 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis
            dataKey="worked"
            type="number"
            domain={[0, 1]}
            tickFormatter={asPct}
            tick={AXIS}
            label={{ value: 'Share of deals passing', position: 'insideBottom', offset: -8, fontSize: 12, fill: '#6b7280' }}
          />
          <YAxis domain={[0, 1]} tickFormatter={asPct} tick={AXIS} width={44} />
          <Tooltip labelFormatter={(v) => `${tipPct(v)} of deals passing`} formatter={tipPct} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#9ca3af" strokeDasharray="4 3" />
          <Line name="Wins kept" dataKey="kept" stroke="#2f5fd0" strokeWidth={2} dot={false} isAnimationActive={false} />
          <GainsThresholdDot color="#2f5fd0" />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  )
})

interface BandPoint {
  name: string
  rate: number
  whisker: [number, number]
  band: SimulationBand
}

/** Win rate per band with Wilson whiskers; small bands are grey because their bar means little. */
export function BandChart({ bands, label }: { bands: readonly SimulationBand[]; label: string }) {
  const points: BandPoint[] = bands
    .filter((b) => b.winRate !== null)
    .map((b) => {
      const r = b.winRate ?? 0
      return { name: b.name, rate: r, whisker: [Math.max(0, r - (b.ci[0] ?? r)), Math.max(0, (b.ci[1] ?? r) - r)], band: b }
    })
  return (
    <figure className="sim-chart" aria-label={`Win rate by ${label}, with 95% intervals`}>
      <figcaption>Win rate by {label} · whiskers: 95% interval · grey: fewer than 30 deals</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="name" tick={AXIS} interval={0} />
          <YAxis domain={[0, 1]} tickFormatter={asPct} tick={AXIS} width={44} />
          <Tooltip
            cursor={{ fill: 'rgb(47 95 208 / 6%)' }}
            formatter={(_v, _n, item) => {
              const b = (item.payload as BandPoint).band
              return [`${pct(b.winRate)} (${interval(b.ci)}) · n = ${count(b.n)}`, 'Win rate']
            }}
          />
          <Bar dataKey="rate" isAnimationActive={false} maxBarSize={56}>
            {points.map((p) => (
              <Cell key={p.name} fill={p.band.tooSmall ? '#d6dae2' : '#4f7bdc'} />
            ))}
            <ErrorBar dataKey="whisker" direction="y" width={6} stroke="#374151" strokeWidth={1.2} />
          </Bar>
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  )
}
