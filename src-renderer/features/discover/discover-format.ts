import type { DiscoverAttribute, DiscoverReport } from '@shared/domain/discover'

/** Numbers on the Discover screen: fixed decimals so columns line up and nothing looks more precise than it is. */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
const money = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 })

export const DASH = '—'

export function count(value: number): string {
  return integer.format(value)
}

export function pct(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : percent.format(value)
}

export function fixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH
  return value.toFixed(digits)
}

export function lift(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : `${value.toFixed(2)}×`
}

export function interval(ci: readonly [number | null, number | null]): string {
  const [lo, hi] = ci
  return lo === null || hi === null ? DASH : `${pct(lo)} – ${pct(hi)}`
}

export function revenue(value: number): string {
  return money.format(value)
}

/** Whether the Wilson interval still allows the base rate: the value may well be ordinary. */
export function includesBase(ci: readonly [number | null, number | null], base: number | null): boolean {
  const [lo, hi] = ci
  return base !== null && lo !== null && hi !== null && lo <= base && base <= hi
}

export const STRENGTH_LABELS: Record<DiscoverAttribute['strength'], string> = {
  none: 'No signal',
  weak: 'Weak',
  medium: 'Medium',
  strong: 'Strong'
}

export const STRENGTH_HINTS: Record<DiscoverAttribute['strength'], string> = {
  none: 'Information value under 0.02: no usable difference',
  weak: 'Information value 0.02–0.1: a slight difference',
  medium: 'Information value 0.1–0.3: a useful difference',
  strong: 'Information value 0.3 or more: a strong difference'
}

export const TARGET_WORDS = {
  won: { positive: 'won', negative: 'lost', unit: 'deals', rate: 'Win rate', sentence: 'won from lost deals' },
  best: { positive: 'best', negative: 'rest', unit: 'accounts', rate: 'Best rate', sentence: 'best customers from the rest' },
  retained: { positive: 'retained', negative: 'churned', unit: 'customers', rate: 'Retention', sentence: 'retained from churned customers' }
} as const

/** The counts an attribute's evidence is in: accounts for an account fact, deals for a deal fact. */
export function unitTotals(
  report: DiscoverReport,
  attribute: Pick<DiscoverAttribute, 'unit'>
): { n: number; positives: number; baseRate: number | null; noun: string } {
  if (attribute.unit === 'account' && report.accounts) {
    return { n: report.accounts.n, positives: report.accounts.positives, baseRate: report.accounts.baseRate, noun: 'accounts' }
  }
  return { n: report.n, positives: report.positives, baseRate: report.baseRate, noun: 'deals' }
}
