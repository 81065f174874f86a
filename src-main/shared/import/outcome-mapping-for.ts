import type { Outcome } from '../domain/dataset'
import type { OutcomeMappingEntry } from '../domain/import'
import { suggestOutcomeMapping } from './suggest'

/**
 * What each value of the outcome column means: the workspace's saved mapping where it has the
 * value, else the suggestion ("Closed Won" -> won). The Data section, the import review and
 * the engine all read outcomes through this one function, so their counts always agree.
 */
export function outcomeMappingFor(
  values: ReadonlyArray<{ value: string; count: number }>,
  saved: Iterable<readonly [string, Outcome | null]>
): OutcomeMappingEntry[] {
  const known = new Map(saved)
  const suggested = new Map(suggestOutcomeMapping(values).map((s) => [s.value, s.outcome]))
  return [...values]
    .sort((a, b) => b.count - a.count)
    .map(({ value, count }) => ({
      value,
      count,
      outcome: known.has(value) ? (known.get(value) ?? null) : (suggested.get(value) ?? null)
    }))
}
