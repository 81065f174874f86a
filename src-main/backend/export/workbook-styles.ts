import type { Alignment, Borders, Fill, Font, Style } from 'exceljs'

/**
 * The workbook's look, in one place: a dark header band, inputs the client may change in a
 * pale yellow (the spreadsheet convention for "type here"), tier colours from the scorecard.
 */

export const BRAND = '1F3A5F'
const HEADER_TEXT = 'FFFFFF'
const INPUT_FILL = 'FFF4CC'
const SECTION_TEXT = '1F3A5F'

const solid = (rgb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } })
const thinBottom: Partial<Borders> = { bottom: { style: 'thin', color: { argb: 'FFBFC7D5' } } }

export const NUMBER_FORMATS = {
  whole: '0',
  points: '+0;-0;0',
  thousands: '#,##0',
  decimal: '#,##0.##',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  text: '@'
} as const

export const headerStyle: Partial<Style> = {
  font: { bold: true, color: { argb: `FF${HEADER_TEXT}` } },
  fill: solid(BRAND),
  alignment: { vertical: 'middle', wrapText: true },
  border: thinBottom
}

export const titleFont: Partial<Font> = { bold: true, size: 16, color: { argb: `FF${SECTION_TEXT}` } }
export const sectionFont: Partial<Font> = { bold: true, size: 12, color: { argb: `FF${SECTION_TEXT}` } }
export const noteFont: Partial<Font> = { italic: true, color: { argb: 'FF5A6577' } }
export const labelFont: Partial<Font> = { bold: true }
export const wrapTop: Partial<Alignment> = { vertical: 'top', wrapText: true }

export const inputStyle: Partial<Style> = {
  fill: solid(INPUT_FILL),
  font: { bold: true },
  numFmt: NUMBER_FORMATS.whole,
  border: { top: { style: 'thin', color: { argb: 'FFD9B44A' } }, bottom: { style: 'thin', color: { argb: 'FFD9B44A' } } }
}

/** "#2f855a" (or "2f855a", "#abc") as ARGB; anything else as a neutral grey. */
export function argb(color: string | undefined): string {
  const hex = (color ?? '').trim().replace(/^#/, '')
  if (/^[0-9a-f]{6}$/i.test(hex)) return `FF${hex.toUpperCase()}`
  if (/^[0-9a-f]{3}$/i.test(hex))
    return `FF${[...hex]
      .map((c) => c + c)
      .join('')
      .toUpperCase()}`
  return 'FFA0AEC0'
}

/** A tier's colour as a light fill with dark text, readable in print and on screen. */
export function tierFill(color: string | undefined): Fill {
  const rgb = argb(color).slice(2)
  const mix = (i: number) => Math.round(parseInt(rgb.slice(i, i + 2), 16) * 0.35 + 255 * 0.65)
  const light = [0, 2, 4]
    .map((i) => mix(i).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
  return solid(light)
}

export const disqualifiedFill = solid('E2E8F0')
