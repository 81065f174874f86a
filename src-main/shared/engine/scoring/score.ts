/**
 * Raw points from the compiled criteria: the sum of the points of the matched criteria, with
 * each capped attribute's criteria summed first and clipped to -cap..cap. Criteria on one
 * attribute are independent (two contains_any criteria that both list Salesforce both pay
 * out); the cap is how a user keeps an attribute from counting more than it should
 * (docs/scorecard-format.md). Arrays are updated in place: a what-if must not allocate.
 */

import type { Tier } from '@shared/engine/scorecard/model'
import type { CompiledScorecard } from './compile'
import { metRows } from './met-rows'
import { packTable } from './packs'
import { scoreScale } from './scale'
import { ScoredRows } from './scored-rows'
import { tierLookup } from './tiers'

export { ScoredRows } from './scored-rows'

const clip = (sum: number, cap: number): number => (sum > cap ? cap : sum < -cap ? -cap : sum)

function addPack(raw: Int32Array, pattern: Uint8Array, table: Int32Array): void {
  for (let i = 0; i < raw.length; i++) raw[i] = raw[i]! + table[pattern[i]!]!
}

function sumPacks(compiled: CompiledScorecard, scored: ScoredRows): void {
  const { raw } = scored
  const n = raw.length
  raw.fill(0)
  for (const pack of compiled.packs) {
    if (pack.sharedCap < 0) addPack(raw, pack.pattern, packTable(pack, compiled.criteria))
  }
  compiled.capGroups.forEach((group, g) => {
    const packs = compiled.packs.filter((pack) => pack.sharedCap === g)
    if (packs.length === 0) return
    const sums = (scored.capSums[g] ??= new Int32Array(n))
    sums.fill(0)
    for (const pack of packs) addPack(sums, pack.pattern, packTable(pack, compiled.criteria))
    for (let i = 0; i < n; i++) raw[i] = raw[i]! + clip(sums[i]!, group.cap)
  })
}

/** Scores every deal from the compiled criteria (a full rescore; conditions are not re-evaluated). */
export function scoreCompiled(compiled: CompiledScorecard, into?: ScoredRows): ScoredRows {
  const scored =
    into && into.knockedOutBy === compiled.knockedOutBy
      ? into
      : new ScoredRows(compiled.rowCount, compiled.knockedOutBy, compiled.disqualified)
  sumPacks(compiled, scored)
  scored.changed(compiled.scale, compiled.tierOfScore)
  return scored
}

/**
 * Changes one criterion's points and updates raw points incrementally: each deal moves by the
 * change in its pack's table (which carries the cap), i.e. raw += delta * mask, walking only the
 * deals that meet it (`metRows`, the same list the what-if session moves between counts). The scale moves
 * too, so scores and tiers are re-derived when next read.
 */
export function setCriterionPoints(compiled: CompiledScorecard, scored: ScoredRows, index: number, points: number): void {
  const entry = compiled.criteria[index]
  if (!entry) throw new RangeError(`There is no criterion ${index + 1}`)
  const newPoints = Math.round(points)
  const delta = newPoints - entry.criterion.points
  if (delta === 0) return
  const pack = compiled.packs[entry.pack]!
  const before = pack.cap === null ? null : packTable(pack, compiled.criteria)
  entry.criterion = { ...entry.criterion, points: newPoints }
  const criteria = compiled.criteria.map((c) => c.criterion)
  compiled.scorecard = { ...compiled.scorecard, criteria }
  compiled.scale = scoreScale(criteria, compiled.scorecard.attributeCaps ?? [])
  const { raw } = scored
  // Only the deals that meet the criterion move: elsewhere its bit is clear, so the change is 0.
  const rows = metRows(entry.mask)
  if (before) {
    // The pack carries its attribute's cap: each combination moves by its clipped difference.
    const change = packTable(pack, compiled.criteria)
    for (let c = 0; c < change.length; c++) change[c] = change[c]! - before[c]!
    const pattern = pack.pattern
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!
      raw[i] = raw[i]! + change[pattern[i]!]!
    }
  } else if (pack.sharedCap < 0) {
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!
      raw[i] = raw[i]! + delta
    }
  } else {
    const sums = scored.capSums[pack.sharedCap]!
    const cap = compiled.capGroups[pack.sharedCap]!.cap
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!
      const old = sums[i]!
      sums[i] = old + delta
      raw[i] = raw[i]! + clip(old + delta, cap) - clip(old, cap)
    }
  }
  scored.changed(compiled.scale, compiled.tierOfScore)
}

/** New tiers without rescoring (scores do not depend on tiers). */
export function setTiers(compiled: CompiledScorecard, scored: ScoredRows, tiers: Tier[]): void {
  compiled.scorecard = { ...compiled.scorecard, tiers }
  compiled.tierOfScore = tierLookup(tiers)
  scored.changed(compiled.scale, compiled.tierOfScore)
}
