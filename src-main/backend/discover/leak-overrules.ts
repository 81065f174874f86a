import type { Database } from 'better-sqlite3'

/**
 * Attributes whose leakage flag the consultant overruled ("Days to first meeting is known before
 * we sell"): Discover then counts them in the verdict and the suggestion. Remembered by the
 * attribute's name, so next quarter's import keeps the decision.
 */
export function readLeakOverrules(db: Database): Set<string> {
  return new Set((db.prepare('SELECT attribute FROM leak_overrule').all() as Array<{ attribute: string }>).map((r) => r.attribute))
}

export function writeLeakOverrule(db: Database, attribute: string, overruled: boolean): void {
  if (overruled) db.prepare('INSERT OR IGNORE INTO leak_overrule (attribute) VALUES (?)').run(attribute)
  else db.prepare('DELETE FROM leak_overrule WHERE attribute = ?').run(attribute)
}
