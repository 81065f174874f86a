/**
 * The CRM field each attribute is proposed to map to. Standard company fields are named as each
 * CRM names them (HubSpot's internal property names, Salesforce's Account API names); anything
 * else is proposed as the custom field a CRM admin would create from the label. The consultant
 * edits the proposal in Export; nothing here is a guess presented as fact.
 */

import type { CrmField, CrmFieldType, CrmKind } from '@shared/domain/crm'
import type { AttributeKind } from '@shared/engine/scorecard/operators'

export interface MappableAttribute {
  name: string
  label: string
  kind: AttributeKind
  /** Numbers that are dates (epoch milliseconds in the engine). */
  date: boolean
}

interface StandardField {
  pattern: RegExp
  hubspot: { field: string; type: CrmFieldType }
  salesforce: { field: string; type: CrmFieldType }
}

/** Fields both CRMs have on a company/account record, by what the column's label says. */
const STANDARD_FIELDS: readonly StandardField[] = [
  {
    pattern: /^(industry|industries)$/,
    hubspot: { field: 'industry', type: 'picklist' },
    salesforce: { field: 'Industry', type: 'picklist' }
  },
  {
    pattern: /^(number of )?employees?( count| range| size)?$|^(employee count|headcount|company size)$/,
    hubspot: { field: 'numberofemployees', type: 'number' },
    salesforce: { field: 'NumberOfEmployees', type: 'number' }
  },
  {
    pattern: /^annual revenue$|^revenue$/,
    hubspot: { field: 'annualrevenue', type: 'number' },
    salesforce: { field: 'AnnualRevenue', type: 'number' }
  },
  {
    pattern: /^(billing )?country( region)?$/,
    hubspot: { field: 'country', type: 'text' },
    salesforce: { field: 'BillingCountry', type: 'text' }
  },
  {
    pattern: /^(billing )?(state|province|state region)$/,
    hubspot: { field: 'state', type: 'text' },
    salesforce: { field: 'BillingState', type: 'text' }
  },
  { pattern: /^(billing )?city$/, hubspot: { field: 'city', type: 'text' }, salesforce: { field: 'BillingCity', type: 'text' } },
  { pattern: /^(company |account )?type$/, hubspot: { field: 'type', type: 'picklist' }, salesforce: { field: 'Type', type: 'picklist' } },
  { pattern: /^ownership$/, hubspot: { field: 'ownership', type: 'text' }, salesforce: { field: 'Ownership', type: 'picklist' } },
  { pattern: /^(account )?rating$/, hubspot: { field: 'rating', type: 'text' }, salesforce: { field: 'Rating', type: 'picklist' } },
  {
    pattern: /^(lead |account )?source$/,
    hubspot: { field: 'hs_analytics_source', type: 'picklist' },
    salesforce: { field: 'AccountSource', type: 'picklist' }
  },
  {
    pattern: /^year founded$|^founded( year)?$/,
    hubspot: { field: 'founded_year', type: 'text' },
    salesforce: { field: 'YearStarted', type: 'text' }
  }
]

const normalised = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[_\-./()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** The field type that fits the attribute's kind when the field is not a standard one. */
export function fieldTypeFor(attribute: Pick<MappableAttribute, 'kind' | 'date'>): CrmFieldType {
  switch (attribute.kind) {
    case 'category':
      return 'picklist'
    case 'number':
      return attribute.date ? 'date' : 'number'
    case 'boolean':
      return 'checkbox'
    case 'multi':
      return 'multipicklist'
  }
}

/** "Tech stack (account)" -> HubSpot "tech_stack_account", Salesforce "Tech_Stack_Account__c". */
function customFieldName(crm: CrmKind, label: string): string {
  const words = normalised(label)
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]+/g, '')
    .split(' ')
    .filter(Boolean)
  const base = words.length > 0 ? words : ['icp', 'attribute']
  if (crm === 'hubspot') return base.join('_').slice(0, 100)
  // Salesforce API names start with a letter, use single underscores and end in __c.
  const name = base.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('_')
  return `${/^[A-Za-z]/.test(name) ? name : `F_${name}`}`.slice(0, 40) + '__c'
}

/** The proposed field for one attribute; generic exports keep the workspace's own column name. */
export function proposeCrmField(crm: CrmKind, attribute: MappableAttribute): CrmField {
  if (crm === 'generic') return { attribute: attribute.name, field: attribute.name, type: fieldTypeFor(attribute) }
  const candidates = [normalised(attribute.label), normalised(attribute.name)]
  const standard = STANDARD_FIELDS.find((s) => candidates.some((c) => s.pattern.test(c)))
  // A standard field only when its kind agrees: "Employees" held as bands ("51-200") is a category here.
  if (standard) {
    const proposal = standard[crm]
    const kindFits =
      proposal.type === 'number' ? attribute.kind === 'number' : attribute.kind === 'category' || proposal.type === fieldTypeFor(attribute)
    if (kindFits) return { attribute: attribute.name, field: proposal.field, type: proposal.type }
  }
  return { attribute: attribute.name, field: customFieldName(crm, attribute.label || attribute.name), type: fieldTypeFor(attribute) }
}
