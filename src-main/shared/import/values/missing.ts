import { DEFAULT_MISSING_TOKENS } from '@shared/domain/dataset'

/** The placeholders that mean "no value" ("N/A", "-", "Select"), ready for isMissingValue. */
export function missingTokenSet(tokens: readonly string[] = DEFAULT_MISSING_TOKENS): ReadonlySet<string> {
  const set = new Set<string>([''])
  for (const token of tokens) set.add(token.trim().toLowerCase())
  return set
}

/** Longest token per set (sets are never changed after they are made), so long values skip the lower-casing. */
const longestBySet = new WeakMap<ReadonlySet<string>, number>()

/** Whether a raw cell is blank or one of the placeholder tokens (trimmed, case-insensitive). */
export function isMissingValue(raw: string, tokens: ReadonlySet<string>): boolean {
  let longest = longestBySet.get(tokens)
  if (longest === undefined) {
    longest = 0
    for (const token of tokens) longest = Math.max(longest, token.length)
    longestBySet.set(tokens, longest)
  }
  // Most cells are real values longer than any placeholder: answer without allocating.
  if (raw.length > longest) {
    const first = raw.charCodeAt(0)
    const last = raw.charCodeAt(raw.length - 1)
    if (first > 32 && first !== 0xa0 && last > 32 && last !== 0xa0) return false
  }
  const value = raw.trim()
  return value === '' || tokens.has(value.toLowerCase())
}
