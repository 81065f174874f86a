/**
 * Sets the level (account or deal) of every attribute column of one table, with its reason: from
 * the table kind, from the data when the table has an account key (is the value the same on
 * every row of one account?), else from the header. See suggest/attribute-level.ts.
 */
import type { AttributeLevel, ColumnRole, TableKind } from '../domain/dataset'
import { columnEntries, type DictionaryColumn } from '../engine/dictionary-column'
import { spellingKey, spellingTokens } from './hygiene/spelling'
import { levelEvidence, suggestLevel, type LevelEvidence } from './suggest/attribute-level'
import { isMissingValue, parseBoolean, parseNumber, parseNumericRange } from './values'

/** The column that says which account a row belongs to, strongest key first. */
const KEY_ROLES: readonly ColumnRole[] = ['account-id', 'account-name', 'domain']

interface LevelledColumn {
  name: string
  role: ColumnRole
  level: AttributeLevel | null
  levelReason: string | null
}

/**
 * The column with every reading of one value sharing a code: "SaaS" on one deal and "saas" on
 * the next, "$12.5M" and "12,500,000", "Yes" and "TRUE" are the same value to the analysis, so
 * messy exports are judged on values, not on how they were typed. High-cardinality columns
 * (amounts, ids) are left as they are: they are never constant anyway.
 */
function byValue(column: DictionaryColumn): DictionaryColumn {
  if (column.unique === false) return column
  const canonical = new Map<string, number>()
  const remap = column.dictionary.map((raw, code) => {
    const key = valueKey(raw)
    const known = canonical.get(key)
    if (known !== undefined) return known
    canonical.set(key, code)
    return code
  })
  if (canonical.size === column.dictionary.length) return column
  return { dictionary: column.dictionary, codes: column.codes.map((code) => remap[code]!) }
}

function valueKey(raw: string): string {
  const truth = parseBoolean(raw)
  if (truth !== null) return truth ? '\u0001yes' : '\u0001no'
  const number = parseNumber(raw) ?? parseNumericRange(raw)?.value ?? null
  if (number !== null) return `\u0002${number}`
  return spellingKey(spellingTokens(raw))
}

/**
 * `evidence` keeps what the data said of a column under a key between calls on the same columns
 * (staging judges them once to guess the table's kind, then again for that kind).
 */
export function applyLevels(
  columns: LevelledColumn[],
  data: readonly DictionaryColumn[],
  missing: ReadonlyArray<ReadonlySet<string>>,
  kind: TableKind,
  evidence: Map<string, LevelEvidence> = new Map()
): void {
  const keyAt = kind === 'accounts' ? -1 : (KEY_ROLES.map((role) => columns.findIndex((c) => c.role === role)).find((i) => i >= 0) ?? -1)
  const missingCodes = (i: number): ((code: number) => boolean) => {
    const entries = columnEntries(data[i]!)
    const flags = new Uint8Array(entries.length)
    for (let code = 0; code < flags.length; code++) flags[code] = isMissingValue(entries.at(code)!, missing[i]!) ? 1 : 0
    return (code) => flags[code] === 1
  }
  let keyMissing: ((code: number) => boolean) | null | undefined
  const evidenceOf = (i: number): LevelEvidence | null => {
    if (keyAt < 0) return null
    const id = `${keyAt}:${i}`
    const known = evidence.get(id)
    if (known !== undefined) return known
    keyMissing ??= missingCodes(keyAt)
    const found = levelEvidence(data[keyAt]!, keyMissing, byValue(data[i]!), missingCodes(i))
    evidence.set(id, found)
    return found
  }
  columns.forEach((column, i) => {
    if (column.role !== 'attribute') {
      column.level = null
      column.levelReason = null
      return
    }
    const { level, reason } = suggestLevel(column.name, kind, evidenceOf(i))
    column.level = level
    column.levelReason = reason
  })
}
