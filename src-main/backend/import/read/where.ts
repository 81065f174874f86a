/** Helpers that phrase locations the way a spreadsheet user reads them. */

/** 0-based column index to its spreadsheet letters: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    out = String.fromCharCode(65 + rem) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** `accounts.xlsx, sheet "Accounts", row 14` — the prefix of every located message. */
export function where(fileName: string, sheet: string | null, row?: number): string {
  let out = fileName
  if (sheet !== null) out += `, sheet "${sheet}"`
  if (row !== undefined) out += `, row ${row}`
  return out
}

/** A cell value quoted for a message, shortened so one odd cell cannot flood the sentence. */
export function quoteValue(value: string): string {
  const flat = value.replace(/\s+/g, ' ')
  return `"${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}"`
}

/** Sizes with binary units, as file managers show them: 612 MB, 3.4 MB, 12.0 KB, 900 bytes. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 10) return `${Math.round(mb).toLocaleString('en-US')} MB`
  if (mb >= 1) return `${mb.toFixed(1)} MB`
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`
}

/** The file's own name for messages, without any folders a caller may have passed along. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName
}
