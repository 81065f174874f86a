import type { Database } from 'better-sqlite3'
import { marketLine } from '@shared/prospects/market-line'
import { prospectMarket } from '@shared/prospects/prospect-market'
import { defaultThreshold, prospectRun } from './prospect-scoring'
import { readProspectList } from './prospect-store'

/** The one-pager's market line for a scorecard: null without a prospect list. */
export function marketLineFor(db: Database, scorecardId: number): string | null {
  if (!readProspectList(db)) return null
  const run = prospectRun(db, scorecardId)
  return marketLine(
    prospectMarket({
      scoring: run.scoring,
      mapping: run.mapping,
      source: run.list.record.source,
      fileName: run.list.record.fileName,
      importedAt: run.list.record.importedAt,
      threshold: defaultThreshold(run.scorecard),
      criterionWords: run.words.criteria,
      knockoutWords: run.words.knockouts
    })
  )
}
