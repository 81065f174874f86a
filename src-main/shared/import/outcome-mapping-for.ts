import type { Outcome } from '../domain/dataset'
import type { OutcomeMappingEntry } from '../domain/import'
import { binaryOutcomePolarity } from './suggest/binary-outcome'
import { suggestOutcomeMapping } from './suggest'
import { parseBoolean } from './values/parse-boolean'

/**
 * The key an outcome value is remembered by: case and spacing do not count, and the spellings
 * of yes and no are one value each. So a mapping made for "True" in a CSV holds for "TRUE" in
 * next quarter's XLSX, and one made for the Yes/No a review screen shows holds for the 1/0 the
 * file stores.
 */
export function outcomeKey(value: string): string {
  const truth = parseBoolean(value)
  if (truth !== null) return truth ? '\u0001yes' : '\u0001no'
  return value.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * What each value of the outcome column means: the workspace's saved mapping where it has the
 * value, else the suggestion ("Closed Won" -> won; for a two-valued flag, yes -> won, or lost
 * when the column's name says churn). The Data section, the import review and the engine all
 * read outcomes through this one function, so their counts always agree.
 */
export function outcomeMappingFor(
  values: ReadonlyArray<{ value: string; count: number }>,
  saved: Iterable<readonly [string, Outcome | null]>,
  column: string | null = null
): OutcomeMappingEntry[] {
  const known = new Map<string, Outcome | null>()
  for (const [value, outcome] of saved) known.set(outcomeKey(value), outcome)
  const polarity = column === null ? 'won' : (binaryOutcomePolarity(column) ?? 'won')
  const suggested = new Map(suggestOutcomeMapping(values, polarity).map((s) => [s.value, s.outcome]))
  return [...values]
    .sort((a, b) => b.count - a.count)
    .map(({ value, count }) => {
      const key = outcomeKey(value)
      return { value, count, outcome: known.has(key) ? (known.get(key) ?? null) : (suggested.get(value) ?? null) }
    })
}
