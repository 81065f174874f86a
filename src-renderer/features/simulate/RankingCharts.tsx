import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { SimulationReport } from '@shared/domain/simulation'
import { useChartColors } from '../../theme/chart-colors'
import { asPct, axisLabel, axisTick } from './chart-style'
import { RocThresholdDot, ThresholdLine, ThresholdValue } from './threshold-markers'
import { UnitSquareChart } from './UnitSquareChart'
import { SCORE_BIN, scoreBins } from './score-bins'
import { capitalize } from '@shared/format'
import type { SuccessWords } from './use-success-words'

/** Won and lost deals (or a churn study's customers) per score: where the two groups sit, and where the threshold cuts them. */
export const DistributionChart = memo(function DistributionChart({
  distribution,
  words
}: {
  distribution: SimulationReport['distribution']
  words: SuccessWords
}) {
  const c = useChartColors()
  const AXIS = axisTick(c)
  const bins = scoreBins(distribution)
  const labels = new Map(bins.map((b) => [b.score, b.label]))
  return (
    <figure className="sim-chart" aria-label={`Score distribution of ${words.won} and ${words.lost} ${words.deals}`}>
      <figcaption>
        Score distribution · {words.won} vs {words.lost} {words.deals} per {SCORE_BIN} points · line: current threshold (<ThresholdValue />)
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 14, left: 0 }} barCategoryGap={1} barGap={0}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          <XAxis
            dataKey="score"
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tick={AXIS}
            label={axisLabel(c, 'Score')}
          />
          <YAxis tick={AXIS} width={44} allowDecimals={false} />
          <Tooltip labelFormatter={(v) => `Scores ${labels.get(Number(v)) ?? String(v)}`} />
          <Legend verticalAlign="top" height={24} iconSize={10} />
          <Bar name={capitalize(words.won)} dataKey="won" fill={c.won} isAnimationActive={false} />
          <Bar name={capitalize(words.lost)} dataKey="lost" fill={c.lost} isAnimationActive={false} />
          <ThresholdLine />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  )
})

/** ROC: wins passing against losses passing at every threshold; the diagonal is no better than chance. */
export const RocChart = memo(function RocChart({
  roc,
  auc,
  ks,
  words
}: {
  roc: SimulationReport['roc']
  auc: number | null
  ks: number | null
  words: SuccessWords
}) {
  const points = roc
    .filter((p) => p.falsePositiveRate !== null && p.truePositiveRate !== null)
    .map((p) => ({ x: p.falsePositiveRate as number, y: p.truePositiveRate as number, threshold: p.threshold }))
    .sort((a, b) => a.x - b.x || a.y - b.y)
  const c = useChartColors()
  const summary = `AUC ${auc === null ? '—' : auc.toFixed(3)} · KS ${ks === null ? '—' : ks.toFixed(3)}`
  return (
    <UnitSquareChart
      label={`ROC curve, ${summary}`}
      caption={`ROC · ${summary} · dot: current threshold`}
      points={points}
      xKey="x"
      xLabel={`Share of ${words.lost} ${words.deals} passing`}
      tipValue={(v) => asPct(Number(v))}
      tipLabel={(v) => `${asPct(Number(v))} of ${words.lost} ${words.deals} pass`}
    >
      <Line
        name={`${capitalize(words.wins)} passing`}
        dataKey="y"
        stroke={c.violet}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
      <RocThresholdDot roc={roc} color={c.violet} />
    </UnitSquareChart>
  )
})
