import { DEFAULT_MISSING_TOKENS } from '@shared/domain/dataset'

/** The placeholders that mean "no value" ("N/A", "-", "Select"), ready for isMissingValue. */
export function missingTokenSet(tokens: readonly string[] = DEFAULT_MISSING_TOKENS): ReadonlySet<string> {
  const set = new Set<string>([''])
  for (const token of tokens) set.add(token.trim().toLowerCase())
  return set
}

/** Longest token per set (sets are never changed after they are made), so long values skip the lower-casing. */
const longestBySet = new WeakMap<ReadonlySet<string>, number>()

/** The length of the set's longest token: a trimmed value longer than it is never missing. */
function longestToken(tokens: ReadonlySet<string>): number {
  let longest = longestBySet.get(tokens)
  if (longest === undefined) {
    longest = 0
    for (const token of tokens) longest = Math.max(longest, token.length)
    longestBySet.set(tokens, longest)
  }
  return longest
}

/** Whether a value is empty or has no space at either end, so that trimming leaves it as it is. */
export function isTrimmed(value: string): boolean {
  if (value.length === 0) return true
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(value.length - 1)
  return first > 32 && first !== 0xa0 && last > 32 && last !== 0xa0
}

/** Whether a raw cell is blank or one of the placeholder tokens (trimmed, case-insensitive). */
export function isMissingValue(raw: string, tokens: ReadonlySet<string>): boolean {
  // Most cells are real values longer than any placeholder: answer without allocating.
  if (raw.length > longestToken(tokens) && isTrimmed(raw)) return false
  const value = raw.trim()
  return value === '' || tokens.has(value.toLowerCase())
}
