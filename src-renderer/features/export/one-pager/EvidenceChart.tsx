import type { OnePagerTierEvidence } from '@shared/domain/one-pager'
import { formatDays, formatPercent } from './one-pager-format'

interface EvidenceChartProps {
  tiers: readonly OnePagerTierEvidence[]
  /** Won share of all decided deals: the dashed line the tiers are read against. */
  baseRate: number | null
  width: number
}

const ROW = 20
const TOP = 18
const LABEL = 26
const GAP = 22

/**
 * Win rate and median cycle by tier as two small bar panels in plain SVG, so the PDF keeps
 * vector bars and text at any zoom. Small tiers are drawn hatched: the rate is a hint.
 */
export function EvidenceChart({ tiers, baseRate, width }: EvidenceChartProps) {
  const panel = (width - LABEL - GAP) / 2
  const height = TOP + tiers.length * ROW + 4
  const maxCycle = Math.max(1, ...tiers.map((t) => t.medianCycleDays ?? 0))
  const rateX = LABEL
  const cycleX = LABEL + panel + GAP
  const bar = (fraction: number, room: number) => Math.max(0, Math.min(1, fraction)) * (room - 34)
  return (
    <svg className="op-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Win rate and median sales cycle by tier">
      <defs>
        <pattern id="op-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="4" stroke="#8b95a7" strokeWidth="2" />
        </pattern>
      </defs>
      <text x={rateX} y={10} className="op-chart__title">
        Win rate{baseRate !== null ? ' (dashed: overall)' : ''}
      </text>
      <text x={cycleX} y={10} className="op-chart__title">
        Median sales cycle
      </text>
      {tiers.map((tier, i) => {
        const y = TOP + i * ROW
        const rateWidth = bar(tier.winRate ?? 0, panel)
        const cycleWidth = bar((tier.medianCycleDays ?? 0) / maxCycle, panel)
        return (
          <g key={tier.name}>
            <text x={0} y={y + 11} className="op-chart__tier">
              {tier.name.length > 3 ? tier.name.slice(0, 3) : tier.name}
            </text>
            <rect x={rateX} y={y + 2} width={panel - 34} height={12} rx={2} className="op-chart__track" />
            <rect x={rateX} y={y + 2} width={rateWidth} height={12} rx={2} fill={tier.small ? 'url(#op-hatch)' : tier.color} />
            <text x={rateX + rateWidth + 4} y={y + 11.5} className="op-chart__value">
              {formatPercent(tier.winRate)}
            </text>
            <rect x={cycleX} y={y + 2} width={panel - 34} height={12} rx={2} className="op-chart__track" />
            <rect x={cycleX} y={y + 2} width={cycleWidth} height={12} rx={2} className="op-chart__cycle" />
            <text x={cycleX + cycleWidth + 4} y={y + 11.5} className="op-chart__value">
              {formatDays(tier.medianCycleDays)}
            </text>
          </g>
        )
      })}
      {baseRate !== null && (
        <g>
          <line
            x1={rateX + bar(baseRate, panel)}
            x2={rateX + bar(baseRate, panel)}
            y1={TOP - 2}
            y2={height - 2}
            className="op-chart__base"
          />
        </g>
      )}
    </svg>
  )
}
