import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DiscoverAttribute } from '@shared/domain/discover'
import { fixed, STRENGTH_LABELS } from './discover-format'
import { useChartColors } from '../../theme/chart-colors'
import { STRENGTH_COLORS, strengthChartColor } from './strength-colors'

interface Row {
  name: string
  shown: number
  iv: number
  leak: boolean
  strength: DiscoverAttribute['strength']
  note: string
}

/** Round tick steps (0.05, 0.1, 0.25, 0.5 …) so the axis reads like a ruler, not 0.45, 0.90, 1.35. */
function niceAxis(max: number): { cap: number; ticks: number[] } {
  const step = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5].find((s) => max / s <= 6) ?? 10
  const cap = Math.ceil(max / step) * step
  const ticks = Array.from({ length: Math.round(cap / step) + 1 }, (_, i) => Number((i * step).toFixed(2)))
  return { cap, ticks }
}

/**
 * Information value of every attribute. A leaking attribute (IV often above 5) would squash every
 * honest bar to a sliver, so the axis is scaled to the others and a leak's bar is cut at the edge,
 * hatched grey and labelled with its real value.
 */
export function IvChart({ attributes, onSelect }: { attributes: readonly DiscoverAttribute[]; onSelect(name: string): void }) {
  const honest = attributes.filter((a) => !a.leakageSuspected).map((a) => a.iv)
  const { cap, ticks } = niceAxis(Math.max(0.05, ...honest) * 1.08)
  const rows: Row[] = attributes.map((a) => ({
    name: a.name,
    shown: Math.min(a.iv, cap),
    iv: a.iv,
    leak: a.leakageSuspected,
    strength: a.strength,
    note: a.leakageSuspected ? `${fixed(a.iv, 2)} · leak` : fixed(a.iv, 3)
  }))
  const height = rows.length * 26 + 36
  const c = useChartColors()

  return (
    <figure className="iv-chart" aria-label="Information value by attribute">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 100, bottom: 4, left: 4 }} barCategoryGap={5}>
          <defs>
            <pattern id="iv-leak-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={c.hatch} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={c.muted} strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid horizontal={false} stroke={c.grid} />
          <XAxis
            type="number"
            domain={[0, cap]}
            ticks={ticks}
            tickFormatter={(v: number) => fixed(v, 2)}
            tick={{ fontSize: 12, fill: c.axis }}
            allowDataOverflow
          />
          <YAxis type="category" dataKey="name" width={168} tick={{ fontSize: 12.5, fill: c.label }} interval={0} />
          <Tooltip
            cursor={{ fill: c.cursor }}
            formatter={(_value, _name, item) => {
              const row = item.payload as Row
              return [
                row.leak ? `${fixed(row.iv, 3)} (suspected leakage)` : `${fixed(row.iv, 3)} · ${STRENGTH_LABELS[row.strength]}`,
                'Information value'
              ]
            }}
          />
          <Bar dataKey="shown" isAnimationActive={false} onClick={(data) => onSelect((data.payload as Row).name)} cursor="pointer">
            {rows.map((row) => (
              <Cell
                key={row.name}
                fill={row.leak ? 'url(#iv-leak-hatch)' : strengthChartColor(c, row.strength)}
                stroke={row.leak ? c.muted : 'none'}
              />
            ))}
            <LabelList dataKey="note" position="right" style={{ fontSize: 12, fill: c.label, fontVariantNumeric: 'tabular-nums' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="iv-chart__legend">
        {(['strong', 'medium', 'weak', 'none'] as const).map((s) => (
          <span key={s}>
            <i style={{ background: STRENGTH_COLORS[s] }} aria-hidden />
            {STRENGTH_LABELS[s]}
          </span>
        ))}
        <span>
          <i className="iv-chart__hatch" aria-hidden />
          Suspected leakage (not used)
        </span>
      </figcaption>
    </figure>
  )
}
