import type { WorkspaceSummary } from '@shared/domain/workspace'
import type { TestBackend } from './backend'

/**
 * The shipped sample's accounts and deals without what the sample adds on top (its Core and
 * Adjacent ICP, their export draft, the best-customer definition): for tests that build their
 * own scorecard on realistic data and count on knowing everything the workspace holds.
 */
export async function openSampleData(backend: TestBackend): Promise<WorkspaceSummary> {
  const summary = await backend.call('workspace-open-sample', {})
  for (const scorecard of await backend.call('scorecard-list', {})) await backend.call('scorecard-delete', { id: scorecard.id })
  // No method clears the definition (the product only ever replaces it), so the test does it in SQL.
  const { db } = backend.context.session.require()
  db.transaction(() => {
    db.prepare('DELETE FROM best_customer_metric').run()
    db.prepare('DELETE FROM best_customer_definition').run()
  })()
  return summary
}
