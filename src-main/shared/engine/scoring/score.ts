/**
 * Scores from the compiled criteria: raw = sum of points of the matched criteria, with each
 * capped attribute's criteria summed first and clipped to -cap..cap. Criteria on one attribute
 * are independent (two contains_any criteria that both list Salesforce both pay out); the cap is
 * how a user keeps an attribute from counting more than it should (docs/scorecard-format.md).
 *
 * Arrays are updated in place: a what-if on a million deals must not allocate.
 */

import type { Tier } from '@shared/engine/scorecard/model'
import type { CompiledScorecard } from './compile'
import { packTable } from './packs'
import { scaleScore, scaleTable, scoreScale, type ScoreScale } from './scale'
import { tierLookup } from './tiers'

export interface ScoredRows {
  /** Per deal: points after caps. */
  raw: Int32Array
  /** Per deal: 0-100. */
  scores: Uint8Array
  /** Per deal: tier index, -1 when knocked out (Disqualified). */
  tiers: Int8Array
  /** Per deal: the first knockout that hits it, or -1 (shared with the compilation). */
  knockedOutBy: Int16Array
  /** Per deal: -1 when knocked out, else 0 (shared with the compilation). */
  disqualified: Int8Array
  scale: ScoreScale
  /** Per capped attribute with more than eight criteria (by capGroups index): its points before the cap. */
  capSums: Array<Int32Array | null>
}

const clip = (sum: number, cap: number): number => (sum > cap ? cap : sum < -cap ? -cap : sum)

/**
 * raw[i] += delta[pattern[i]], then scores and tiers, in one pass: the whole update of a
 * points change (and the last step of a rescore) touches each deal once.
 */
function addAndFinish(compiled: CompiledScorecard, scored: ScoredRows, pattern: Uint8Array | null, delta: Int32Array | null): void {
  const { raw, scores, tiers, disqualified } = scored
  const tierOf = compiled.tierOfScore
  const table = scaleTable(scored.scale)
  const n = raw.length
  // tier | disqualified: -1 for a knocked-out deal, its tier otherwise, without a branch.
  if (table === null) {
    for (let i = 0; i < n; i++) {
      const r = pattern && delta ? raw[i]! + delta[pattern[i]!]! : raw[i]!
      raw[i] = r
      const s = scaleScore(r, scored.scale)
      scores[i] = s
      tiers[i] = tierOf[s]! | disqualified[i]!
    }
    return
  }
  const min = scored.scale.min
  if (pattern && delta) {
    for (let i = 0; i < n; i++) {
      const r = raw[i]! + delta[pattern[i]!]!
      raw[i] = r
      const s = table[r - min]!
      scores[i] = s
      tiers[i] = tierOf[s]! | disqualified[i]!
    }
  } else {
    for (let i = 0; i < n; i++) {
      const s = table[raw[i]! - min]!
      scores[i] = s
      tiers[i] = tierOf[s]! | disqualified[i]!
    }
  }
}

function sumPacks(compiled: CompiledScorecard, scored: ScoredRows): void {
  const { raw } = scored
  const n = raw.length
  raw.fill(0)
  for (const pack of compiled.packs) {
    if (pack.sharedCap >= 0) continue
    const table = packTable(pack, compiled.criteria)
    const pattern = pack.pattern
    for (let i = 0; i < n; i++) raw[i] = raw[i]! + table[pattern[i]!]!
  }
  compiled.capGroups.forEach((group, g) => {
    const packs = compiled.packs.filter((pack) => pack.sharedCap === g)
    if (packs.length === 0) return
    const sums = (scored.capSums[g] ??= new Int32Array(n))
    sums.fill(0)
    for (const pack of packs) {
      const table = packTable(pack, compiled.criteria)
      const pattern = pack.pattern
      for (let i = 0; i < n; i++) sums[i] = sums[i]! + table[pattern[i]!]!
    }
    for (let i = 0; i < n; i++) raw[i] = raw[i]! + clip(sums[i]!, group.cap)
  })
}

/** Scores every deal from the compiled criteria (a full rescore; conditions are not re-evaluated). */
export function scoreCompiled(compiled: CompiledScorecard, into?: ScoredRows): ScoredRows {
  const n = compiled.rowCount
  const scored: ScoredRows = into ?? {
    raw: new Int32Array(n),
    scores: new Uint8Array(n),
    tiers: new Int8Array(n),
    knockedOutBy: compiled.knockedOutBy,
    disqualified: compiled.disqualified,
    scale: compiled.scale,
    capSums: []
  }
  scored.scale = compiled.scale
  scored.knockedOutBy = compiled.knockedOutBy
  scored.disqualified = compiled.disqualified
  sumPacks(compiled, scored)
  addAndFinish(compiled, scored, null, null)
  return scored
}

/**
 * Changes one criterion's points and updates every deal incrementally: raw moves by the change
 * in its pack's table (which carries the cap), then the 0-100 mapping, whose scale moved too.
 */
export function setCriterionPoints(compiled: CompiledScorecard, scored: ScoredRows, index: number, points: number): void {
  const entry = compiled.criteria[index]
  if (!entry) throw new RangeError(`There is no criterion ${index + 1}`)
  const newPoints = Math.round(points)
  const delta = newPoints - entry.criterion.points
  if (delta === 0) return
  const pack = compiled.packs[entry.pack]!
  const before = packTable(pack, compiled.criteria)
  entry.criterion = { ...entry.criterion, points: newPoints }
  const criteria = compiled.criteria.map((c) => c.criterion)
  compiled.scorecard = { ...compiled.scorecard, criteria }
  compiled.scale = scoreScale(criteria, compiled.scorecard.attributeCaps ?? [])
  scored.scale = compiled.scale
  if (pack.sharedCap < 0) {
    const after = packTable(pack, compiled.criteria)
    for (let c = 0; c < after.length; c++) after[c] = after[c]! - before[c]!
    addAndFinish(compiled, scored, pack.pattern, after)
    return
  }
  const { raw } = scored
  const sums = scored.capSums[pack.sharedCap]!
  const cap = compiled.capGroups[pack.sharedCap]!.cap
  const mask = entry.mask
  for (let i = 0; i < raw.length; i++) {
    if (mask[i] === 0) continue
    const old = sums[i]!
    sums[i] = old + delta
    raw[i] = raw[i]! + clip(old + delta, cap) - clip(old, cap)
  }
  addAndFinish(compiled, scored, null, null)
}

/** New tiers without rescoring (scores do not depend on tiers). */
export function setTiers(compiled: CompiledScorecard, scored: ScoredRows, tiers: Tier[]): void {
  compiled.scorecard = { ...compiled.scorecard, tiers }
  compiled.tierOfScore = tierLookup(tiers)
  addAndFinish(compiled, scored, null, null)
}
