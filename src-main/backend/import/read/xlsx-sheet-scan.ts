/**
 * Walks a worksheet's XML bytes row by row and gives each row's cells as the text cellText()
 * gives the cell SheetJS builds for it (read-xlsx-columns.ts explains why). No DOM and no cell
 * objects: a cell is a few byte ranges, its text a shared string already made, or a number's
 * digits. Markup SheetJS would read differently from a plain reading (namespace prefixes,
 * CDATA, cells without a reference or out of order, unknown elements) is NotForStream.
 */
import type { Buffer } from 'node:buffer'
import { trimCell } from './cell-string'
import { dateText, numberText } from './cell-text'
import { NotForStream } from './not-for-stream'
import { parseDate, stringItemText, unescapeXml } from './sheetjs-xml-text'
import { MAX_GRID_COLUMNS, MAX_GRID_ROWS } from './sheet-grid'
import {
  CellType,
  ERROR_TEXT,
  NumberTexts,
  cellType,
  digitsValue,
  formulaString,
  plainInteger,
  serialText,
  startsAt,
  styleKind
} from './xlsx-cell-values'
import { StyleKind, type XlsxPackage } from './xlsx-package'

/** What SheetJS's sheet walk (workbook-sheets.ts) learns about a sheet: its filled cells and extent. */
export interface SheetExtent {
  filled: number
  /** 0-based; -1 when no cell is filled. */
  lastRow: number
  lastCol: number
}

/**
 * One row of the sheet (0-based `row`): `fields[0..count)` are the texts of its cells, '' where
 * there is none, and `shared[c]` the shared string index a cell's text is (else -1); `filled` says whether a cell holds a value by SheetJS's measure (a number, a
 * date, a non-blank string...), which decides how far down the sheet's rows reach. The array
 * arrays are reused for the next row.
 */
export type SheetRowHandler = (row: number, fields: string[], shared: number[], count: number, filled: boolean, at: number) => void

const LT = 60
const GT = 62
const SLASH = 47
const QUOTE = 34
const APOS = 39
const EQ = 61

function isSpace(b: number): boolean {
  return b === 32 || b === 10 || b === 13 || b === 9
}

/** Index of `word` in b[from, to), or -1. */
function find(b: Buffer, word: string, from: number, to: number): number {
  const at = b.indexOf(word, from, 'latin1')
  return at < 0 || at + word.length > to ? -1 : at
}

/**
 * The bytes between `<sheetData ...>` and `</sheetData>`: the rows scanSheet reads, checking
 * every cell's reference against the grid as it goes (a reference outside it is NotForStream).
 * Null when a part has no such range, or one scanSheet would not read (a prefixed sheetData).
 */
export function sheetDataRange(xml: Buffer): { from: number; to: number } | null {
  if (xml.indexOf(':sheetData', 0, 'latin1') >= 0) return null
  const open = xml.indexOf('<sheetData', 0, 'latin1')
  if (open < 0) return null
  let p = open + 10
  while (p < xml.length && xml[p] !== GT) p++
  if (xml[p - 1] === SLASH) return null
  const end = find(xml, '</sheetData>', p, xml.length)
  if (end < 0) return null
  return { from: p + 1, to: end }
}

/**
 * Scans one worksheet. `onRow` null counts only (a sheet not being imported still has its
 * extent listed, and the fullest sheet is chosen by its filled cells). `mergesMatter`: merged
 * cells change what SheetJS's reader delivers, so a sheet being imported must have none.
 */
export function scanSheet(xml: Buffer, pkg: XlsxPackage, onRow: SheetRowHandler | null, mergesMatter: boolean): SheetExtent {
  const extent: SheetExtent = { filled: 0, lastRow: -1, lastCol: -1 }
  if (xml.indexOf(':sheetData', 0, 'latin1') >= 0) throw new NotForStream('prefixed sheetData')
  if (mergesMatter && xml.indexOf('mergeCell', 0, 'latin1') >= 0) throw new NotForStream('merged cells')
  const cells = sheetDataRange(xml)
  if (cells === null) return extent
  let p = cells.from
  const end = cells.to
  if (find(xml, '<![CDATA[', p, end) >= 0) throw new NotForStream('CDATA')

  const { strings, styles } = pkg
  const fields: string[] = []
  const shared: number[] = []
  const texts = new NumberTexts()
  let lastRow = -1
  for (;;) {
    while (p < end && isSpace(xml[p]!)) p++
    if (p >= end) break
    if (!startsAt(xml, p, '<row') || !(isSpace(xml[p + 4]!) || xml[p + 4] === GT || xml[p + 4] === SLASH)) {
      throw new NotForStream('unexpected markup in sheetData')
    }
    p = tagEnd(xml, p + 4, end)
    if (xml[p - 1] === SLASH) {
      p++
      continue
    }
    p++
    // The row's cells.
    let row = -1
    let count = 0
    let rowFilled = false
    let lastFilledCol = -1
    for (;;) {
      while (p < end && isSpace(xml[p]!)) p++
      if (p >= end) throw new NotForStream('row not closed')
      if (startsAt(xml, p, '</row>')) {
        p += 6
        break
      }
      if (!startsAt(xml, p, '<c') || !(isSpace(xml[p + 2]!) || xml[p + 2] === GT || xml[p + 2] === SLASH)) {
        throw new NotForStream('unexpected markup in a row')
      }
      // Attributes: r, t and s matter; cm, vm, ph and xml:space change nothing SheetJS reads here.
      let q = p + 2
      let refFrom = -1
      let refTo = -1
      let typeFrom = -1
      let typeTo = -1
      let styleFrom = -1
      let styleTo = -1
      let selfClosing = false
      for (;;) {
        while (q < end && isSpace(xml[q]!)) q++
        const b = xml[q]
        if (b === GT) break
        if (b === SLASH && xml[q + 1] === GT) {
          selfClosing = true
          q++
          break
        }
        const nameFrom = q
        while (q < end && xml[q] !== EQ && !isSpace(xml[q]!) && xml[q] !== GT) q++
        const nameTo = q
        while (q < end && isSpace(xml[q]!)) q++
        if (xml[q] !== EQ) throw new NotForStream('attribute without value')
        q++
        while (q < end && isSpace(xml[q]!)) q++
        const quote = xml[q]
        if (quote !== QUOTE && quote !== APOS) throw new NotForStream('unquoted attribute')
        const valueFrom = q + 1
        const valueTo = xml.indexOf(quote, valueFrom)
        if (valueTo < 0 || valueTo >= end) throw new NotForStream('attribute not closed')
        q = valueTo + 1
        const nameLength = nameTo - nameFrom
        const first = xml[nameFrom]
        if (nameLength === 1 && first === 114) {
          refFrom = valueFrom
          refTo = valueTo
        } else if (nameLength === 1 && first === 116) {
          typeFrom = valueFrom
          typeTo = valueTo
        } else if (nameLength === 1 && first === 115) {
          styleFrom = valueFrom
          styleTo = valueTo
        } else if (
          !(nameLength === 2 && (startsAt(xml, nameFrom, 'cm') || startsAt(xml, nameFrom, 'vm') || startsAt(xml, nameFrom, 'ph'))) &&
          !(nameLength === 9 && startsAt(xml, nameFrom, 'xml:space'))
        ) {
          throw new NotForStream('unexpected cell attribute')
        }
      }
      p = q + 1
      // The cell's children: its value, an inline string, a formula (not read).
      let vFrom = -1
      let vTo = -1
      let isFrom = -1
      let isTo = -1
      if (!selfClosing) {
        for (;;) {
          while (p < end && isSpace(xml[p]!)) p++
          if (p >= end) throw new NotForStream('cell not closed')
          if (startsAt(xml, p, '</c>')) {
            p += 4
            break
          }
          if (startsAt(xml, p, '<v') && (xml[p + 2] === GT || isSpace(xml[p + 2]!))) {
            if (vFrom >= 0) throw new NotForStream('two values')
            const close = tagEnd(xml, p + 2, end)
            if (xml[close - 1] === SLASH) throw new NotForStream('empty value element')
            vFrom = close + 1
            vTo = vFrom
            while (vTo < end && xml[vTo] !== LT) vTo++
            if (!startsAt(xml, vTo, '</v>')) throw new NotForStream('markup in a value')
            p = vTo + 4
          } else if (startsAt(xml, p, '<f') && (xml[p + 2] === GT || xml[p + 2] === SLASH || isSpace(xml[p + 2]!))) {
            const close = tagEnd(xml, p + 2, end)
            if (xml[close - 1] === SLASH) p = close + 1
            else {
              const fEnd = find(xml, '</f>', close + 1, end)
              if (fEnd < 0 || xml.indexOf(LT, close + 1) < fEnd) throw new NotForStream('formula')
              p = fEnd + 4
            }
          } else if (startsAt(xml, p, '<is') && (xml[p + 3] === GT || isSpace(xml[p + 3]!))) {
            if (isFrom >= 0) throw new NotForStream('two inline strings')
            const close = tagEnd(xml, p + 3, end)
            if (xml[close - 1] === SLASH) throw new NotForStream('empty inline string element')
            isFrom = close + 1
            isTo = find(xml, '</is>', isFrom, end)
            if (isTo < 0) throw new NotForStream('inline string not closed')
            p = isTo + 5
          } else throw new NotForStream('unexpected markup in a cell')
        }
      }

      // Where the cell is: "AB12", checked against the grid and the row's order.
      if (refFrom < 0) throw new NotForStream('cell without reference')
      let col = 0
      let k = refFrom
      while (k < refTo && xml[k]! >= 65 && xml[k]! <= 90) col = col * 26 + (xml[k++]! - 64)
      const letters = k - refFrom
      if (letters === 0 || letters > 3 || k >= refTo || xml[k] === 48) throw new NotForStream('cell reference')
      let cellRow = 0
      while (k < refTo && xml[k]! >= 48 && xml[k]! <= 57 && cellRow <= MAX_GRID_ROWS) cellRow = cellRow * 10 + (xml[k++]! - 48)
      if (k !== refTo || col > MAX_GRID_COLUMNS || cellRow > MAX_GRID_ROWS) throw new NotForStream('cell reference')
      col--
      cellRow--
      if (row < 0) {
        if (cellRow <= lastRow) throw new NotForStream('rows out of order')
        row = cellRow
      } else if (cellRow !== row) throw new NotForStream('cell outside its row')
      if (col < count) throw new NotForStream('cells out of order')

      // The cell's value, as SheetJS reads it; `continue` where SheetJS makes no cell at all.
      const type = cellType(xml, typeFrom, typeTo)
      const hasValue = vFrom >= 0 && vTo > vFrom
      let text = ''
      let filled = true
      let source = -1
      if (type === CellType.Number) {
        if (!hasValue) continue
        const kind = styles === null || styleFrom < 0 ? StyleKind.Number : styleKind(styles, xml, styleFrom, styleTo)
        if (kind === StyleKind.Unknown) throw new NotForStream('number format SheetJS cannot read')
        const whole = plainInteger(xml, vFrom, vTo)
        if (whole !== null) text = kind === StyleKind.Date ? texts.date(whole) : texts.integer(whole)
        else {
          const raw = xml.toString('latin1', vFrom, vTo)
          const v = raw.indexOf('&') >= 0 ? unescapeXml(raw) : raw
          if (v === '') continue
          text = kind === StyleKind.Date ? serialText(parseFloat(v)) : numberText(parseFloat(v))
        }
      } else if (type === CellType.Shared) {
        if (!hasValue) continue
        const index = digitsValue(xml, vFrom, vTo) ?? parseInt(unescapeXml(xml.toString('latin1', vFrom, vTo)), 10)
        const value = strings?.[index]
        if (value === undefined) throw new NotForStream('shared string missing')
        text = value
        filled = value !== ''
        source = index
      } else if (type === CellType.FormulaString) {
        text = hasValue ? formulaString(xml, vFrom, vTo) : ''
        filled = text !== ''
      } else if (type === CellType.Inline) {
        const value = isFrom < 0 ? '' : stringItemText(xml.toString('latin1', isFrom, isTo))
        text = value === undefined ? '' : trimCell(value)
        filled = text !== ''
      } else if (type === CellType.Boolean) {
        const v = hasValue ? unescapeXml(xml.toString('latin1', vFrom, vTo)) : undefined
        text = v === '1' || v === 'true' ? 'TRUE' : 'FALSE'
      } else if (type === CellType.Date) {
        if (!hasValue) throw new NotForStream('date without value')
        text = dateText(parseDate(unescapeXml(xml.toString('latin1', vFrom, vTo))))
      } else if (type === CellType.Error) {
        const v = hasValue ? unescapeXml(xml.toString('latin1', vFrom, vTo)) : undefined
        const known = v === undefined ? undefined : ERROR_TEXT.get(v)
        if (v !== undefined && known === undefined && v in Object.prototype) throw new NotForStream('error code')
        text = known ?? '#ERROR!'
        filled = known !== undefined
      } else throw new NotForStream('cell type')

      if (onRow !== null) {
        while (count < col) {
          fields[count] = ''
          shared[count++] = -1
        }
        fields[count] = text
        shared[count++] = source
      } else count = col + 1
      if (filled) {
        rowFilled = true
        extent.filled++
        if (col > lastFilledCol) lastFilledCol = col
      }
    }
    if (row < 0) continue
    lastRow = row
    if (rowFilled) {
      extent.lastRow = row
      if (lastFilledCol > extent.lastCol) extent.lastCol = lastFilledCol
    }
    onRow?.(row, fields, shared, count, rowFilled, p)
  }
  return extent
}

/** Just past a start tag's name: the index of its closing '>'. */
function tagEnd(b: Buffer, from: number, end: number): number {
  let q = from
  while (q < end) {
    const c = b[q]
    if (c === GT) return q
    if (c === QUOTE || c === APOS) {
      const close = b.indexOf(c, q + 1)
      if (close < 0 || close >= end) break
      q = close + 1
      continue
    }
    q++
  }
  throw new NotForStream('tag not closed')
}
