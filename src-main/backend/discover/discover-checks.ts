import type { Database } from 'better-sqlite3'
import type { AntiIcpEntry, ScorecardCheck } from '@shared/domain/discover'
import { antiIcp, checkScorecard } from '@shared/engine/discover'
import { AppError } from '../app-error'
import { readContent } from '../scorecards/scorecard-content'
import { findScorecard } from '../scorecards/scorecard-queries'
import { discoverFor, type DiscoverTarget } from './discover-report'

/** JSON has no NaN: a rate with nothing to divide by is null. */
const num = (value: number): number | null => (Number.isFinite(value) ? value : null)

/** Values over-represented among lost deals (or churned customers), each with its knockout's historical cost. */
export function antiIcpReport(db: Database, target: 'won' | 'retained'): AntiIcpEntry[] {
  const { dataset, result } = discoverFor(db, target)
  return antiIcp(result, dataset).map((entry) => ({
    ...entry,
    rate: num(entry.rate),
    ci: [num(entry.ci[0]), num(entry.ci[1])],
    lift: num(entry.lift)
  }))
}

/** A saved scorecard's working copy checked against the evidence (nothing is saved). */
export function scorecardCheckReport(db: Database, id: number, target: DiscoverTarget): ScorecardCheck {
  const record = findScorecard(db, id)
  if (!record) throw new AppError('NOT_FOUND', `There is no scorecard ${id} in this workspace; it may have been deleted.`, { id })
  const scorecard = readContent(db, record.workingRevisionId, record.name)
  const { dataset, result, vector } = discoverFor(db, target)
  const checked = checkScorecard(scorecard, result, dataset, vector)
  return { findings: checked.findings, proposal: checked.proposal, aucNow: num(checked.aucNow), aucProposed: num(checked.aucProposed) }
}
