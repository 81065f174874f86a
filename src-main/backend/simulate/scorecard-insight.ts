import type { Database } from 'better-sqlite3'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import { explainRow } from '@shared/engine/scoring/explain'
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
  const { compiled, view } = simulationFor(db, scorecard, 'won')
  const target = view.target
  let wins = 0
  let decided = 0
  for (const t of target) {
    if (t < 0) continue
    decided++
    if (t === 1) wins++
  }
  const base = decided > 0 ? wins / decided : NaN
  return compiled.criteria.map(({ criterion, mask }) => {
    let n = 0
    let w = 0
    for (let row = 0; row < mask.length; row++) {
      if (mask[row] !== 1 || target[row]! < 0) continue
      n++
      if (target[row] === 1) w++
    }
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
  dealId: string
  accountId: string
  accountName: string
  score: number
  tier: string
  reasons: Array<{ criterionId: string; attribute: string; matched: boolean; points: number }>
  knockouts: string[]
}

/** "Test a record": deals whose account name or id contains `query`, with the points each criterion gave. */
export function explainRecords(db: Database, scorecard: Scorecard, query: string, limit: number): RecordExplanation[] {
  const { compiled, view } = simulationFor(db, scorecard, 'won')
  const dataset = view.dataset
  const needle = query.trim().toLowerCase()
  const found: RecordExplanation[] = []
  for (let row = 0; row < dataset.rowCount && found.length < limit; row++) {
    const name = dataset.accountNames[row] ?? ''
    const id = dataset.accountIds[row] ?? ''
    const deal = dataset.dealIds[row] ?? ''
    if (needle && !`${name}\u0000${id}\u0000${deal}`.toLowerCase().includes(needle)) continue
    const why = explainRow(compiled, row)
    found.push({
      dealId: deal,
      accountId: id,
      accountName: name,
      score: why.score,
      tier: why.tierIndex < 0 ? DISQUALIFIED : why.tier,
      reasons: why.reasons.map((r) => ({ criterionId: r.criterionId, attribute: r.attribute, matched: r.matched, points: r.points })),
      knockouts: why.knockouts
    })
  }
  return found
}
