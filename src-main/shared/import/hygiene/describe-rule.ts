/** One line per hygiene rule, for the rule list in the Data section. */
import type { HygieneRule } from '@shared/domain/data-views'
import { bandsForRule } from './bands'

const MAX_LISTED = 4

const quoted = (value: string): string => `"${value}"`

/** "a", "b", "c" and 5 more: long merge lists stay one line. */
function listOf(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED).map(quoted).join(', ')
  return values.length > MAX_LISTED ? `${shown} and ${values.length - MAX_LISTED} more` : shown
}

/** e.g. Merge "saas", "Software as a Service" into "SaaS" in Industry. */
export function describeRule(rule: HygieneRule): string {
  switch (rule.kind) {
    case 'merge':
      return `Merge ${listOf(rule.from)} into ${quoted(rule.to)} in ${rule.column}`
    case 'us-state':
      return `Write US states in ${rule.column} as ${rule.to === 'code' ? 'two-letter codes' : 'full names'}`
    case 'country':
      return `Write countries in ${rule.column} as ${rule.to === 'code' ? 'ISO codes' : 'names'}`
    case 'bands': {
      const labels = bandsForRule(rule).map((b) => b.label)
      const shown = labels.length > 5 ? `${labels[0]} … ${labels[labels.length - 1]}` : labels.join(', ')
      const kind = rule.preset === 'custom' ? 'bands' : `${rule.preset === 'employees' ? 'employee' : 'revenue'} bands`
      return `Group ${rule.column} into ${kind} (${shown})`
    }
  }
}
