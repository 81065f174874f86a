/**
 * Suspected leakage: an attribute that separates the outcome because it records it (a churn
 * reason, a loss reason, an onboarding date filled in only once a deal was won). Such an
 * attribute tops every ranking and would make a scorecard look brilliant on history and
 * useless on new accounts, so Discover flags it (still listing it) and never suggests it.
 */

import type { BinnedAttribute } from './binned-attribute'
import type { TargetTotals } from './woe-iv'

/** Filled for (almost) only one side: missing for more than this share of the other side... */
export const LEAK_MISSING_SHARE = 0.95
/** ...while present for more than this share of this side. */
export const LEAK_PRESENT_SHARE = 0.5
/**
 * Separation no real ICP trait reaches: IV over 0.5 is already "suspiciously strong" in credit
 * scoring, and columns filled in after a win (onboarding, contract dates) land well above 1.
 */
export const LEAK_IV = 1
/** A pure bin (all positive or none) holding more than this share of the deals... */
export const LEAK_PURE_BIN_SHARE = 0.05
/** ...that chance would produce less often than this (small samples make small pure bins easily). */
export const LEAK_PURE_BIN_CHANCE = 1e-4

export interface LeakageCheck {
  suspected: boolean
  /** Why, in words, for the flag's tooltip. */
  reasons: string[]
}

const percent = (share: number): string => `${Math.round(share * 100)}%`

function presencePattern(binned: BinnedAttribute, totals: TargetTotals): string | null {
  const missing = binned.bins.find((bin) => bin.condition.op === 'is_missing')
  if (!missing || totals.positives === 0 || totals.negatives === 0) return null
  const missingNegatives = (missing.n - missing.positives) / totals.negatives
  const missingPositives = missing.positives / totals.positives
  if (missingNegatives > LEAK_MISSING_SHARE && 1 - missingPositives > LEAK_PRESENT_SHARE) {
    return `filled for ${percent(1 - missingPositives)} of positive deals but only ${percent(1 - missingNegatives)} of negative ones`
  }
  if (missingPositives > LEAK_MISSING_SHARE && 1 - missingNegatives > LEAK_PRESENT_SHARE) {
    return `filled for ${percent(1 - missingNegatives)} of negative deals but only ${percent(1 - missingPositives)} of positive ones`
  }
  return null
}

function pureBins(binned: BinnedAttribute, totals: TargetTotals, skipMissing: boolean): string[] {
  const reasons: string[] = []
  const logChance = Math.log(LEAK_PURE_BIN_CHANCE)
  for (const bin of binned.bins) {
    if (skipMissing && bin.condition.op === 'is_missing') continue
    if (bin.n <= LEAK_PURE_BIN_SHARE * totals.n) continue
    // Only a bin that is ALL positive: a column filled in once a deal is won looks like that.
    // A bin with no positive at all is often a real anti-ICP trait (no tiny company is a best
    // customer), and a column filled only for losses is caught by the presence pattern.
    if (bin.positives !== bin.n) continue
    if (bin.n * Math.log(totals.baseRate) >= logChance) continue
    reasons.push(`all ${bin.n} deals with "${bin.label}" are positive`)
  }
  return reasons
}

/**
 * IV grows with imbalance: a rare target (best customers, ~10% of deals) picked out by a
 * strong real trait reaches IVs a balanced won/lost split never sees. The limit therefore
 * rises from LEAK_IV at a balanced target (base rate 25-75%) to four times it at 0% or 100%.
 */
export function leakIvLimit(baseRate: number): number {
  const minority = Math.min(baseRate, 1 - baseRate)
  return LEAK_IV * (1 + (3 * Math.max(0, 0.25 - minority)) / 0.25)
}

export function leakageCheck(binned: BinnedAttribute, iv: number, totals: TargetTotals): LeakageCheck {
  const reasons: string[] = []
  const pattern = presencePattern(binned, totals)
  if (pattern) reasons.push(pattern)
  const ivLimit = leakIvLimit(totals.baseRate)
  if (iv > ivLimit) reasons.push(`information value ${iv.toFixed(2)}: near-perfect separation`)
  reasons.push(...pureBins(binned, totals, pattern !== null))
  return { suspected: reasons.length > 0, reasons }
}
