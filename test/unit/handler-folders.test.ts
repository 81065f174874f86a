import { describe, expect, it } from 'vitest'
import { methods, type MethodName } from '@shared/contract'
import { appHandlers } from '../../src-main/backend/app-handlers'
import { datasetHandlers } from '../../src-main/backend/dataset/dataset-handlers'
import { discoverHandlers } from '../../src-main/backend/discover/discover-handlers'
import { exportHandlers } from '../../src-main/backend/export/export-handlers'
import { scoreExportHandler } from '../../src-main/backend/export/score-export'
import { importHandlers } from '../../src-main/backend/import/import-handlers'
import { prospectsHandlers } from '../../src-main/backend/prospects/prospects-handlers'
import { scorecardEvidenceHandlers } from '../../src-main/backend/scorecards/scorecard-evidence-handlers'
import { scorecardHandlers } from '../../src-main/backend/scorecards/scorecard-handlers'
import { simulateHandlers } from '../../src-main/backend/simulate/simulate-handlers'
import { workspaceHandlers } from '../../src-main/backend/workspace/workspace-handlers'

/** Where a newcomer looks for a method's handler: the folder its name's first word says. */
const FOLDER_OF_PREFIX: Record<string, string> = {
  app: 'backend/ (app-handlers.ts)',
  workspace: 'workspace/',
  recent: 'workspace/',
  import: 'import/',
  dataset: 'dataset/',
  category: 'dataset/',
  hygiene: 'dataset/',
  discover: 'discover/',
  best: 'discover/',
  scorecard: 'scorecards/',
  simulate: 'simulate/',
  score: 'export/',
  export: 'export/',
  prospects: 'prospects/'
}

const FOLDERS: Record<string, object[]> = {
  'backend/ (app-handlers.ts)': [appHandlers],
  'workspace/': [workspaceHandlers],
  'import/': [importHandlers],
  'dataset/': [datasetHandlers],
  'discover/': [discoverHandlers],
  'scorecards/': [scorecardHandlers, scorecardEvidenceHandlers],
  'simulate/': [simulateHandlers],
  'export/': [exportHandlers, scoreExportHandler],
  'prospects/': [prospectsHandlers]
}

describe('handlers live in the folder their method names say', () => {
  it('each method is handled in the folder of its first word (app-open-file: the desktop shell, in export/)', () => {
    for (const method of Object.keys(methods) as MethodName[]) {
      const expected = method === 'app-open-file' ? 'export/' : FOLDER_OF_PREFIX[method.split('-')[0]!]
      const actual = Object.entries(FOLDERS)
        .filter(([, tables]) => tables.some((t) => method in t))
        .map(([folder]) => folder)
      expect(actual, method).toEqual([expected])
    }
  })
})
