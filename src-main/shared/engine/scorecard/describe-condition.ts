/**
 * Conditions in plain words ("Employees < 20", "Tech stack has any of Salesforce, HubSpot"):
 * the default name of an imported knockout and the text of reasons in the editor and exports.
 */

import type { Condition } from './model'

function list(values: readonly string[] | undefined): string {
  return (values ?? []).join(', ')
}

export function describeCondition(condition: Condition): string {
  const { attribute } = condition
  switch (condition.op) {
    case 'in':
      return `${attribute} is ${list(condition.values)}`
    case 'not_in':
      return `${attribute} is not ${list(condition.values)}`
    case 'contains_any':
      return `${attribute} has any of ${list(condition.values)}`
    case 'contains_all':
      return `${attribute} has all of ${list(condition.values)}`
    case 'between': {
      const min = condition.min ?? null
      const max = condition.max ?? null
      if (min !== null && max !== null) return `${attribute} ${min}-${max}`
      if (min !== null) return `${attribute} >= ${min}`
      if (max !== null) return `${attribute} <= ${max}`
      return `${attribute} has a value`
    }
    case 'lt':
      return `${attribute} < ${condition.value ?? ''}`
    case 'gt':
      return `${attribute} > ${condition.value ?? ''}`
    case 'is_true':
      return `${attribute} is true`
    case 'is_false':
      return `${attribute} is false`
    case 'is_missing':
      return `${attribute} is missing`
  }
}
