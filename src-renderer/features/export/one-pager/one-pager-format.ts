/** How the one-pager writes its figures: short, and honest when a figure does not exist. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function formatPercent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`
}

export function formatLift(lift: number | null): string {
  return lift === null ? '–' : `${lift.toFixed(1)}×`
}

export function formatAuc(auc: number | null): string {
  return auc === null ? '–' : auc.toFixed(2)
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function formatDays(days: number | null): string {
  return days === null ? '–' : `${Math.round(days)} d`
}

/** "2026-03-05" -> "Mar 2026" (month precision is what a date range on a one-pager needs). */
export function formatMonth(iso: string | null): string {
  if (!iso) return '–'
  const [year, month] = iso.split('-')
  return `${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`.trim()
}

/** "2026-03-05" -> "March 5, 2026". */
export function formatLongDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  return `${long[Number(match[2]) - 1] ?? ''} ${Number(match[3])}, ${match[1]}`
}

/** Tier score ranges from the tiers' minimums (highest first): "80-100", "60-79", "0-59". */
export function tierRanges(tiers: ReadonlyArray<{ min: number }>): string[] {
  return tiers.map((tier, i) => {
    const from = i === tiers.length - 1 ? 0 : tier.min
    const to = i === 0 ? 100 : (tiers[i - 1]?.min ?? 101) - 1
    return `${from}-${to}`
  })
}

/** Points with their sign, as a scorecard prints them: "+30", "-10". */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points).replace('-', '−')
}
