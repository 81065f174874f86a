/**
 * Spreadsheet formula injection: a value from the client's data that starts with =, +, -, @,
 * tab or carriage return would be run as a formula by Excel, LibreOffice or Google Sheets when
 * the file is opened (=HYPERLINK to a phishing site, =cmd|… DDE). Every export asks this one
 * module: text formats (CSV) get a leading apostrophe, XLSX writes such a value as a string cell
 * formatted as text (see backend/export/workbook-cells.ts), so it is never a formula either way.
 */

/** The characters that make a spreadsheet read a typed-in or imported value as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text)
}

/** For text formats: a leading apostrophe, which spreadsheets read as "this is text". Numbers are left alone. */
export function neutralizeFormula(value: string | number): string | number {
  if (typeof value === 'number') return value
  return startsLikeFormula(value) ? `'${value}` : value
}

/** RFC 4180 CSV (CRLF, quotes doubled), every cell neutralised first. */
export function toCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (value: string | number): string => {
    const text = String(neutralizeFormula(value))
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
