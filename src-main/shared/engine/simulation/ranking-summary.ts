/** AUC, Gini, KS and cumulative gains of a scored outcome, from its histograms. */

import { aucFromHistograms, cumulativeGains, giniFromAuc, ksFromHistograms } from '@shared/engine/stats/ranking'
import { BUCKETS, type ScoreHistograms } from './histograms'

export interface GainsAtScore {
  /** Deals scoring this or more are selected; -1 adds the knocked-out deals (everyone). */
  score: number
  population: number
  captured: number
}

export interface RankingSummary {
  /** Knocked-out deals rank below score 0; ties count half. */
  auc: number
  gini: number
  ks: number
  /** The score where the KS gap is widest (-1: at the knocked-out deals). */
  ksScore: number
  gains: GainsAtScore[]
}

export function rankingSummary(h: ScoreHistograms): RankingSummary {
  const losses = new Float64Array(BUCKETS)
  for (let b = 0; b < BUCKETS; b++) losses[b] = h.deals[b]! - h.wins[b]!
  const auc = aucFromHistograms(h.wins, losses)
  const { ks, bucket } = ksFromHistograms(h.wins, losses)
  const gains = cumulativeGains(h.wins, h.deals).map(({ bucket: b, population, captured }) => ({ score: b - 1, population, captured }))
  return { auc, gini: giniFromAuc(auc), ks, ksScore: bucket < 0 ? NaN : bucket - 1, gains }
}
