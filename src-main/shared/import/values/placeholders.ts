/**
 * Which placeholder spellings mean "no value" in one column, decided from that column's data.
 *
 * A global list cannot decide this: "None" is a placeholder in a Python dump but a real answer
 * in a Competitor column (no competitor: a large group with its own win rate), "NA" is North
 * America in a Territory column, and 999 in "days since last contact" means "never contacted".
 * The workspace's list of tokens is a hint; each column keeps the spellings that behave like a
 * category and drops the ones that behave like a gap, and says why either way.
 */
import type { ColumnType, PlaceholderDecision, ValueCount } from '@shared/domain/dataset'
import { parseNumber } from './parse-number'

/**
 * Hint tokens that are also plain words a CRM uses as a value: "None" (no competitor, no
 * funding), "NA" (North America). Every other hint ("N/A", "-", "unknown", "TBD") only ever
 * stands for a missing answer.
 */
const AMBIGUOUS = new Set(['none', 'na'])
/** A word value this frequent (share of filled rows, and rows) is an answer, not a gap. */
const VALUE_SHARE = 0.01
const VALUE_ROWS = 5
/** A numeric code for "not applicable" (999, -1) must hold this share of rows to be recognised. */
const SENTINEL_SHARE = 0.05
const WORD_TYPES: ReadonlySet<ColumnType> = new Set(['category', 'multi', 'text', 'id'])

export interface PlaceholderInput {
  /** Distinct trimmed values with row counts, blanks excluded, hint tokens still present. */
  values: readonly ValueCount[]
  /** The column's type, inferred without the hint tokens. */
  type: ColumnType
  /** The workspace's hint tokens, lower case. */
  hints: ReadonlySet<string>
  /** The user's choices for this column: lower-case token -> missing. */
  choices?: ReadonlyMap<string, boolean>
}

const share = (count: number, total: number): string => `${Math.round((100 * count) / Math.max(1, total))}%`
const rows = (count: number): string => `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`

function fromHint(token: string, count: number, filled: number, type: ColumnType): PlaceholderDecision {
  const lower = token.toLowerCase()
  if (!AMBIGUOUS.has(lower)) {
    return { token, count, missing: true, reason: 'stands for a missing answer' }
  }
  if (!WORD_TYPES.has(type)) {
    return { token, count, missing: true, reason: `a placeholder among ${type === 'boolean' ? 'yes/no values' : `${type}s`}` }
  }
  if (count >= VALUE_ROWS && count >= VALUE_SHARE * filled) {
    return {
      token,
      count,
      missing: false,
      reason: `${share(count, filled)} of the filled rows, and reads as one of the column's values (a real “${token}”)`
    }
  }
  return { token, count, missing: true, reason: `rare (${rows(count)}): read as a placeholder` }
}

/** 99, 999, 9999 …, -1, -99, -999: the codes forms use for "not applicable". */
const CODE_SPELLING = /^(?:9{2,}|-1|-9{2,})(?:\.0+)?$/

/**
 * A number that stands for "none" (999 = never contacted, -1 = not applicable): frequent, and far
 * outside the range of the other values.
 */
function sentinel(values: readonly ValueCount[], filled: number): PlaceholderDecision | null {
  // Only a frequent spelling can be a code; the other values are read only when one is found.
  for (const value of values) {
    if (value.count < SENTINEL_SHARE * filled || !CODE_SPELLING.test(value.value)) continue
    const n = parseNumber(value.value)
    if (n === null) continue
    const nines = n > 0
    let min = Infinity
    let max = -Infinity
    for (const other of values) {
      if (other === value) continue
      const m = parseNumber(other.value)
      if (m === null) continue
      if (m < min) min = m
      if (m > max) max = m
    }
    if (min === Infinity) continue
    const outside = nines ? max * 5 < n : min >= 0
    if (!outside) continue
    return {
      token: value.value,
      count: value.count,
      missing: true,
      reason:
        `${share(value.count, filled)} of the rows, far outside the other values ` +
        `(${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}): a code for “none”, not a number`
    }
  }
  return null
}

/** Every placeholder spelling found in the column, with whether it counts as missing here and why. */
export function decidePlaceholders(input: PlaceholderInput): PlaceholderDecision[] {
  const { values, type, hints, choices } = input
  let filled = 0
  for (const v of values) filled += v.count
  const decisions: PlaceholderDecision[] = []
  for (const { value, count } of values) {
    if (hints.has(value.toLowerCase())) decisions.push(fromHint(value, count, filled, type))
  }
  if (type === 'number') {
    const found = sentinel(values, filled)
    if (found) decisions.push(found)
  }
  // The user's choice for a spelling wins, and a choice for a spelling the hints do not know adds it.
  if (choices) {
    for (const [token, missing] of choices) {
      const at = decisions.findIndex((d) => d.token.toLowerCase() === token)
      const count = values.find((v) => v.value.toLowerCase() === token)?.count ?? 0
      if (at < 0 && count === 0) continue
      const reason = missing ? 'you chose to treat it as missing in this column' : 'you chose to keep it as a value in this column'
      const decision = {
        token: at >= 0 ? decisions[at]!.token : (values.find((v) => v.value.toLowerCase() === token)?.value ?? token),
        count,
        missing,
        reason
      }
      if (at >= 0) decisions[at] = decision
      else decisions.push(decision)
    }
  }
  return decisions.sort((a, b) => b.count - a.count)
}

/** The lower-case spellings that count as missing in the column (blank always does). */
export function missingSpellings(decisions: readonly PlaceholderDecision[]): string[] {
  return ['', ...decisions.filter((d) => d.missing).map((d) => d.token.toLowerCase())]
}
