/** A file size as people read it: "812 B", "24.0 KB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * A name made safe as a file name on every system: characters Windows, macOS or Linux refuse
 * become "-", leading dots and spaces go (no hidden or relative names), long names are cut.
 */
export function safeFileName(name: string, fallback: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not contain
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 100)
    .trim()
  return safe || fallback
}

/** Right-to-left letters and every explicit direction control (embeddings, overrides, isolates, marks). */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]/

/**
 * A user's or the data's text as it goes inside a sentence the app writes: wrapped in a
 * first-strong isolate (FSI ... PDI) when it holds right-to-left text or a direction control, so
 * an override in a tier name or a value ends with it instead of reversing the rest of the
 * sentence (on the page, in the workbook and in the CSV alike). Plain text is left as it is.
 */
export function isolated(text: string): string {
  return BIDI.test(text) ? `\u2068${text}\u2069` : text
}

/** The text without the isolates `isolated` adds: for names a CRM field or a plain table cell takes as they are. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '')
}

/** The text with its first letter in capitals: "win rate" -> "Win rate", for a label or a sentence that starts with it. */
export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

/** One of the app's plural nouns of records: "deals" -> "deal", "decided deals" -> "decided deal", "customers" -> "customer". */
export function singular(plural: string): string {
  return plural.replace(/s$/, '')
}
