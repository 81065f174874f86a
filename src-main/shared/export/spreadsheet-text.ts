/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start)
 * is written with a leading apostrophe, so client data can never execute in Excel. Numbers are
 * left alone.
 */
export function neutralizeFormula(value: string | number): string | number {
  if (typeof value === 'number') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function toCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (value: string | number): string => {
    const text = String(neutralizeFormula(value))
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
