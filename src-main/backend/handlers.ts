import { appHandlers } from './app-handlers'
import { datasetHandlers } from './dataset/dataset-handlers'
import { discoverHandlers } from './discover/discover-handlers'
import type { Handlers } from './dispatch'
import { exportHandlers } from './export/export-handlers'
import { scoreExportHandler } from './export/score-export'
import { importHandlers } from './import/import-handlers'
import { prospectsHandlers } from './prospects/prospects-handlers'
import { simulateHandlers } from './simulate/simulate-handlers'
import { scorecardEvidenceHandlers } from './scorecards/scorecard-evidence-handlers'
import { scorecardHandlers } from './scorecards/scorecard-handlers'
import { workspaceHandlers } from './workspace/workspace-handlers'

/** Every feature's handlers in one table, typed against the contract. */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspaceHandlers,
  ...importHandlers,
  ...datasetHandlers,
  ...simulateHandlers,
  ...discoverHandlers,
  ...scorecardHandlers,
  ...scorecardEvidenceHandlers,
  ...exportHandlers,
  ...scoreExportHandler,
  ...prospectsHandlers
}
