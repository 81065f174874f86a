/**
 * The CRM field mapping of a scorecard's attributes: the consultant's saved choice where there is
 * one, else the proposal (crm-fields.ts), plus the values each picklist must hold.
 */

import type { Database } from 'better-sqlite3'
import {
  CRM_FIELD_TYPES,
  type CrmField,
  type CrmFieldType,
  type CrmKind,
  type CrmMapping,
  type CrmMappingRow,
  type CrmPicklistValues
} from '@shared/domain/crm'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { proposeCrmField, type MappableAttribute } from '@shared/export/crm/crm-fields'
import { withoutIsolates } from '@shared/format'
import { AppError } from '../app-error'
import { attributeWordsOf } from '../dataset/attribute-words'

/** The attributes a scorecard reads (criteria, then knockouts), each once. */
export function scorecardAttributes(scorecard: Scorecard): string[] {
  const names: string[] = []
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts])
    if (!names.includes(condition.attribute)) names.push(condition.attribute)
  return names
}

function savedFields(db: Database, crm: CrmKind): Map<string, CrmField> {
  const rows = db.prepare('SELECT attribute, field, type FROM crm_field WHERE crm = ?').all(crm) as Array<{
    attribute: string
    field: string
    type: CrmFieldType
  }>
  return new Map(rows.map((row) => [row.attribute, row]))
}

export function crmMapping(
  db: Database,
  scorecard: Scorecard,
  crm: CrmKind,
  dataset: EngineDataset,
  dates: ReadonlySet<string>
): CrmMapping {
  const words = attributeWordsOf(db)
  const saved = savedFields(db, crm)
  const fields = scorecardAttributes(scorecard).map((name): CrmMappingRow => {
    const label = withoutIsolates(words(name).label)
    const own = saved.get(name)
    if (own) return { ...own, label, proposed: false }
    const attribute: MappableAttribute = { name, label, kind: dataset.attributes.get(name)?.kind ?? 'category', date: dates.has(name) }
    return { ...proposeCrmField(crm, attribute), label, proposed: true }
  })
  return { crm, fields, picklistValues: picklistValues(scorecard, fields) }
}

/** Every value a rule names, per field that holds options (picklists, multi-selects, and text matched exactly). */
export function picklistValues(scorecard: Scorecard, fields: readonly CrmField[]): CrmPicklistValues[] {
  const byAttribute = new Map<string, Set<string>>()
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts]) {
    if (!condition.values?.length) continue
    const set = byAttribute.get(condition.attribute) ?? new Set<string>()
    for (const value of condition.values) set.add(value)
    byAttribute.set(condition.attribute, set)
  }
  return fields.flatMap((f) => {
    const values = byAttribute.get(f.attribute)
    return values ? [{ attribute: f.attribute, field: f.field, values: [...values] }] : []
  })
}

/** What each CRM accepts as a field name, in words for the error. */
const FIELD_NAME_RULES: Readonly<Record<CrmKind, { pattern: RegExp; words: string }>> = {
  hubspot: {
    pattern: /^[a-z][a-z0-9_]{0,99}$/,
    words: "a HubSpot internal property name (lower-case letters, digits and underscores, starting with a letter, e.g. 'numberofemployees')"
  },
  salesforce: {
    pattern: /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?:__c)?$/,
    words:
      "a Salesforce field API name (letters, digits and single underscores, starting with a letter, custom fields ending in '__c', e.g. 'Tech_Stack__c')"
  },
  // eslint-disable-next-line no-control-regex -- a column name in a SQL script or CSV must not hold control characters
  generic: { pattern: /^[^\u0000-\u001f\u007f]{1,200}$/, words: 'a column name of up to 200 characters without control characters' }
}

export function saveCrmFields(db: Database, crm: CrmKind, fields: readonly CrmField[]): void {
  const rule = FIELD_NAME_RULES[crm]
  fields.forEach((f, i) => {
    if (!rule.pattern.test(f.field)) {
      throw new AppError('BAD_INPUT', `The field for "${f.attribute}" is "${f.field}", which is not ${rule.words}. Nothing was saved.`, {
        row: i + 1,
        attribute: f.attribute
      })
    }
    if (!CRM_FIELD_TYPES.includes(f.type))
      throw new AppError('BAD_INPUT', `"${f.type}" is not a field type. Nothing was saved.`, { row: i + 1 })
  })
  const taken = new Map<string, string>()
  for (const f of fields) {
    const other = taken.get(f.field)
    if (other !== undefined) {
      throw new AppError(
        'BAD_INPUT',
        `"${other}" and "${f.attribute}" both map to the field "${f.field}"; each attribute needs its own field. Nothing was saved.`,
        { field: f.field }
      )
    }
    taken.set(f.field, f.attribute)
  }
  const upsert = db.prepare(
    'INSERT INTO crm_field (crm, attribute, field, type) VALUES (?, ?, ?, ?) ON CONFLICT (crm, attribute) DO UPDATE SET field = excluded.field, type = excluded.type'
  )
  db.transaction(() => {
    for (const f of fields) upsert.run(crm, f.attribute, f.field, f.type)
  })()
}
