import type { Database } from 'better-sqlite3'
import type { BandAccountsPage } from '@shared/domain/simulation'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import { explainRow } from '@shared/engine/scoring/explain'
import { reasonCodes, reasonsLine } from '@shared/engine/scoring/reason-codes'
import { conditionWords } from '@shared/export/readable-condition'
import { attributeWordsOf } from '../dataset/attribute-words'
import { simulationFor, type SimulationRequest } from './run-simulation'

export interface BandRequest {
  outcome: SimulationRequest['outcome']
  /** Inclusive score range; ignored for the Disqualified row. */
  from?: number | undefined
  to?: number | undefined
  disqualified?: boolean | undefined
  offset: number
  limit: number
}

/**
 * The deals behind one row of the band table: the same membership as the table's n (decided
 * deals only, knocked-out deals only in the Disqualified row), highest score first, and for the
 * page asked for, the points each criterion gave.
 */
export function bandAccounts(db: Database, scorecard: Scorecard, request: BandRequest): BandAccountsPage {
  const { compiled, scored, view } = simulationFor(db, scorecard, request.outcome)
  const words = attributeWordsOf(db)
  const { dataset, target } = view
  const { scores, disqualified } = scored
  const from = request.from ?? 0
  const to = request.to ?? 100
  const members: number[] = []
  let positives = 0
  for (let row = 0; row < dataset.rowCount; row++) {
    if (target[row]! < 0) continue
    const out = disqualified[row] !== 0
    if (request.disqualified ? !out : out || scores[row]! < from || scores[row]! > to) continue
    members.push(row)
    if (target[row] === 1) positives++
  }
  // Highest score first; ties keep the file's order so pages are stable between calls.
  members.sort((x, y) => scores[y]! - scores[x]! || x - y)
  const criteria = compiled.criteria.map(({ criterion }) => criterion)
  const reasonWords = criteria.map((c) => conditionWords(c, words(c.attribute)))
  const rows = members.slice(request.offset, request.offset + request.limit).map((row) => {
    const why = explainRow(compiled, row)
    return {
      dealId: dataset.dealIds[row] ?? '',
      accountId: dataset.accountIds[row] ?? '',
      accountName: dataset.accountNames[row] ?? '',
      positive: target[row] === 1,
      score: why.score,
      tier: why.tierIndex < 0 ? DISQUALIFIED : why.tier,
      points: why.reasons.map((reason) => reason.points),
      knockouts: why.knockouts,
      reasons: reasonsLine(
        reasonCodes(
          criteria,
          why.reasons.map((r) => Number(r.matched)),
          reasonWords,
          scorecard.attributeCaps ?? []
        ),
        why.knockouts[0] ?? null
      )
    }
  })
  return {
    total: members.length,
    positives,
    offset: request.offset,
    criteria: compiled.criteria.map(({ criterion }) => ({
      id: criterion.id,
      // In the client's words, as on the one-pager: the column's label and the value as it reads.
      label: criterion.label ?? conditionWords(criterion, words(criterion.attribute)),
      category: criterion.category,
      points: criterion.points
    })),
    rows
  }
}
