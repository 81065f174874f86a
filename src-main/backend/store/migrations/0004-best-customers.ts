import type { Migration } from './migration'

const METRICS = "'ltv', 'acv', 'nrr', 'tenure', 'nps', 'time-to-value', 'support-tickets', 'sales-cycle-days', 'churned'"

/**
 * The workspace's definition of best customers: one row with the cohort's share of won
 * accounts, and the success metrics it ranks them by, in the order the user listed them.
 * Stored as typed rows (not JSON) so the file stays readable and checkable with plain SQL.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'best-customers',
  up(db) {
    db.exec(`
      CREATE TABLE best_customer_definition (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        top_percent REAL NOT NULL CHECK (top_percent >= 1 AND top_percent <= 99)
      ) STRICT;

      CREATE TABLE best_customer_metric (
        definition_id INTEGER NOT NULL DEFAULT 1 REFERENCES best_customer_definition (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        metric TEXT NOT NULL CHECK (metric IN (${METRICS})),
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        weight REAL NOT NULL CHECK (weight >= 0 AND weight <= 100),
        PRIMARY KEY (definition_id, position),
        UNIQUE (definition_id, metric)
      ) STRICT;
    `)
  }
}
