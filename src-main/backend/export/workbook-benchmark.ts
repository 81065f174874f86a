import type { OnePagerContent } from '@shared/domain/one-pager'
import { syntheticDataset, syntheticScorecard } from '@shared/engine/benchmark/synthetic-data'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { simulate } from '@shared/engine/simulation/simulation'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulationReport } from '@shared/engine/simulation/simulation-report'
import { defaultOnePagerDocument } from '@shared/export/default-one-pager'
import { scoredAccountsTable } from '@shared/export/scored-accounts'
import { noEvidenceAnalysis } from './one-pager-analysis'
import { writeWorkbookXlsx } from './workbook-xlsx'

/**
 * The workbook for N synthetic accounts (one deal each, the 20-criterion benchmark scorecard):
 * scoring, the account table and writing the XLSX, i.e. what `export-workbook` does after the
 * workspace is read. Returns the seconds taken and the file's size.
 */
export async function runWorkbookBenchmark(accounts: number): Promise<{ seconds: number; bytes: number; criteria: number }> {
  const dataset = syntheticDataset(accounts, 7)
  for (let row = 0; row < accounts; row++) dataset.accountIndex[row] = row
  dataset.accountCount = accounts
  dataset.accountIds = Array.from({ length: accounts }, (_, i) => `ACC-${String(i + 1).padStart(7, '0')}`)
  dataset.accountNames = Array.from({ length: accounts }, (_, i) => (i % 1000 === 0 ? `=HYPERLINK("x") ${i}` : `Account ${i + 1}, Inc.`))
  const scorecard = syntheticScorecard()
  const content: OnePagerContent = {
    document: defaultOnePagerDocument({ clientName: 'Benchmark client', date: '2026-01-01', statements: ['One statement.'], adjacentScorecardId: null }),
    draftedStatements: [],
    statementEvidence: [],
    analysis: noEvidenceAnalysis(),
    scorecard: { id: 1, name: scorecard.name, version: null, categories: [], tiers: scorecard.tiers.map((t) => ({ name: t.name, min: t.min, color: t.color ?? '#a0aec0' })), disqualifiers: [] },
    evidence: { deals: 0, wins: 0, firstClosed: null, lastClosed: null, auc: null, topTier: null, tiers: [], notes: [] },
    adjacent: null
  }
  const started = performance.now()
  const compiled = compileScorecard(scorecard, dataset)
  const scored = scoreCompiled(compiled)
  const report = simulationReport(simulate(prepareOutcome(dataset, {}), compiled, scored), { outcome: 'won', threshold: scorecard.tiers[0]?.min ?? 80 })
  const bytes = await writeWorkbookXlsx({
    scorecard,
    content,
    table: scoredAccountsTable(compiled, scored, dataset),
    report,
    dictionary: { entries: [], missingTokens: [], join: null },
    dateAttributes: new Set()
  })
  return { seconds: (performance.now() - started) / 1000, bytes: bytes.length, criteria: scorecard.criteria.length }
}
