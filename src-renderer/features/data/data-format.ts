import type { ColumnType } from '@shared/domain/dataset'

/** Numbers in the Data section: always with thousands separators, in the user's locale. */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 })

export function formatCount(value: number): string {
  return integer.format(value)
}

/** "12%", or "<1%" so a handful of missing cells never reads as none. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—'
  const share = (part / whole) * 100
  if (part > 0 && share < 1) return '<1%'
  return `${Math.round(share)}%`
}

/** Axis numbers of histograms, where width is scarce: 1.2K, 35M. */
export function formatCompact(value: number): string {
  return compact.format(value)
}

/** A number, range or date column's value where width is scarce; dates arrive as epoch ms (UTC). */
export function formatScaleValue(value: number, type: ColumnType): string {
  if (type !== 'date') return formatCompact(value)
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' })
}

export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second'
  if (seconds < 60) return `${Math.round(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  const rest = Math.round(seconds % 60)
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}
