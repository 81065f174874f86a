/**
 * Suspected leakage: an attribute that separates the outcome because it records it, or records
 * the sales process that led to it (days in each stage, stage changes, a call's duration, a loss
 * reason, an onboarding date filled in only once a deal was won). Such an attribute tops every
 * ranking and would make a scorecard look brilliant on history and useless on new accounts, so
 * Discover flags it, with the reason, and leaves it out of the signal verdict, the suggested
 * scorecard and knockout proposals unless the consultant overrules the flag.
 *
 * Four independent readings, any one of which flags:
 *   - the name describes the sales process or its result (leak-names.ts);
 *   - it is filled (or non-zero) almost only for one outcome;
 *   - it separates won from lost nearly perfectly (single-attribute AUC), or far better than
 *     every other attribute while its IV is beyond what real ICP traits reach;
 *   - it is a date later than the deal's created date (known only after the deal began).
 */

import type { EngineColumn } from '@shared/engine/engine-dataset'
import type { BinnedAttribute } from './binned-attribute'
import { leakByName } from './leak-names'
import type { TargetTotals } from './woe-iv'

/** Filled for (almost) only one side: missing for more than this share of the other side... */
export const LEAK_MISSING_SHARE = 0.95
/** ...while present for more than this share of this side. */
export const LEAK_PRESENT_SHARE = 0.5
/**
 * Separation real ICP traits do not reach: IV over 0.5 is already "suspiciously strong" in
 * credit scoring, and columns filled in after a win (onboarding, contract dates) land well above 1.
 */
export const LEAK_IV = 1
/** A single attribute ranking won above lost this well records the outcome. */
export const NEAR_PERFECT_AUC = 0.9
/** With an IV past the limit, an AUC this far above every other attribute's is suspicious too. */
export const OUTLIER_AUC_GAP = 0.1
/** A pure bin (all positive or none) holding more than this share of the deals... */
export const LEAK_PURE_BIN_SHARE = 0.05
/** ...that chance would produce less often than this (small samples make small pure bins easily). */
export const LEAK_PURE_BIN_CHANCE = 1e-4
/** A date column whose value falls after the deal's creation on at least this share of deals. */
export const LATER_DATE_SHARE = 0.5

export interface LeakageCheck {
  suspected: boolean
  /** Why, in words, for the flag's tooltip. */
  reasons: string[]
}

/** What the checks beyond the bins need: the attribute's name and, for dates, the deals' created dates. */
export interface LeakageContext {
  name?: string
  column?: EngineColumn
  target?: Int8Array
  /** The column holds dates (epoch ms), and each row's deal created date to compare with. */
  dates?: { createdAt: Float64Array }
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

/** A count or amount that is non-zero almost only for one outcome ("calls after the win"). */
function nonZeroPattern(column: EngineColumn | undefined, target: Int8Array | undefined, totals: TargetTotals): string | null {
  if (!column || !target || column.kind !== 'number' || totals.positives === 0 || totals.negatives === 0) return null
  let positiveSet = 0
  let negativeSet = 0
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    const v = column.values[i]!
    if (v !== v || v === 0) continue
    if (t === 1) positiveSet++
    else negativeSet++
  }
  const pos = positiveSet / totals.positives
  const neg = negativeSet / totals.negatives
  if (neg < 1 - LEAK_MISSING_SHARE && pos > LEAK_PRESENT_SHARE) {
    return `non-zero for ${percent(pos)} of positive deals but only ${percent(neg)} of negative ones`
  }
  if (pos < 1 - LEAK_MISSING_SHARE && neg > LEAK_PRESENT_SHARE) {
    return `non-zero for ${percent(neg)} of negative deals but only ${percent(pos)} of positive ones`
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

/** A date filled in after the deal was created: a close, signature or onboarding date. */
function laterDate(column: EngineColumn | undefined, target: Int8Array | undefined, dates: LeakageContext['dates']): string | null {
  if (!column || !target || !dates || column.kind !== 'number') return null
  let compared = 0
  let later = 0
  for (let i = 0; i < target.length; i++) {
    if (target[i]! < 0) continue
    const v = column.values[i]!
    const created = dates.createdAt[i]!
    if (v !== v || created !== created) continue
    compared++
    if (v > created + 86_400_000) later++
  }
  if (compared === 0 || later < LATER_DATE_SHARE * compared) return null
  return `a date after the deal was created on ${percent(later / compared)} of deals: known only once the deal was under way`
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

/**
 * How well the attribute alone ranks positives above negatives: bins ordered by their rate,
 * ties counted half (the AUC of a score that is the bin's rate). 0.5 = no better than chance.
 */
export function singleAttributeAuc(binned: BinnedAttribute): number {
  if (binned.kind === 'multi') {
    let best = 0.5
    for (const partition of binned.partitions) best = Math.max(best, aucOfCells(partition))
    return best
  }
  return aucOfCells(binned.bins)
}

function aucOfCells(cells: ReadonlyArray<{ n: number; positives: number }>): number {
  const ordered = cells.filter((c) => c.n > 0).sort((a, b) => a.positives / a.n - b.positives / b.n)
  let negativesBelow = 0
  let pairs = 0
  let wins = 0
  let totalPositives = 0
  let totalNegatives = 0
  for (const c of ordered) {
    totalPositives += c.positives
    totalNegatives += c.n - c.positives
  }
  if (totalPositives === 0 || totalNegatives === 0) return 0.5
  for (const c of ordered) {
    const negatives = c.n - c.positives
    wins += c.positives * negativesBelow + 0.5 * c.positives * negatives
    negativesBelow += negatives
  }
  pairs = totalPositives * totalNegatives
  return wins / pairs
}

export function leakageCheck(binned: BinnedAttribute, iv: number, totals: TargetTotals, context: LeakageContext = {}): LeakageCheck {
  const reasons: string[] = []
  const byName = context.name ? leakByName(context.name) : null
  if (byName) reasons.push(byName)
  const pattern = presencePattern(binned, totals) ?? nonZeroPattern(context.column, context.target, totals)
  if (pattern) reasons.push(pattern)
  const auc = singleAttributeAuc(binned)
  if (auc >= NEAR_PERFECT_AUC) reasons.push(`alone it ranks won above lost ${Math.round(auc * 100)}% of the time: near-perfect separation`)
  reasons.push(...pureBins(binned, totals, pattern !== null))
  const later = laterDate(context.column, context.target, context.dates)
  if (later) reasons.push(later)
  return { suspected: reasons.length > 0, reasons }
}

/**
 * The reading across attributes: an IV past what real traits reach and an AUC far above every
 * other attribute's. Returns the reason for each attribute it flags, by index.
 */
export function outlierLeaks(
  attributes: ReadonlyArray<{ iv: number; auc: number; suspected: boolean }>,
  baseRate: number
): Map<number, string> {
  const flagged = new Map<number, string>()
  const limit = leakIvLimit(baseRate)
  attributes.forEach((a, i) => {
    if (a.suspected || a.iv <= limit) return
    let nextBest = 0.5
    attributes.forEach((other, j) => {
      if (j !== i && !other.suspected) nextBest = Math.max(nextBest, other.auc)
    })
    if (a.auc >= nextBest + OUTLIER_AUC_GAP) {
      flagged.set(
        i,
        `information value ${a.iv.toFixed(2)} and an AUC of ${a.auc.toFixed(2)} against at most ${nextBest.toFixed(2)} for any other attribute: too good to be a trait`
      )
    }
  })
  return flagged
}
