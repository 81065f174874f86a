/**
 * A SheetJS cell as the plain string the rest of the import sees: raw numbers (not their
 * display format), ISO dates, TRUE/FALSE, Excel's error codes, trimmed text.
 */
import type { CellObject } from 'xlsx'
import { trimCell } from './cell-string'

/** BIFF error codes, as SheetJS leaves them when formatted text is not generated. */
const ERROR_TEXT = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA']
])

/**
 * Excel keeps 15 significant digits; anything past that is binary noise from the writer
 * (0.1 + 0.2 stored as 0.30000000000000004), which Excel never shows.
 */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return ''
  if (Number.isInteger(v)) return String(v)
  return String(Number(v.toPrecision(15)))
}

/** "2024-03-05", or "2024-03-05T14:30:00" when there is a time of day (to the nearest second). */
export function dateText(d: Date): string {
  const ms = d.getTime()
  if (Number.isNaN(ms)) return ''
  // Serial day fractions land a hair off the second (14:29:59.9997); round like Excel displays.
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19)
}

export function cellText(cell: CellObject | null | undefined): string {
  if (cell === null || cell === undefined) return ''
  const v = cell.v
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? trimCell(v) : v === undefined ? '' : trimCell(String(v))
    case 'n':
      return typeof v === 'number' ? numberText(v) : ''
    case 'b':
      return v === true ? 'TRUE' : 'FALSE'
    case 'd':
      if (v instanceof Date) return dateText(v)
      return typeof v === 'string' ? trimCell(v) : ''
    case 'e':
      return cell.w ?? (typeof v === 'number' ? ERROR_TEXT.get(v) : undefined) ?? '#ERROR!'
    default:
      return ''
  }
}
