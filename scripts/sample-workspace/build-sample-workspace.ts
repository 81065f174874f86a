// `npx tsx scripts/sample-workspace/build-sample-workspace.ts OUT.icpw`: builds the sample
// workspace the app ships (resources/sample/), so the product itself never carries generator
// code. `scripts/build-if-stale.mjs` runs it after every build; it takes a few seconds.
import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { TableKind } from '@shared/domain/dataset'
import { commitImport } from '../../src-main/backend/import/commit-import'
import { stageFile } from '../../src-main/backend/import/stage-file'
import { readMissingTokens, readOutcomeMapping } from '../../src-main/backend/store/dataset-queries'
import { generateCrm } from '../crm-generator/index'
import { writeCsv } from '../crm-generator/writers'
import { writeWorkbook } from '../crm-generator/workbook'
import { scriptBackend } from '../script-backend'

export const SAMPLE_SEED = 'icp-workbench-sample'

/**
 * What the consultant would have written in the workshop: the buying roles and triggers only, so
 * the sample's page shows that block and still fits one sheet beside the Adjacent ICP (channel
 * fit and messaging stay empty and are left off the page, as they are until someone writes them).
 */
const WORKSHOP_NOTES = {
  economicBuyer: 'VP Sales or CRO: owns the pipeline number and the CRM budget.',
  champion: 'RevOps lead: lives in Salesforce and feels the manual work first.',
  triggers: 'A funding round in the last 12 months; a new sales leader; a Salesforce clean-up.'
}

/**
 * A realistic B2B SaaS client from the project's generator (about 2,000 accounts and 5,000 deals
 * over two years, with a real signal planted), imported through the pipeline a client's files
 * take, with two suggested scorecards and an export draft, so a newcomer sees every section work.
 */
export async function buildSampleWorkspace(outFile: string): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'icp-sample-'))
  const backend = scriptBackend(workDir)
  const call = backend.call
  try {
    const options = { seed: SAMPLE_SEED, accounts: 2000, deals: 5000, mess: 'typical' } as const
    const crm = generateCrm({ ...options, flavor: 'workbook' })
    const csvCrm = generateCrm({ ...options, flavor: 'csv' })
    const file = join(workDir, 'sample.icpw')
    await call('workspace-create', { name: `Sample — ${crm.truth.clientName}`, path: file })
    const { db } = backend.context.session.require()
    const files: Array<{ kind: TableKind; fileName: string; bytes: Uint8Array }> = [
      {
        kind: 'accounts',
        fileName: 'Accounts export.xlsx',
        bytes: writeWorkbook([{ name: 'Accounts', table: crm.accounts }], { bookType: 'xlsx', title: true })
      },
      { kind: 'deals', fileName: 'Opportunities.csv', bytes: writeCsv(csvCrm.deals, {}) }
    ]
    for (const source of files) {
      const staged = stageFile(
        {
          bytes: source.bytes,
          fileName: source.fileName,
          tableKind: source.kind,
          missingTokens: readMissingTokens(db),
          knownOutcomes: [...readOutcomeMapping(db)]
        },
        { onProgress: () => undefined, isCancelled: () => false }
      )
      commitImport(db, staged, {
        kind: source.kind,
        columns: staged.profiles.map((p) => ({ index: p.index, type: p.type, role: p.role, category: p.category, dateOrder: p.dateOrder })),
        outcomeMapping: staged.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
        mode: 'replace'
      })
    }
    // Core: what separates won from lost. Adjacent: what the most valuable customers share,
    // a second profile the one-pager sets beside the first.
    const core = await call('scorecard-suggest', { name: 'Core ICP', target: 'won' })
    // Best customers as PRODUCT.md puts it: the top 20% of won accounts by LTV and retention.
    await call('best-definition-set', {
      definition: {
        metrics: [
          { metric: 'ltv', direction: 'higher', weight: 2 },
          { metric: 'nrr', direction: 'higher', weight: 1 }
        ],
        topPercent: 20
      }
    })
    await call('scorecard-suggest', { name: 'Adjacent ICP', target: 'best' })
    const drafted = await call('export-document-get', { scorecardId: core.id })
    const newestClose = (crm.truth.deals ?? []).reduce((newest, d) => (d.closedDate && d.closedDate > newest ? d.closedDate : newest), '')
    await call('export-document-save', {
      scorecardId: core.id,
      document: {
        ...drafted.document,
        ...WORKSHOP_NOTES,
        clientName: crm.truth.clientName,
        preparedBy: 'ICP Workbench sample',
        date: newestClose
      }
    })
    await call('workspace-set-section', { section: 'data' })
    backend.close()
    // The file appears whole or not at all: a build stopped half-way leaves the old sample.
    const staging = join(dirname(outFile), `.${Date.now()}.building.icpw`)
    renameOrCopy(file, staging)
    renameSync(staging, outFile)
  } finally {
    backend.close()
    rmSync(workDir, { recursive: true, force: true })
  }
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch {
    // Across file systems (tmp on its own mount) rename fails; copy then.
    copyFileSync(from, to)
  }
}

if (process.argv[1] && /build-sample-workspace\.ts$/.test(process.argv[1])) {
  const out = process.argv[2]
  if (!out) {
    console.error('Usage: tsx scripts/sample-workspace/build-sample-workspace.ts OUT.icpw')
    process.exit(2)
  }
  buildSampleWorkspace(out).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
