/**
 * ODS compresses repetition into attributes: one <table:table-row number-rows-repeated="1000000">
 * holding a cell with number-columns-repeated="16384" is a few bytes of XML but 16 billion cells
 * to SheetJS. The zip checks cannot see that, so the cell count is worked out from the XML
 * before SheetJS expands it. Empty repeated cells (LibreOffice pads every sheet with them) are
 * free and not counted.
 */

export const MAX_ODS_CELLS = 50_000_000

const TOKEN = /<table:(table-row|table-cell|covered-table-cell)\b([^>]*)>|<\/table:table-row>/g
const ROWS_REPEATED = /number-rows-repeated="(\d+)"/
const COLUMNS_REPEATED = /number-columns-repeated="(\d+)"/

function repeat(attributes: string, pattern: RegExp): number {
  const m = pattern.exec(attributes)
  return m?.[1] === undefined ? 1 : Number(m[1])
}

/** Cells holding a value once every repetition is expanded, stopping early past the limit. */
export function expandedOdsCells(contentXml: string, limit = MAX_ODS_CELLS): number {
  let total = 0
  let rowRepeat = 1
  let rowCells = 0
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(contentXml); m !== null; m = TOKEN.exec(contentXml)) {
    const kind = m[1]
    const attributes = m[2] ?? ''
    if (kind === undefined) {
      total += rowRepeat * rowCells
      rowRepeat = 1
      rowCells = 0
      if (total > limit) return total
    } else if (kind === 'table-row') {
      // A self-closing row has no cells at all.
      rowRepeat = attributes.endsWith('/') ? 1 : repeat(attributes, ROWS_REPEATED)
      rowCells = 0
    } else if (attributes.includes('office:value-type')) {
      rowCells += repeat(attributes, COLUMNS_REPEATED)
    }
  }
  return total
}
