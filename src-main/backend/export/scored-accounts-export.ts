import type { Database } from 'better-sqlite3'
import type { SimulationReport } from '@shared/domain/simulation'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { scoredAccountsCsv } from '@shared/export/scored-accounts-csv'
import { conditionWords } from '@shared/export/readable-condition'
import { outcomeLabels, scoredAccountsTable, type ScoredAccountsTable } from '@shared/export/scored-accounts'
import { scorecardSql } from '@shared/export/scorecard-sql'
import { safeFileName } from '@shared/format'
import { AppError } from '../app-error'
import { attributeWordsOf } from '../dataset/attribute-words'
import { workspaceOutcomeWords } from '../dataset/dataset-summary'
import { readContent } from '../scorecards/scorecard-content'
import { findScorecard } from '../scorecards/scorecard-queries'
import { runSimulation, simulationFor, type SimulationRequest } from '../simulate/run-simulation'
import { dataDictionary, dateAttributes } from './data-dictionary'
import { buildOnePagerContent } from './one-pager-content'
import { writeWorkbookXlsx } from './workbook-xlsx'

export function exportedScorecard(db: Database, id: number): Scorecard {
  const record = findScorecard(db, id)
  if (!record) throw new AppError('NOT_FOUND', `There is no scorecard ${id} in this workspace; it may have been deleted.`, { id })
  return readContent(db, record.workingRevisionId, record.name)
}

/**
 * The scored accounts of the workspace under the scorecard's working copy (scores do not depend
 * on the outcome), with the dataset they were scored on (the CRM pack reads its account keys).
 */
export function scoredAccountsWithData(db: Database, scorecard: Scorecard): { table: ScoredAccountsTable; dataset: EngineDataset } {
  const { compiled, scored, view } = simulationFor(db, scorecard, 'won')
  // Headers in the client's words, as on the one-pager: "Vertical is SaaS, FinTech", "Employees 51–500".
  const words = attributeWordsOf(db)
  const condition = (c: Criterion): string => conditionWords(c, words(c.attribute))
  // A churn study's accounts are retained or churned customers, and its workbook counts them so.
  const labels = outcomeLabels(workspaceOutcomeWords(db))
  return {
    table: scoredAccountsTable(compiled, scored, view.dataset, (c) => c.label ?? condition(c), condition, labels),
    dataset: view.dataset
  }
}

export const scoredAccountsOf = (db: Database, scorecard: Scorecard): ScoredAccountsTable => scoredAccountsWithData(db, scorecard).table

const baseName = (scorecard: Scorecard): string => safeFileName(scorecard.name, 'scorecard')

export async function workbookExport(
  db: Database,
  scorecardId: number,
  outcome: SimulationRequest['outcome']
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const scorecard = exportedScorecard(db, scorecardId)
  const report: SimulationReport = runSimulation(db, scorecard, { outcome, threshold: scorecard.tiers[0]?.min ?? 80 })
  const bytes = await writeWorkbookXlsx({
    scorecard,
    content: buildOnePagerContent(db, scorecardId),
    table: scoredAccountsOf(db, scorecard),
    report,
    dictionary: dataDictionary(db, scorecard),
    dateAttributes: dateAttributes(db)
  })
  return { fileName: `${baseName(scorecard)} - ICP workbook.xlsx`, bytes }
}

export function scoredCsvExport(db: Database, scorecardId: number): { fileName: string; bytes: Uint8Array } {
  const scorecard = exportedScorecard(db, scorecardId)
  const csv = scoredAccountsCsv(scoredAccountsOf(db, scorecard), dateAttributes(db))
  return { fileName: `${baseName(scorecard)} - scored accounts.csv`, bytes: new TextEncoder().encode(csv) }
}

export function sqlExport(db: Database, scorecardId: number): { fileName: string; text: string } {
  const scorecard = exportedScorecard(db, scorecardId)
  return { fileName: `${baseName(scorecard)}.sql`, text: scorecardSql(scorecard) }
}
