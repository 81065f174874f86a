/**
 * What each knockout would have cost on the historical deals: the won deals and won revenue
 * it removes, each knockout on its own (so rules that overlap both count a deal), plus the wins
 * only that rule removes. A good knockout removes many lost deals and few wins.
 */

import type { CompiledScorecard } from '@shared/engine/scoring/compile'
import { wilsonInterval } from '@shared/engine/stats/wilson'
import type { OutcomeView } from './outcome'

export interface KnockoutBacktestRow {
  name: string
  /** Decided deals the knockout hits. */
  dealsRemoved: number
  wonDealsRemoved: number
  lostDealsRemoved: number
  wonRevenueRemoved: number
  /** Share of all won revenue. */
  wonRevenueShare: number
  /** Win rate among the deals it removes, with its interval. */
  winRateRemoved: number
  ci: [number, number]
  /** Won deals no other knockout hits. */
  wonDealsOnlyThis: number
}

export function knockoutBacktest(view: OutcomeView, compiled: CompiledScorecard): KnockoutBacktestRow[] {
  // Without knockouts there is nothing to cost (and no pass over every deal for the won revenue).
  if (compiled.knockouts.length === 0) return []
  const { target, include } = view
  const { amount } = view.dataset
  const n = target.length
  const hits = new Uint8Array(n)
  for (const { mask } of compiled.knockouts) for (let i = 0; i < n; i++) hits[i] = hits[i]! + mask[i]!
  let wonRevenue = 0
  for (let i = 0; i < n; i++) {
    if (target[i] === 1 && (include === null || include[i] === 1) && !Number.isNaN(amount[i]!)) wonRevenue += amount[i]!
  }
  return compiled.knockouts.map(({ knockout, mask }): KnockoutBacktestRow => {
    let deals = 0
    let wins = 0
    let revenue = 0
    let only = 0
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0 || target[i]! < 0 || (include !== null && include[i] === 0)) continue
      deals++
      if (target[i] === 1) {
        wins++
        if (!Number.isNaN(amount[i]!)) revenue += amount[i]!
        if (hits[i] === 1) only++
      }
    }
    return {
      name: knockout.name,
      dealsRemoved: deals,
      wonDealsRemoved: wins,
      lostDealsRemoved: deals - wins,
      wonRevenueRemoved: revenue,
      wonRevenueShare: wonRevenue === 0 ? NaN : revenue / wonRevenue,
      winRateRemoved: deals === 0 ? NaN : wins / deals,
      ci: wilsonInterval(wins, deals),
      wonDealsOnlyThis: only
    }
  })
}
