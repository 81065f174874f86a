import type { Database } from 'better-sqlite3'
import { headerKey } from '@shared/import/header-key'
import { proposeLabel } from '@shared/export/readable-values'

/**
 * Client-facing names of columns: the consultant's label where one was set (kept by header, so
 * next quarter's export keeps it), else the one proposed from the raw name. One function reads
 * them for every screen and deliverable.
 */
export function readLabels(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT column_key AS columnKey, label FROM column_label').all() as Array<{ columnKey: string; label: string }>
  return new Map(rows.map((r) => [r.columnKey, r.label]))
}

export function writeLabel(db: Database, column: string, label: string | null): void {
  const key = headerKey(column)
  const proposed = proposeLabel(column)
  // A label equal to the proposal is no choice at all: nothing to remember.
  if (label === null || label.trim() === '' || label.trim() === proposed)
    db.prepare('DELETE FROM column_label WHERE column_key = ?').run(key)
  else
    db.prepare(
      'INSERT INTO column_label (column_key, label) VALUES (?, ?) ON CONFLICT (column_key) DO UPDATE SET label = excluded.label'
    ).run(key, label.trim())
}

/** The label of a column or an engine attribute ("industry (account)" reads "Industry (account)"). */
export function labelFor(labels: ReadonlyMap<string, string>, name: string): string {
  const column = name.replace(/ \(account\)$/, '')
  const label = labels.get(headerKey(column)) ?? proposeLabel(column)
  return column === name ? label : `${label} (account)`
}

/** A lookup bound to the workspace's labels. */
export function labelsOf(db: Database): (name: string) => string {
  const labels = readLabels(db)
  return (name) => labelFor(labels, name)
}
