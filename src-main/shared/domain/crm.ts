/**
 * Handing the ICP to the client's CRM: which CRM, how each attribute the scorecard reads is named
 * there, and what the hand-over pack holds. The mapping is the consultant's (proposed from
 * standard field names, edited in Export, saved with the workspace).
 */

export const CRM_KINDS = ['hubspot', 'salesforce', 'generic'] as const
export type CrmKind = (typeof CRM_KINDS)[number]

export const CRM_NAMES: Readonly<Record<CrmKind, string>> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  generic: 'Any CRM or warehouse'
}

/**
 * How the CRM stores the field; it decides the rule or formula syntax (a Salesforce picklist is
 * tested with ISPICKVAL, a text field with "=").
 */
export const CRM_FIELD_TYPES = ['picklist', 'text', 'number', 'date', 'checkbox', 'multipicklist'] as const
export type CrmFieldType = (typeof CRM_FIELD_TYPES)[number]

export const CRM_FIELD_TYPE_NAMES: Readonly<Record<CrmFieldType, string>> = {
  picklist: 'Picklist',
  text: 'Text',
  number: 'Number',
  date: 'Date',
  checkbox: 'Checkbox',
  multipicklist: 'Multi-select'
}

export interface CrmField {
  /** The attribute's column name in the workspace. */
  attribute: string
  /** The CRM's field (API / internal) name, e.g. "NumberOfEmployees" or "numberofemployees". */
  field: string
  type: CrmFieldType
}

export interface CrmMappingRow extends CrmField {
  /** The attribute's client-facing label. */
  label: string
  /** True while the row is our proposal, false once the consultant saved it. */
  proposed: boolean
}

/** Values a scorecard rule names: they must exist, spelled exactly so, among the CRM field's options. */
export interface CrmPicklistValues {
  attribute: string
  field: string
  values: string[]
}

export interface CrmMapping {
  crm: CrmKind
  fields: CrmMappingRow[]
  picklistValues: CrmPicklistValues[]
}

export interface CrmPack {
  fileName: string
  bytes: Uint8Array
  /** The files inside the ZIP, in order. */
  files: string[]
  /** What the consultant must know before handing it over (formula too long, a cap HubSpot cannot express…). */
  warnings: string[]
}
