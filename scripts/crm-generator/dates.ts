/**
 * Calendar arithmetic on whole UTC days.
 *
 * The truth keeps dates as ISO "YYYY-MM-DD" strings and the generator works in day numbers
 * (days since 1970-01-01 UTC) so nothing ever depends on the machine's time zone. Conversions
 * are done arithmetically (Hinnant's civil-date algorithms) rather than through Date objects,
 * because a million-row export converts several million dates.
 */

const MS_PER_DAY = 86_400_000
/** Excel's serial day 0 is 1899-12-30 (the 1900 leap-year bug is folded into this epoch). */
const EXCEL_EPOCH_DAY = -25_569

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** Parts of a day number, for formats such as US m/d/yyyy. */
export function dayParts(day: number): { y: number; m: number; d: number } {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48

export function isoToDay(iso: string): number {
  const cached = dayByIso.get(iso)
  if (cached !== undefined) return cached
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3)
  const m = digit(iso, 5) * 10 + digit(iso, 6)
  const d = digit(iso, 8) * 10 + digit(iso, 9)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || m < 1 || m > 12 || d < 1 || d > 31) throw new Error(`not an ISO date: ${iso}`)
  return daysFromCivil(y, m, d)
}

/**
 * Exports span a few thousand distinct days but format millions of dates, so ISO strings are
 * memoised both ways (day 0 = 1970-01-01; the cache covers 1900-2100).
 */
const CACHE_FROM = -25_567
const CACHE_DAYS = 73_000
const isoByDay: (string | undefined)[] = new Array<string | undefined>(CACHE_DAYS).fill(undefined)
const dayByIso = new Map<string, number>()

export function dayToIso(day: number): string {
  const slot = day - CACHE_FROM
  const cached = isoByDay[slot]
  if (cached !== undefined) return cached
  const { y, m, d } = dayParts(day)
  const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
  if (slot >= 0 && slot < CACHE_DAYS) {
    isoByDay[slot] = iso
    dayByIso.set(iso, day)
  }
  return iso
}

export function dayToDate(day: number, minutes = 0): Date {
  return new Date(day * MS_PER_DAY + minutes * 60_000)
}

export function dayToExcelSerial(day: number): number {
  return day - EXCEL_EPOCH_DAY
}

/** Same day of month, months later (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = dayParts(isoToDay(iso))
  const index = y * 12 + (m - 1) + months
  const ny = Math.floor(index / 12)
  const nm = index - ny * 12 + 1
  const lastDay = dayParts(daysFromCivil(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - 1).d
  return dayToIso(daysFromCivil(ny, nm, Math.min(d, lastDay)))
}
