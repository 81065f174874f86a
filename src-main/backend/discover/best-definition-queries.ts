import type { Database } from 'better-sqlite3'
import type { BestCustomerDefinition, BestCustomerMetric } from '@shared/domain/discover'

interface MetricRow {
  metric: BestCustomerMetric
  direction: 'higher' | 'lower'
  weight: number
}

/** The saved definition of best customers, or null until the user sets one. */
export function readBestDefinition(db: Database): BestCustomerDefinition | null {
  const topPercent = db.prepare('SELECT top_percent FROM best_customer_definition WHERE id = 1').pluck().get() as number | undefined
  if (topPercent === undefined) return null
  const metrics = db
    .prepare('SELECT metric, direction, weight FROM best_customer_metric WHERE definition_id = 1 ORDER BY position')
    .all() as MetricRow[]
  return { metrics: metrics.map((m) => ({ metric: m.metric, direction: m.direction, weight: m.weight })), topPercent }
}

/** Replaces the definition (metrics listed twice keep their first setting). Call inside a transaction. */
export function writeBestDefinition(db: Database, definition: BestCustomerDefinition): void {
  db.prepare('DELETE FROM best_customer_metric').run()
  db.prepare('DELETE FROM best_customer_definition').run()
  db.prepare('INSERT INTO best_customer_definition (id, top_percent) VALUES (1, ?)').run(definition.topPercent)
  const insert = db.prepare('INSERT INTO best_customer_metric (definition_id, position, metric, direction, weight) VALUES (1, ?, ?, ?, ?)')
  const seen = new Set<BestCustomerMetric>()
  for (const { metric, direction, weight } of definition.metrics) {
    if (seen.has(metric)) continue
    insert.run(seen.size, metric, direction, weight)
    seen.add(metric)
  }
}
