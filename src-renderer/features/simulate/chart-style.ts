import type { ChartColors } from '../../theme/chart-colors'

/** Shared look of the Simulate charts: muted axis text, percentages on rate axes. */
export const axisTick = (c: ChartColors) => ({ fontSize: 12, fill: c.axis })
export const axisLabel = (c: ChartColors, value: string) => ({
  value,
  position: 'insideBottom' as const,
  offset: -8,
  fontSize: 12,
  fill: c.axis
})
export const asPct = (v: number): string => `${Math.round(v * 100)}%`
