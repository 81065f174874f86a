/**
 * Values a scorecard names that are probably one value written several ways: a synonym or typo
 * the import proposed to merge ("Software as a Service", "Software-as-a-Service" and "SaaS"),
 * which the consultant did not apply. Scored apart, one industry can carry two different points
 * on the one-pager (+13 and +8 on a generated Pipedrive export); the page says so under Limits
 * rather than leave the client to spot it.
 */
import type { Database } from 'better-sqlite3'
import { distinctValues } from '@shared/import/profile-column'
import { proposeCleanups } from '@shared/import/hygiene'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { countCodes } from '@shared/engine/dictionary-column'
import { missingSetOf } from '../dataset/column-missing'
import { listRules } from '../dataset/hygiene-queries'
import { cleanedColumn, loadTables } from '../dataset/stored-data'

export interface UnmergedSpellings {
  attribute: string
  /** The value a merge would keep, then the other spellings, as the data writes them. */
  values: string[]
}

export function unmergedSpellings(db: Database, scorecard: Scorecard): UnmergedSpellings[] {
  const named = new Map<string, Set<string>>()
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts]) {
    if (condition.op !== 'in' && condition.op !== 'not_in') continue
    const values = named.get(condition.attribute) ?? new Set<string>()
    for (const value of condition.values ?? []) values.add(value)
    named.set(condition.attribute, values)
  }
  if (named.size === 0) return []
  const rules = listRules(db).map((r) => r.rule)
  const found: UnmergedSpellings[] = []
  const seen = new Set<string>()
  for (const table of loadTables(db)) {
    for (const column of table.columns) {
      const scored = named.get(column.name)
      if (scored === undefined || column.type !== 'category' || seen.has(column.name)) continue
      seen.add(column.name)
      const data = cleanedColumn(db, table, column.position, rules)
      const { values } = distinctValues(data, countCodes(data), missingSetOf(column))
      for (const cleanup of proposeCleanups(column.name, values)) {
        if (cleanup.rule.kind !== 'merge') continue
        const spellings = [cleanup.rule.to, ...cleanup.rule.from]
        if (spellings.some((value) => scored.has(value))) found.push({ attribute: column.name, values: spellings })
      }
    }
  }
  return found
}
