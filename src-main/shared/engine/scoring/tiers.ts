/** Scores to tiers: tiers are ordered highest first and the lowest one takes every score below it. */

import type { Tier } from '@shared/engine/scorecard/model'

/** Tier index of each score 0-100 (index = score). */
export function tierLookup(tiers: readonly Tier[]): Int8Array {
  const table = new Int8Array(101)
  for (let score = 0; score <= 100; score++) {
    let tier = tiers.findIndex((candidate) => score >= candidate.min)
    if (tier < 0) tier = tiers.length - 1
    table[score] = Math.max(tier, 0)
  }
  return table
}

/** The scores a tier covers, as an inclusive band: the lowest tier starts at 0, the highest ends at 100. */
export function tierRange(tiers: readonly Tier[], index: number): { from: number; to: number } {
  const above = tiers[index - 1]
  const from = index === tiers.length - 1 ? 0 : (tiers[index]?.min ?? 0)
  return { from, to: above ? above.min - 1 : 100 }
}
