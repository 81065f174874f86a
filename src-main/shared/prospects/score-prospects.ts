/**
 * A prospect list scored with a scorecard. The engine scores it (the same compile, packs, caps,
 * scale and tiers as every account), fed with masks judged from the list's own values; a
 * criterion that could not be judged earns nothing, as missing data does in the engine, and is
 * counted as unknown. A second pass scores every unknown criterion the prospect's way, which
 * gives the best score each prospect could reach: the market figures say how many more could
 * pass if the unknowns were filled in.
 */

import { conditionKey, compileScorecard, type CompiledScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled, type ScoredRows } from '@shared/engine/scoring/score'
import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { MET, UNKNOWN_NO_COLUMN, rowVerdicts, type AttributeReading } from './condition-verdicts'

export interface ProspectScoringInput {
  scorecard: Scorecard
  rowCount: number
  /** By attribute name: every attribute the scorecard's criteria and knockouts name. */
  readings: ReadonlyMap<string, AttributeReading>
}

export interface ProspectScoring {
  scorecard: Scorecard
  rowCount: number
  compiled: CompiledScorecard
  scored: ScoredRows
  /** Per prospect: the score if every criterion that could not be judged went its way. */
  best: Uint8Array
  /** Per criterion, per prospect: MET, NOT_MET or an UNKNOWN_* reason (condition-verdicts.ts). */
  criterionVerdicts: Uint8Array[]
  knockoutVerdicts: Uint8Array[]
  /** Per prospect: criteria and knockouts that could not be judged. */
  unknownCount: Uint16Array
  /** Prospect rows, best first: not knocked out before knocked out, then score, then best score. */
  order: Uint32Array
}

// Imported constants are getter calls under tsx and Vitest (and property reads once bundled):
// hot loops use these locals.
const MET_LOCAL: number = MET
const FIRST_UNKNOWN: number = UNKNOWN_NO_COLUMN

function metMask(verdicts: Uint8Array): Uint8Array {
  const mask = new Uint8Array(verdicts.length)
  const met = MET_LOCAL
  for (let i = 0; i < verdicts.length; i++) mask[i] = verdicts[i] === met ? 1 : 0
  return mask
}

function verdictsOf(readings: ProspectScoringInput['readings'], rowCount: number) {
  const cache = new Map<string, Uint8Array>()
  return (condition: Condition): Uint8Array => {
    const key = conditionKey(condition)
    let verdicts = cache.get(key)
    if (!verdicts) {
      const reading = readings.get(condition.attribute)
      verdicts = reading ? rowVerdicts(reading, condition, rowCount) : new Uint8Array(rowCount).fill(UNKNOWN_NO_COLUMN)
      cache.set(key, verdicts)
    }
    return verdicts
  }
}

/** Rows ordered by (not knocked out, score, best score), highest first, in one counting pass. */
function rankRows(scored: ScoredRows, best: Uint8Array): Uint32Array {
  const n = scored.raw.length
  const scores = scored.scores
  const knocked = scored.knockedOutBy
  // Bucket = 101 * 101 possible (score, best) pairs, twice (knocked out or not).
  const buckets = 2 * 101 * 101
  const bucketOf = (row: number): number => (knocked[row]! >= 0 ? 0 : 101 * 101) + scores[row]! * 101 + best[row]!
  const counts = new Uint32Array(buckets + 1)
  for (let row = 0; row < n; row++) counts[buckets - bucketOf(row)]!++
  let sum = 0
  for (let b = 0; b <= buckets; b++) {
    const c = counts[b]!
    counts[b] = sum
    sum += c
  }
  const order = new Uint32Array(n)
  for (let row = 0; row < n; row++) order[counts[buckets - bucketOf(row)]!++] = row
  return order
}

export function scoreProspects(input: ProspectScoringInput): ProspectScoring {
  const { scorecard, rowCount, readings } = input
  const verdictOf = verdictsOf(readings, rowCount)
  const criterionVerdicts = scorecard.criteria.map(verdictOf)
  const knockoutVerdicts = scorecard.knockouts.map(verdictOf)
  const attributes = new Map()
  const maskCache = new Map<string, Uint8Array>()
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts]) {
    const key = conditionKey(condition)
    if (!maskCache.has(key)) maskCache.set(key, metMask(verdictOf(condition)))
  }
  const compiled = compileScorecard(scorecard, { rowCount, attributes }, { rowCount, maskCache })
  const scored = scoreCompiled(compiled)

  // Best case: an unknown criterion with positive points is taken as met; knockouts that could
  // not be checked are left out (only a knockout known to hit disqualifies). Criteria sharing one
  // condition share one mask, so the first criterion's sign decides for both (rare in practice).
  const optimisticCache = new Map<string, Uint8Array>()
  scorecard.criteria.forEach((criterion, i) => {
    const key = conditionKey(criterion)
    if (optimisticCache.has(key)) return
    const verdicts = criterionVerdicts[i]!
    const mask = new Uint8Array(rowCount)
    const met = MET_LOCAL
    // An unknown verdict is FIRST_UNKNOWN or above: taken as met for positive points only.
    const takeFrom = criterion.points > 0 ? FIRST_UNKNOWN : 256
    for (let row = 0; row < rowCount; row++) {
      const v = verdicts[row]!
      mask[row] = v === met || v >= takeFrom ? 1 : 0
    }
    optimisticCache.set(key, mask)
  })
  const optimistic = compileScorecard({ ...scorecard, knockouts: [] }, { rowCount, attributes }, { rowCount, maskCache: optimisticCache })
  const best = Uint8Array.from(scoreCompiled(optimistic).scores)

  const unknownCount = new Uint16Array(rowCount)
  const firstUnknown = FIRST_UNKNOWN
  for (const verdicts of new Set([...criterionVerdicts, ...knockoutVerdicts])) {
    // A condition shared by two criteria is one array: counted once per criterion using it.
    const uses = [...criterionVerdicts, ...knockoutVerdicts].filter((v) => v === verdicts).length
    for (let row = 0; row < rowCount; row++) if (verdicts[row]! >= firstUnknown) unknownCount[row]! += uses
  }
  return {
    scorecard,
    rowCount,
    compiled,
    scored,
    best,
    criterionVerdicts,
    knockoutVerdicts,
    unknownCount,
    order: rankRows(scored, best)
  }
}
