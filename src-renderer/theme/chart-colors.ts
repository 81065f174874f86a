import { useMemo } from 'react'
import { useUiStore } from '../stores/ui-store'

/**
 * Chart colours for the current theme, read from the --chart-* tokens in styles/tokens.css.
 * Recharts writes most colours as SVG presentation attributes (fill="…", stroke="…"), which do
 * not resolve var(), and its legend copies a series' colour; so charts take concrete values
 * from here and re-render when the theme changes.
 */
const TOKENS = {
  grid: '--chart-grid',
  axis: '--chart-axis',
  label: '--chart-label',
  ink: '--chart-ink',
  surface: '--chart-surface',
  cursor: '--chart-cursor',
  primary: '--chart-primary',
  line: '--chart-line',
  bar: '--chart-bar',
  won: '--chart-won',
  lost: '--chart-lost',
  negative: '--chart-negative',
  muted: '--chart-muted',
  small: '--chart-small',
  hatch: '--chart-hatch',
  violet: '--chart-violet',
  success: '--chart-success',
  strengthNone: '--strength-none',
  strengthWeak: '--strength-weak',
  strengthMedium: '--strength-medium',
  strengthStrong: '--strength-strong'
} as const

export type ChartColors = Record<keyof typeof TOKENS, string>

/** The light values, for a first render before styles are in (tests, jsdom). */
const FALLBACK: ChartColors = {
  grid: '#e3e6ec',
  axis: '#6b7280',
  label: '#374151',
  ink: '#111827',
  surface: '#ffffff',
  cursor: 'rgb(47 95 208 / 6%)',
  primary: '#4f7bdc',
  line: '#2f5fd0',
  bar: '#7d9fe6',
  won: '#12a05c',
  lost: '#d8574b',
  negative: '#e0907f',
  muted: '#9ca3af',
  small: '#d6dae2',
  hatch: '#eceef2',
  violet: '#7c3aed',
  success: '#067647',
  strengthNone: '#c9ced8',
  strengthWeak: '#9db4e8',
  strengthMedium: '#4f7bdc',
  strengthStrong: '#1f3f8f'
}

export function readChartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement)
  const colors = { ...FALLBACK }
  for (const [name, token] of Object.entries(TOKENS) as Array<[keyof ChartColors, string]>) {
    const value = style.getPropertyValue(token).trim()
    if (value) colors[name] = value
  }
  return colors
}

export function useChartColors(): ChartColors {
  const theme = useUiStore((s) => s.resolvedTheme)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the theme is what changes the tokens
  return useMemo(() => readChartColors(), [theme])
}
