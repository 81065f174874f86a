import type { Database } from 'better-sqlite3'
import type { HygieneRuleView } from '@shared/domain/data-views'
import { countCodes } from '@shared/engine/dictionary-column'
import { describeRule } from '@shared/import/hygiene'
import { listRules } from './hygiene-queries'
import { cleanedColumn, loadTables } from './stored-data'

/** The rules with a description and how many rows each changes in the current data. */
export function ruleViews(db: Database): HygieneRuleView[] {
  const stored = listRules(db)
  const tables = loadTables(db)
  return stored.map(({ id, rule }, index) => {
    let affectedRows = 0
    for (const table of tables) {
      const column = table.columns.find((c) => c.name === rule.column)
      if (!column) continue
      // Count rows whose value this rule changes, given the rules before it.
      const before = cleanedColumn(
        db,
        table,
        column.position,
        stored.slice(0, index).map((s) => s.rule)
      )
      const after = cleanedColumn(
        db,
        table,
        column.position,
        stored.slice(0, index + 1).map((s) => s.rule)
      )
      const counts = countCodes(before)
      for (let code = 0; code < before.dictionary.length; code++) {
        if (before.dictionary[code] !== after.dictionary[code]) affectedRows += counts[code]!
      }
    }
    return { id, rule, description: describeRule(rule), affectedRows }
  })
}
