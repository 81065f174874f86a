/** The spellings of yes and no that CRM checkboxes export as. */
const BOOLEAN_TOKENS: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['y', true],
  ['true', true],
  ['t', true],
  ['1', true],
  ['x', true],
  ['✓', true],
  ['✔', true],
  ['on', true],
  ['checked', true],
  ['no', false],
  ['n', false],
  ['false', false],
  ['f', false],
  ['0', false],
  ['off', false],
  ['unchecked', false]
])

const LONGEST_TOKEN = 9

/**
 * Yes/No, TRUE/FALSE, Y/N, 1/0, x/✓, on/off, checked/unchecked (trimmed, case-insensitive).
 * Blank is not decided here: in an "x or blank" column it means false, elsewhere it is missing.
 */
export function parseBoolean(raw: string): boolean | null {
  // Longer values cannot be a token even with some padding: skip the trim and lower-casing.
  if (raw.length > LONGEST_TOKEN + 4) return null
  return BOOLEAN_TOKENS.get(raw.trim().toLowerCase()) ?? null
}
