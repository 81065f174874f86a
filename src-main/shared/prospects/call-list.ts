/**
 * The prioritised call list: prospects best first, each with its score, tier, reason codes (the
 * engine's, as on every scored account) and the criteria it could not be judged on.
 */

import type { ProspectRow } from '@shared/domain/prospects'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { reasonCodes, reasonsLine } from '@shared/engine/scoring/reason-codes'
import { MET, UNKNOWN_NO_COLUMN, UNKNOWN_REASONS } from './condition-verdicts'
import type { ProspectScoring } from './score-prospects'

export interface CallListWords {
  criteria: readonly string[]
  knockouts: readonly string[]
  nameOf: (row: number) => string
  domainOf: (row: number) => string
}

export function callListRow(scoring: ProspectScoring, rank: number, words: CallListWords): ProspectRow {
  const { scorecard, scored } = scoring
  const row = scoring.order[rank]!
  const matches = scoring.criterionVerdicts.map((v) => (v[row] === MET ? 1 : 0))
  const knockedOut = scored.knockedOutBy[row]!
  const knockout = knockedOut >= 0 ? (words.knockouts[knockedOut] ?? DISQUALIFIED) : null
  const tier = scored.tiers[row]!
  const unknown: ProspectRow['unknown'] = []
  scoring.criterionVerdicts.forEach((v, i) => {
    const verdict = v[row]!
    if (verdict >= UNKNOWN_NO_COLUMN) unknown.push({ words: words.criteria[i] ?? '', reason: UNKNOWN_REASONS[verdict]! })
  })
  scoring.knockoutVerdicts.forEach((v, i) => {
    const verdict = v[row]!
    if (verdict >= UNKNOWN_NO_COLUMN)
      unknown.push({ words: `knockout not checked: ${words.knockouts[i] ?? ''}`, reason: UNKNOWN_REASONS[verdict]! })
  })
  return {
    rank: rank + 1,
    row,
    name: words.nameOf(row),
    domain: words.domainOf(row),
    score: scored.scores[row]!,
    bestScore: scoring.best[row]!,
    tier: tier < 0 ? DISQUALIFIED : (scorecard.tiers[tier]?.name ?? ''),
    knockout,
    reasons: reasonsLine(reasonCodes(scorecard.criteria, matches, words.criteria, scorecard.attributeCaps ?? []), knockout),
    unknown
  }
}

export function callListPage(scoring: ProspectScoring, offset: number, limit: number, words: CallListWords): ProspectRow[] {
  const rows: ProspectRow[] = []
  for (let rank = offset; rank < Math.min(scoring.rowCount, offset + limit); rank++) rows.push(callListRow(scoring, rank, words))
  return rows
}
