/**
 * The evidence for one bin (a value, a band, a list item) and for a whole attribute: win rate
 * with its Wilson interval, lift over the base rate, weight of evidence (WoE) and information
 * value (IV), in the scorecard literature's conventions so a consultant can check them by hand.
 *
 * WoE = ln((positives_i / positives) / (negatives_i / negatives)). An empty cell would make it
 * infinite, so a cell with 0 positives (or 0 negatives) counts as 0.5 of one inside the log
 * (WOE_SMOOTHING); the IV's share difference keeps the real counts, so IV = Σ (positive share
 * - negative share) · WoE stays exactly what the table shows, only finite.
 */

import { wilsonInterval } from '@shared/engine/stats/wilson'

/** Below this many deals a bin's figures are shown but flagged: too few to trust. */
export const TOO_SMALL = 30
/** Stands in for an empty cell's count inside WoE's logarithm. */
export const WOE_SMOOTHING = 0.5

export type Strength = 'none' | 'weak' | 'medium' | 'strong'

/** Deals in a bin and how many of them are positive (won, best customer, retained). */
export interface CellCount {
  n: number
  positives: number
}

/** The deals the target counts (positive or negative; excluded ones left out). */
export interface TargetTotals {
  n: number
  positives: number
  negatives: number
  baseRate: number
}

export interface BinEvidence extends CellCount {
  negatives: number
  rate: number
  /** Wilson 95% interval of the rate. */
  ci: [number, number]
  /** rate / base rate. */
  lift: number
  woe: number
  /** This bin's share of all positives and of all negatives ("share of target vs rest"). */
  positiveShare: number
  negativeShare: number
  tooSmall: boolean
  /** The interval holds the base rate: the data cannot tell this bin from the average. */
  includesBaseRate: boolean
}

export function targetTotals(target: Int8Array): TargetTotals {
  let n = 0
  let positives = 0
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    n++
    positives += t
  }
  return { n, positives, negatives: n - positives, baseRate: n === 0 ? NaN : positives / n }
}

/** IV's plain-language strength, the usual cut-offs: none < 0.02 <= weak < 0.1 <= medium < 0.3 <= strong. */
export function strengthOf(iv: number): Strength {
  if (!(iv >= 0.02)) return 'none'
  if (iv < 0.1) return 'weak'
  if (iv < 0.3) return 'medium'
  return 'strong'
}

/** 0 when the target has no positives or no negatives: then nothing can carry evidence. */
export function weightOfEvidence(cell: CellCount, totals: TargetTotals): number {
  if (totals.positives === 0 || totals.negatives === 0) return 0
  const positives = cell.positives === 0 ? WOE_SMOOTHING : cell.positives
  const negatives = cell.n - cell.positives === 0 ? WOE_SMOOTHING : cell.n - cell.positives
  return Math.log(positives / totals.positives / (negatives / totals.negatives))
}

/** One bin's term of the IV sum. */
export function ivContribution(cell: CellCount, totals: TargetTotals): number {
  if (totals.positives === 0 || totals.negatives === 0 || cell.n === 0) return 0
  const gap = cell.positives / totals.positives - (cell.n - cell.positives) / totals.negatives
  return gap * weightOfEvidence(cell, totals)
}

/** IV of a partition of the counted deals (every deal in exactly one cell). */
export function informationValue(cells: readonly CellCount[], totals: TargetTotals): number {
  let iv = 0
  for (const cell of cells) iv += ivContribution(cell, totals)
  return iv
}

export function binEvidence(cell: CellCount, totals: TargetTotals): BinEvidence {
  const { n, positives } = cell
  const negatives = n - positives
  const rate = n === 0 ? NaN : positives / n
  const ci = wilsonInterval(positives, n)
  return {
    n,
    positives,
    negatives,
    rate,
    ci,
    lift: totals.baseRate > 0 ? rate / totals.baseRate : NaN,
    woe: weightOfEvidence(cell, totals),
    positiveShare: totals.positives === 0 ? 0 : positives / totals.positives,
    negativeShare: totals.negatives === 0 ? 0 : negatives / totals.negatives,
    tooSmall: n < TOO_SMALL,
    includesBaseRate: ci[0] <= totals.baseRate && totals.baseRate <= ci[1]
  }
}
