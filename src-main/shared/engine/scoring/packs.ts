/**
 * Criteria packed eight to a byte: per deal, bit j of a pack's pattern says whether the pack's
 * j-th criterion matches. A 256-entry table then gives the points of every combination, so
 * scoring twenty criteria costs three table lookups per deal instead of twenty multiply-adds,
 * and a cap costs nothing: the table holds the clipped sum. Patterns depend only on the data
 * and conditions (built once); tables depend on points (rebuilt in microseconds).
 */

import type { Criterion } from '@shared/engine/scorecard/model'

export const PACK_WIDTH = 8

export interface CriterionPack {
  /** Indexes into the compiled criteria; bit j stands for members[j]. */
  members: number[]
  pattern: Uint8Array
  /** Clip the pack's sum to -cap..cap; null when uncapped or when the cap spans several packs. */
  cap: number | null
  /** For a capped attribute with more than eight criteria: its index in the shared cap groups, else -1. */
  sharedCap: number
}

export function buildPattern(masks: readonly Uint8Array[], rowCount: number): Uint8Array {
  const pattern = new Uint8Array(rowCount)
  masks.forEach((mask, bit) => {
    for (let i = 0; i < rowCount; i++) pattern[i] = pattern[i]! | (mask[i]! << bit)
  })
  return pattern
}

/** Points of every bit combination of the pack, clipped when the pack carries the cap. */
export function packTable(pack: CriterionPack, criteria: ReadonlyArray<{ criterion: Criterion }>): Int32Array {
  const points = pack.members.map((index) => criteria[index]!.criterion.points)
  const table = new Int32Array(1 << pack.members.length)
  for (let combination = 1; combination < table.length; combination++) {
    // Each combination extends the one without its lowest set bit.
    const low = combination & -combination
    table[combination] = table[combination ^ low]! + points[31 - Math.clz32(low)]!
  }
  if (pack.cap !== null) {
    const cap = pack.cap
    for (let c = 0; c < table.length; c++) table[c] = Math.min(Math.max(table[c]!, -cap), cap)
  }
  return table
}

/** Chunks of up to eight criteria: each capped attribute on its own, the rest together. */
export function planPacks(
  criteria: ReadonlyArray<{ capGroup: number }>,
  capGroups: ReadonlyArray<{ cap: number; criteria: number[] }>
): Array<Omit<CriterionPack, 'pattern'>> {
  const plans: Array<Omit<CriterionPack, 'pattern'>> = []
  const chunk = (members: number[], cap: number | null, sharedCap: number): void => {
    for (let start = 0; start < members.length; start += PACK_WIDTH) {
      plans.push({ members: members.slice(start, start + PACK_WIDTH), cap, sharedCap })
    }
  }
  chunk(
    criteria.flatMap((entry, index) => (entry.capGroup < 0 ? [index] : [])),
    null,
    -1
  )
  capGroups.forEach((group, g) => {
    if (group.criteria.length <= PACK_WIDTH) chunk(group.criteria, group.cap, -1)
    else chunk(group.criteria, null, g)
  })
  return plans
}
