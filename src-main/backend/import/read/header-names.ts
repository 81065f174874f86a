/**
 * Final column names from the raw header cells: cleaned, blank ones named after their group
 * title or their column letter, empty columns dropped, duplicates made unique. Names are only
 * ever kept in arrays and Maps, so "__proto__" or "constructor" are ordinary names.
 */
import { columnLetter } from './where'

export interface HeaderPlan {
  headers: string[]
  /** Source column of each header. */
  keep: number[]
  warnings: string[]
}

export interface HeaderInput {
  /** Header cells by source column (length = the header's width). */
  raw: readonly string[]
  /** Group titles by source column from a merged row above the header, used for blank header cells. */
  groups: readonly string[] | null
  /** Whether a source column holds any data below the header. */
  hasData: (column: number) => boolean
  /** Location prefix for warnings, e.g. `accounts.xlsx, sheet "Accounts", row 5`. */
  at: string
}

export function cleanHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function letters(columns: readonly number[]): string {
  const names = columns.map(columnLetter)
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}

export function planHeaders(input: HeaderInput): HeaderPlan {
  const { raw, groups, hasData, at } = input
  const names: string[] = []
  const keep: number[] = []
  const warnings: string[] = []
  const unnamed: number[] = []
  for (let c = 0; c < raw.length; c++) {
    let name = cleanHeader(raw[c] ?? '')
    if (name === '') {
      // A column with neither a header nor data is an artefact (a trailing delimiter, an
      // unused custom field under a group title): drop it rather than invent a name.
      if (!hasData(c)) continue
      name = cleanHeader(groups?.[c] ?? '')
    }
    if (name === '') {
      name = `Column ${columnLetter(c)}`
      unnamed.push(c)
    }
    names.push(name)
    keep.push(c)
  }
  if (unnamed.length > 0) {
    const which = unnamed.length === 1 ? `column ${letters(unnamed)} has` : `columns ${letters(unnamed)} have`
    const named = unnamed.map((c) => `"Column ${columnLetter(c)}"`).join(', ')
    warnings.push(`${at}: ${which} data but no header; named ${named}.`)
  }
  return { headers: dedupe(names, keep, at, warnings), keep, warnings }
}

/** "Industry", "Industry (2)", compared case-insensitively, with one warning per repeated name. */
function dedupe(names: readonly string[], keep: readonly number[], at: string, warnings: string[]): string[] {
  const taken = new Set(names.map((n) => n.toLowerCase()))
  const seen = new Map<string, { columns: number[]; renamed: string[] }>()
  const out: string[] = []
  names.forEach((name, i) => {
    const key = name.toLowerCase()
    const entry = seen.get(key)
    if (entry === undefined) {
      seen.set(key, { columns: [keep[i] ?? 0], renamed: [] })
      out.push(name)
      return
    }
    let k = entry.columns.length + 1
    while (taken.has(`${name} (${k})`.toLowerCase())) k++
    const unique = `${name} (${k})`
    taken.add(unique.toLowerCase())
    entry.columns.push(keep[i] ?? 0)
    entry.renamed.push(`"${unique}"`)
    out.push(unique)
  })
  for (const [, entry] of seen) {
    if (entry.renamed.length === 0) continue
    const first = out[keep.indexOf(entry.columns[0] ?? 0)] ?? ''
    warnings.push(
      `${at}: the header "${first}" appears ${entry.columns.length} times (columns ${letters(entry.columns)}); renamed to ${entry.renamed.join(', ')}.`
    )
  }
  return out
}
