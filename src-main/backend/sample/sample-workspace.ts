import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { WORKSPACE_EXTENSION } from '@shared/app-info'
import type { TableKind } from '@shared/domain/dataset'
import type { WorkspaceSummary } from '@shared/domain/workspace'
import { generateCrm } from '../../../scripts/crm-generator/index'
import { writeCsv } from '../../../scripts/crm-generator/writers'
import { writeWorkbook } from '../../../scripts/crm-generator/workbook'
import { AppError } from '../app-error'
import type { BackendContext } from '../backend-context'
import { commitImport } from '../import/commit-import'
import { stageFile } from '../import/stage-file'
import { readMissingTokens, readOutcomeMapping } from '../store/dataset-queries'

export const SAMPLE_FILE_NAME = `Sample workspace${WORKSPACE_EXTENSION}`

/**
 * A realistic B2B SaaS client built by the project's own generator (about 2,000 accounts and
 * 5,000 deals over two years, with a real signal planted), imported through the same pipeline
 * a client's files take, so a newcomer sees every section working on data that behaves like
 * the real thing.
 */
export function openSampleWorkspace(ctx: BackendContext, folder: string): WorkspaceSummary {
  const path = join(folder, SAMPLE_FILE_NAME)
  if (existsSync(path)) {
    try {
      return ctx.session.open(path)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      throw new AppError(error.code, `${error.message} Delete ${path} to rebuild the sample.`, { path })
    }
  }
  const crm = generateCrm({ seed: 'icp-workbench-sample', accounts: 2000, deals: 5000, mess: 'typical', flavor: 'workbook' })
  const csvCrm = generateCrm({ seed: 'icp-workbench-sample', accounts: 2000, deals: 5000, mess: 'typical', flavor: 'csv' })
  const summary = ctx.session.create(path, `Sample — ${crm.truth.clientName}`)
  const { db } = ctx.session.require()
  const files: Array<{ kind: TableKind; fileName: string; bytes: Uint8Array }> = [
    {
      kind: 'accounts',
      fileName: 'Accounts export.xlsx',
      bytes: writeWorkbook([{ name: 'Accounts', table: crm.accounts }], { bookType: 'xlsx', title: true })
    },
    { kind: 'deals', fileName: 'Opportunities.csv', bytes: writeCsv(csvCrm.deals, {}) }
  ]
  for (const file of files) {
    const staged = stageFile(
      {
        bytes: file.bytes,
        fileName: file.fileName,
        tableKind: file.kind,
        missingTokens: readMissingTokens(db),
        knownOutcomes: [...readOutcomeMapping(db)]
      },
      { onProgress: () => undefined, isCancelled: () => false }
    )
    commitImport(db, staged, {
      kind: file.kind,
      columns: staged.profiles.map((p) => ({ index: p.index, type: p.type, role: p.role, category: p.category, dateOrder: p.dateOrder })),
      outcomeMapping: staged.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
      mode: 'replace'
    })
  }
  return { ...summary, ...ctx.session.summary() }
}
