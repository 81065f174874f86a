import type { Database } from 'better-sqlite3'
import { representativeDeals } from '@shared/engine/representative-deals'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import { explainRow } from '@shared/engine/scoring/explain'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { conditionEvidence } from './condition-evidence'
import { simulationFor } from './run-simulation'

export interface CriterionEvidence {
  criterionId: string
  /** Decided deals the criterion matches. */
  deals: number
  winRate: number | null
  lift: number | null
}

/** For each criterion: how many decided deals it matches, their win rate and lift (the card's figures). */
export function criterionEvidence(db: Database, scorecard: Scorecard): CriterionEvidence[] {
  // Evidence depends on the conditions and the data, never on the points: a slider drag saves a
  // dozen times a second and each save refetches this, so it must not rescore every deal.
  const dataset = engineDatasetFor(db)
  const { decided, wins } = conditionEvidence(dataset, null)
  const base = decided > 0 ? wins / decided : NaN
  return scorecard.criteria.map((criterion) => {
    const { decided: n, wins: w } = conditionEvidence(dataset, criterion)
    const rate = n > 0 ? w / n : NaN
    return {
      criterionId: criterion.id,
      deals: n,
      winRate: Number.isFinite(rate) ? rate : null,
      lift: Number.isFinite(rate / base) ? rate / base : null
    }
  })
}

export interface RecordExplanation {
  /** The deal that scores the account: its most recent one (see representative-deals). */
  dealId: string
  accountId: string
  accountName: string
  /** How many deals the account has. */
  deals: number
  /** The account's score and tier: its most recent deal's (Disqualified when a knockout hits that deal). */
  score: number
  tier: string
  reasons: Array<{ criterionId: string; attribute: string; matched: boolean; points: number }>
  knockouts: string[]
}

/**
 * "Test a record": the accounts whose name or id (or the id of one of their deals) contains
 * `query`, each scored as every screen and export scores an account, by its most recent deal,
 * with the points each criterion gave that deal. Deals without an account are left out.
 */
export function explainRecords(db: Database, scorecard: Scorecard, query: string, limit: number): RecordExplanation[] {
  const { compiled, view } = simulationFor(db, scorecard, 'won')
  const dataset = view.dataset
  const representative = representativeDeals(dataset)
  const needle = query.trim().toLowerCase()
  const accounts: number[] = []
  const seen = new Set<number>()
  for (let row = 0; row < dataset.rowCount && accounts.length < limit; row++) {
    const account = dataset.accountIndex[row]!
    if (account < 0 || seen.has(account)) continue
    const name = dataset.accountNames[row] ?? ''
    const id = dataset.accountIds[row] ?? ''
    const deal = dataset.dealIds[row] ?? ''
    if (needle && !`${name}\u0000${id}\u0000${deal}`.toLowerCase().includes(needle)) continue
    seen.add(account)
    accounts.push(account)
  }
  const deals = new Int32Array(dataset.accountCount)
  if (accounts.length > 0)
    for (let row = 0; row < dataset.rowCount; row++) if (seen.has(dataset.accountIndex[row]!)) deals[dataset.accountIndex[row]!]!++
  return accounts.map((account) => {
    const row = representative[account]!
    const why = explainRow(compiled, row)
    return {
      dealId: dataset.dealIds[row] ?? '',
      accountId: dataset.accountIds[row] ?? '',
      accountName: dataset.accountNames[row] ?? '',
      deals: deals[account]!,
      score: why.score,
      tier: why.tierIndex < 0 ? DISQUALIFIED : why.tier,
      reasons: why.reasons.map((r) => ({ criterionId: r.criterionId, attribute: r.attribute, matched: r.matched, points: r.points })),
      knockouts: why.knockouts
    }
  })
}
