/**
 * HubSpot's property filters, as its lead-scoring rules apply them to a company's values (written
 * from HubSpot's filter descriptions): the tests run the pack's rules with it and compare with
 * the app's scores.
 */
import type { HubSpotFilter } from '@shared/export/crm/hubspot-scoring'
import type { SfValue } from './salesforce-formula-eval'

export function hubspotHolds(filter: HubSpotFilter, value: SfValue): boolean {
  const known = value !== null
  switch (filter.operator) {
    case 'is known':
      return known
    case 'is unknown':
      return !known
    case 'is any of':
      return known && filter.values!.includes(value as string)
    case 'is none of':
      return !known || !filter.values!.includes(value as string)
    case 'contains any of':
      return known && filter.values!.some((v) => (value as string[]).includes(v))
    case 'contains all of':
      return known && filter.values!.every((v) => (value as string[]).includes(v))
    case 'is equal to':
      return known && value === filter.value
    case 'is greater than':
      return known && (value as number) > (filter.value as number)
    case 'is less than':
      return known && (value as number) < (filter.value as number)
    case 'is greater than or equal to':
      return known && (value as number) >= (filter.value as number)
    case 'is less than or equal to':
      return known && (value as number) <= (filter.value as number)
    case 'is after':
    case 'is before':
      throw new Error('date rules are checked by the date-bounds property, not here')
  }
}
