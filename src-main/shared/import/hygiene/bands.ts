/**
 * Bands: the human ranges consultants group numbers into ("51-200 employees", "$10M-$50M").
 *
 * Boundary semantics: every band is `min <= value < max` (lower bound inclusive, upper bound
 * exclusive), and values below the first band fall into the first band. For employee counts
 * that reads as inclusive integer ranges: "1-10" holds 1..10, "11-50" holds 11..50, and a
 * fractional 10.5 (an average, a midpoint) still belongs to "1-10". Revenue bands are upper
 * exclusive the way data vendors print them: exactly $10M is in "$10M-$50M".
 */

import type { HygieneRule } from '@shared/domain/data-views'

export interface Band {
  label: string
  /** Inclusive lower bound. */
  min: number
  /** Exclusive upper bound (Infinity for the open-ended top band). */
  max: number
}

export const EMPLOYEE_BANDS: readonly Band[] = [
  { label: '1-10', min: 1, max: 11 },
  { label: '11-50', min: 11, max: 51 },
  { label: '51-200', min: 51, max: 201 },
  { label: '201-500', min: 201, max: 501 },
  { label: '501-1000', min: 501, max: 1001 },
  { label: '1001-5000', min: 1001, max: 5001 },
  { label: '5001-10000', min: 5001, max: 10001 },
  { label: '10001+', min: 10001, max: Infinity }
]

export const REVENUE_BANDS: readonly Band[] = [
  { label: '<$1M', min: -Infinity, max: 1e6 },
  { label: '$1M-$10M', min: 1e6, max: 1e7 },
  { label: '$10M-$50M', min: 1e7, max: 5e7 },
  { label: '$50M-$100M', min: 5e7, max: 1e8 },
  { label: '$100M-$500M', min: 1e8, max: 5e8 },
  { label: '$500M-$1B', min: 5e8, max: 1e9 },
  { label: '$1B+', min: 1e9, max: Infinity }
]

/** The label of the band holding `value` (a finite number; see the boundary rules above). */
export function bandFor(value: number, bands: readonly Band[]): string {
  for (const band of bands) if (value < band.max) return band.label
  return bands[bands.length - 1]?.label ?? ''
}

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K']
]

/** 1500 -> "1.5K", 1250000 -> "1.25M"; numbers that do not abbreviate exactly are written out. */
function compactNumber(n: number): string {
  const size = Math.abs(n)
  for (const [unit, suffix] of UNITS) {
    const scaled = n / unit
    // Only abbreviate when it loses nothing: 12,345 stays "12345" rather than a rounded "12.3K".
    if (size >= unit && Number.isInteger(Math.round(scaled * 1e6) / 1e4)) return `${Math.round(scaled * 100) / 100}${suffix}`
  }
  return String(Math.round(n * 100) / 100)
}

/**
 * Bands between ascending cut points: cuts [10, 50] give "<10", "10-50" (10 <= v < 50) and
 * "50+". Unsorted or repeated cuts are tolerated; `labels` replace the generated ones when
 * there is exactly one per band.
 */
export function customBands(cuts: readonly number[], labels?: readonly string[]): Band[] {
  const points = [...new Set(cuts.filter((c) => Number.isFinite(c)))].sort((a, b) => a - b)
  const bands: Band[] = []
  if (points.length === 0) return [{ label: labels?.[0] ?? 'All', min: -Infinity, max: Infinity }]
  bands.push({ label: `<${compactNumber(points[0]!)}`, min: -Infinity, max: points[0]! })
  for (let i = 0; i + 1 < points.length; i++) {
    bands.push({ label: `${compactNumber(points[i]!)}-${compactNumber(points[i + 1]!)}`, min: points[i]!, max: points[i + 1]! })
  }
  const last = points[points.length - 1]!
  bands.push({ label: `${compactNumber(last)}+`, min: last, max: Infinity })
  if (labels && labels.length === bands.length) return bands.map((band, i) => ({ ...band, label: labels[i]! }))
  return bands
}

/** The bands a bands rule groups into. */
export function bandsForRule(rule: Extract<HygieneRule, { kind: 'bands' }>): readonly Band[] {
  if (rule.preset === 'employees') return EMPLOYEE_BANDS
  if (rule.preset === 'revenue') return REVENUE_BANDS
  return customBands(rule.cuts ?? [], rule.labels)
}
