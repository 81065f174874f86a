/**
 * Band tables: the deals grouped by score band (fixed 0-20, 21-40, ... or the scorecard's
 * tiers), each with its win rate and interval, cycle and deal size. Bands under 30 decided
 * deals are flagged: their win rates swing too much to act on.
 */

import type { Tier } from '@shared/engine/scorecard/model'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { tierRange } from '@shared/engine/scoring/tiers'
import { wilsonInterval } from '@shared/engine/stats/wilson'
import { BUCKETS, DISQUALIFIED_BUCKET, sum } from './histograms'
import { groupMedianCycles } from './medians'
import type { ScoredOutcome } from './scored-outcome'

/** Inclusive score range. */
export interface ScoreBand {
  name: string
  from: number
  to: number
}

export interface BandRow {
  name: string
  /** null for the Disqualified row. */
  from: number | null
  to: number | null
  /** Decided deals in the band. */
  n: number
  wins: number
  losses: number
  winRate: number
  ci: [number, number]
  /** winRate / base rate. */
  lift: number
  medianCycleDays: number
  meanCycleDays: number
  meanWonAmount: number
  /** Share of all decided deals. */
  shareOfPipeline: number
  tooSmall: boolean
}

export const TOO_SMALL_BAND = 30

export const FIXED_BANDS: readonly ScoreBand[] = [
  { name: '0-20', from: 0, to: 20 },
  { name: '21-40', from: 21, to: 40 },
  { name: '41-60', from: 41, to: 60 },
  { name: '61-80', from: 61, to: 80 },
  { name: '81-100', from: 81, to: 100 }
]

/** The tiers as bands, highest first (the lowest tier reaches down to 0). */
export function tierBands(tiers: readonly Tier[]): ScoreBand[] {
  return tiers.map((tier, i) => ({ name: tier.name, ...tierRange(tiers, i) }))
}

/** Group index per bucket: bands in their order, then Disqualified (when asked for) last. */
function bandGroups(bands: readonly ScoreBand[], disqualifiedRow: boolean): Int16Array {
  const groupOfBucket = new Int16Array(BUCKETS).fill(-1)
  bands.forEach((band, g) => {
    for (let score = Math.max(band.from, 0); score <= Math.min(band.to, 100); score++) {
      if (groupOfBucket[score + 1] === -1) groupOfBucket[score + 1] = g
    }
  })
  if (disqualifiedRow) groupOfBucket[DISQUALIFIED_BUCKET] = bands.length
  return groupOfBucket
}

export function bandTable(outcome: ScoredOutcome, bands: readonly ScoreBand[], options: { disqualifiedRow?: boolean } = {}): BandRow[] {
  const h = outcome.histograms
  const disqualifiedRow = options.disqualifiedRow ?? false
  const groupOfBucket = bandGroups(bands, disqualifiedRow)
  const groups = bands.length + (disqualifiedRow ? 1 : 0)
  const total = { n: sum(h.deals), wins: sum(h.wins) }
  const per = Array.from({ length: groups }, () => ({ n: 0, wins: 0, wonAmount: 0, wonAmountCount: 0, cycleSum: 0, cycleCount: 0 }))
  for (let b = BUCKETS - 1; b >= 0; b--) {
    const group = per[groupOfBucket[b]!]
    if (!group) continue
    group.n += h.deals[b]!
    group.wins += h.wins[b]!
    group.wonAmount += h.wonAmount[b]!
    group.wonAmountCount += h.wonAmountCount[b]!
    group.cycleSum += h.cycleSum[b]!
    group.cycleCount += h.cycleCount[b]!
  }
  const medians = groupMedianCycles(
    outcome,
    groupOfBucket,
    per.map((group) => group.cycleCount)
  )
  const baseRate = total.n === 0 ? NaN : total.wins / total.n
  const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b)
  return per.map((group, g): BandRow => {
    const band = bands[g]
    const winRate = ratio(group.wins, group.n)
    return {
      name: band?.name ?? DISQUALIFIED,
      from: band?.from ?? null,
      to: band?.to ?? null,
      n: group.n,
      wins: group.wins,
      losses: group.n - group.wins,
      winRate,
      ci: wilsonInterval(group.wins, group.n),
      lift: ratio(winRate, baseRate),
      medianCycleDays: medians[g]!,
      meanCycleDays: ratio(group.cycleSum, group.cycleCount),
      meanWonAmount: ratio(group.wonAmount, group.wonAmountCount),
      shareOfPipeline: ratio(group.n, total.n),
      tooSmall: group.n < TOO_SMALL_BAND
    }
  })
}
