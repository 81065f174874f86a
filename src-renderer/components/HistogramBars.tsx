import type { ReactNode } from 'react'

export interface HistogramBin {
  from: number
  to: number
  count: number
}

interface HistogramBarsProps {
  bins: readonly HistogramBin[]
  width: number
  height: number
  label: string
  /** Per bar: its class (e.g. highlighted when a range covers it). */
  barClass(bin: HistogramBin): string
  /** Per bar: a tooltip. */
  title?(bin: HistogramBin): string
  /** Stretch to the container's width instead of `width` pixels. */
  fluid?: boolean
}

/** The bars of a column's histogram, shared by the Data profiles and the scorecard's number criteria. */
export function HistogramBars({ bins, width, height, label, barClass, title, fluid = false }: HistogramBarsProps): ReactNode {
  const max = Math.max(1, ...bins.map((b) => b.count))
  const step = width / bins.length
  return (
    <svg
      {...(fluid ? { preserveAspectRatio: 'none' } : { width, height })}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {bins.map((bin, i) => {
        // Square-root heights keep a long tail visible next to one towering bin.
        const h = bin.count === 0 ? 0 : Math.max(2, Math.sqrt(bin.count / max) * height)
        return (
          <rect key={i} x={i * step + 0.5} y={height - h} width={Math.max(1, step - 1.5)} height={h} rx={1} className={barClass(bin)}>
            {title ? <title>{title(bin)}</title> : null}
          </rect>
        )
      })}
    </svg>
  )
}
