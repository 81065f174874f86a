/**
 * Does an attribute separate the target beyond chance? With 30 attributes and a few hundred
 * deals, some attribute always looks predictive by luck; a tool that ranks that noise destroys
 * a consultant's credibility. So each attribute gets a chi-square test of independence over its
 * bins, and the p-values are corrected across attributes (Benjamini-Hochberg, false discovery
 * rate 5%) before anything is called significant.
 */

import { chiSquarePValue } from './chi-square'
import type { CellCount } from './woe-iv'

/** The false discovery rate Discover accepts, and the level of every test it runs. */
export const SIGNIFICANCE_LEVEL = 0.05

export interface IndependenceTest {
  statistic: number
  df: number
  pValue: number
}

/**
 * Pearson's chi-square over a 2 x k table (positives and negatives per cell). Cells must
 * partition the deals tested; empty cells carry no information and do not add a degree of
 * freedom.
 */
export function chiSquareIndependence(cells: readonly CellCount[]): IndependenceTest {
  let n = 0
  let positives = 0
  let used = 0
  for (const cell of cells) {
    if (cell.n === 0) continue
    n += cell.n
    positives += cell.positives
    used++
  }
  const df = used - 1
  if (df < 1 || positives === 0 || positives === n) return { statistic: 0, df: Math.max(df, 0), pValue: 1 }
  const rate = positives / n
  const variance = rate * (1 - rate)
  let statistic = 0
  for (const cell of cells) {
    if (cell.n === 0) continue
    const gap = cell.positives - cell.n * rate
    statistic += (gap * gap) / (cell.n * variance)
  }
  return { statistic, df, pValue: chiSquarePValue(statistic, df) }
}

/** Two-sided p-value that two cells share one rate (the pooled two-proportion z-test: z² is chi-square, 1 df). */
export function twoProportionPValue(a: CellCount, b: CellCount): number {
  return chiSquareIndependence([a, b]).pValue
}

export interface CorrectedPValues {
  /** Benjamini-Hochberg adjusted p-values (q-values), in the input's order. */
  adjusted: number[]
  significant: boolean[]
}

/** Benjamini-Hochberg step-up: a test is significant when its q-value is at most `level`. NaN counts as 1. */
export function benjaminiHochberg(pValues: readonly number[], level: number = SIGNIFICANCE_LEVEL): CorrectedPValues {
  const m = pValues.length
  const clean = pValues.map((p) => (Number.isNaN(p) ? 1 : p))
  const order = clean.map((_, i) => i).sort((a, b) => clean[a]! - clean[b]!)
  const adjusted = new Array<number>(m).fill(1)
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1]!
    running = Math.min(running, (clean[index]! * m) / rank)
    adjusted[index] = running
  }
  return { adjusted, significant: adjusted.map((q) => q <= level) }
}

/** Whether the data carries any signal: the headline of the Discover screen. */
export type Signal = 'none' | 'weak' | 'present'

/** An attribute IV below this, even if significant, only nudges the odds (the "medium" cut-off). */
export const PRESENT_SIGNAL_IV = 0.1

/**
 * 'none' when no attribute separates the target after correction, 'weak' when some do but none
 * reaches a medium IV (a million deals make tiny effects significant), else 'present'. Leaky
 * attributes (unless the consultant overruled the flag) and identifiers do not count: they
 * separate the outcome because they record it, or name the account rather than describe it.
 */
export function datasetSignal(
  attributes: ReadonlyArray<{
    significant: boolean
    iv: number
    leakageSuspected: boolean
    leakageOverruled?: boolean
    excluded?: string | null
  }>
): Signal {
  const real = attributes.filter(
    (attribute) => attribute.significant && (!attribute.leakageSuspected || attribute.leakageOverruled === true) && !attribute.excluded
  )
  if (real.length === 0) return 'none'
  return real.some((attribute) => attribute.iv >= PRESENT_SIGNAL_IV) ? 'present' : 'weak'
}
