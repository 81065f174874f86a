import type { Migration } from './migration'

/**
 * The consultant's CRM field mapping: for each CRM, the field an attribute is read from there and
 * how that field stores it. Kept by attribute (not by scorecard), so every scorecard of the
 * workspace hands over with the same mapping.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'crm-fields',
  up(db) {
    db.exec(`
      CREATE TABLE crm_field (
        crm TEXT NOT NULL CHECK (crm IN ('hubspot', 'salesforce', 'generic')),
        attribute TEXT NOT NULL CHECK (length(attribute) BETWEEN 1 AND 400),
        field TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
        type TEXT NOT NULL CHECK (type IN ('picklist', 'text', 'number', 'date', 'checkbox', 'multipicklist')),
        PRIMARY KEY (crm, attribute)
      ) STRICT;
    `)
  }
}
