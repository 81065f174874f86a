/**
 * Tiers that fit the scores, and the standard a consultant holds a scorecard to: on deals the
 * points were not fitted on, the top tiers should hold most of the wins (at least 60%) and the
 * top tier should win several times as often as the bottom one (at least twice, with intervals
 * that do not overlap). Where most accounts are won (or stay, in a churn study), the times are
 * read on the other outcome: the bottom tier loses (or churns) at least twice as often as the
 * top one. A top tier cannot win twice as often as a bottom one that wins more than half the
 * time: telco-churn's scorecard (AUC 0.80 held out; tier C churned 48%, tier A 3%) fell short of
 * a standard it could not meet. Counted in accounts: an account is in the tier of its most recent deal
 * and is won when any of its deals is, lost when all of them are (one with a deal still open
 * and none won is not counted), as in every export.
 */

import type { TierEvidence } from '@shared/domain/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { accountOutcomes } from '@shared/engine/representative-deals'
import { isolated } from '@shared/format'
import type { Tier } from '@shared/engine/scorecard/model'
import type { ScoredRows } from '@shared/engine/scoring/scored-rows'
import { wilsonInterval } from '@shared/engine/stats/wilson'

/** The top tier holds about this share of accounts (the field's rule of thumb: 15-35%)... */
export const TOP_TIER_SHARE = 0.25
export const TOP_TIER_RANGE: readonly [number, number] = [0.15, 0.35]
/** ...and the top two together about this share. */
export const TOP_TWO_SHARE = 0.6
/** The standard: the tiers above the bottom hold this share of the won accounts... */
export const WINS_HELD = 0.6
/** ...and the top tier wins at least this many times as often as the bottom one. */
export const TOP_OVER_BOTTOM = 2
/** Fewer won (or lost) accounts than this in the measured set: not enough to tell. */
export const MIN_ACCOUNTS_EACH = 10

/** Declared once in the domain, where the screens read it. */
export type { TierEvidence } from '@shared/domain/discover'

export interface ValidationVerdict {
  /** null: not enough data to tell. */
  meets: boolean | null
  sentence: string
}

const pct = (share: number): string => `${Math.round(share * 100)}%`
/** a / b, infinite when b is 0 and a is not. */
const timesAsOften = (a: number, b: number): number => (b > 0 ? a / b : a > 0 ? Infinity : 0)
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null)

/**
 * Tier cut-offs from the score distribution: A the top ~25% of accounts (kept within 15-35%),
 * B down to ~60%, C the rest. Scores are whole numbers and ties stay together, so the shares
 * are as close as the scores allow; no tier is cut that would hold no account (a scorecard of
 * one criterion scores only two values: tiers A and C, not an empty B "99-99").
 */
export function fitTiers(accountScores: ArrayLike<number>, template: readonly Tier[]): Tier[] {
  const n = accountScores.length
  const atLeast = new Float64Array(102)
  for (let i = 0; i < n; i++) atLeast[Math.max(0, Math.min(100, Math.round(accountScores[i]!)))]!++
  for (let s = 99; s >= 0; s--) atLeast[s]! += atLeast[s + 1]!
  const share = (s: number): number => (n === 0 ? 0 : atLeast[s]! / n)
  /** The cut below `below` whose share is nearest `goal`, leaving accounts both above `above` and below it. */
  const closest = (goal: number, below: number, range?: readonly [number, number], above = 0): number | null => {
    let best: number | null = null
    for (let s = below - 1; s >= 1; s--) {
      const got = share(s)
      if (got <= above || got >= 1) continue
      if (range && (got < range[0] || got > range[1])) continue
      if (best === null || Math.abs(got - goal) < Math.abs(share(best) - goal)) best = s
    }
    return best
  }
  const a = closest(TOP_TIER_SHARE, 101, TOP_TIER_RANGE) ?? closest(TOP_TIER_SHARE, 101)
  if (a === null) return template.map((t) => ({ ...t }))
  const b = closest(TOP_TWO_SHARE, a, undefined, share(a)) ?? 0
  const [tierA, tierB, tierC] = [template[0], template[1], template[template.length - 1]]
  return [
    { ...(tierA ?? { name: 'A' }), min: a },
    ...(b > 0 && b < a ? [{ ...(tierB ?? { name: 'B' }), min: b }] : []),
    { ...(tierC ?? { name: 'C' }), min: 0 }
  ].map((t) => ({ ...t }))
}

/** Each account's row: its most recent deal the target counts (the latest close date, else the last one). */
function accountRows(dataset: EngineDataset, target: Int8Array): { rows: number[]; positive: boolean[] } {
  const latest = new Map<number, { row: number; at: number; positive: boolean }>()
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    const account = dataset.accountIndex[i]! >= 0 ? dataset.accountIndex[i]! : -1 - i
    const at = dataset.closedAt[i]! === dataset.closedAt[i]! ? dataset.closedAt[i]! : -Infinity
    const seen = latest.get(account)
    if (!seen) latest.set(account, { row: i, at, positive: t === 1 })
    else {
      if (at >= seen.at) {
        seen.row = i
        seen.at = at
      }
      if (t === 1) seen.positive = true
    }
  }
  // An account with a deal still open and none won is not lost yet (account-units.ts).
  // A won account stays counted (a best-customer study's "rest").
  const outcomes = accountOutcomes(dataset)
  const rows: number[] = []
  const positive: boolean[] = []
  for (const [account, { row, positive: p }] of latest) {
    if (!p && account >= 0 && outcomes[account] === -1) continue
    rows.push(row)
    positive.push(p)
  }
  return { rows, positive }
}

/** Accounts per tier (and the disqualified) in the measured set, with their win rates. */
export function tierEvidence(dataset: EngineDataset, scored: ScoredRows, tiers: readonly Tier[], target: Int8Array): TierEvidence[] {
  const { rows, positive } = accountRows(dataset, target)
  const tierOf = scored.tiers
  const groups = [...tiers.map((t) => t.name), 'Disqualified'].map((name) => ({ name, accounts: 0, won: 0, deals: 0 }))
  const dealsOfAccount = new Map<number, number>()
  for (let i = 0; i < target.length; i++) {
    if (target[i]! < 0) continue
    const account = dataset.accountIndex[i]! >= 0 ? dataset.accountIndex[i]! : -1 - i
    dealsOfAccount.set(account, (dealsOfAccount.get(account) ?? 0) + 1)
  }
  rows.forEach((row, k) => {
    const tier = tierOf[row]!
    const group = groups[tier < 0 ? groups.length - 1 : tier]!
    group.accounts++
    if (positive[k]) group.won++
    const account = dataset.accountIndex[row]! >= 0 ? dataset.accountIndex[row]! : -1 - row
    group.deals += dealsOfAccount.get(account) ?? 1
  })
  const total = rows.length
  const won = positive.filter(Boolean).length
  return groups
    .filter((g, i) => i < tiers.length || g.accounts > 0)
    .map((g) => {
      const [low, high] = wilsonInterval(g.won, g.accounts)
      return {
        name: g.name,
        accounts: g.accounts,
        wonAccounts: g.won,
        deals: g.deals,
        rate: g.accounts === 0 ? null : g.won / g.accounts,
        ci: [finite(low), finite(high)],
        shareOfAccounts: total === 0 ? 0 : g.accounts / total,
        shareOfWins: won === 0 ? 0 : g.won / won
      }
    })
}

/** How a verdict says the outcome: the parts of the one-pager's OutcomeWords it needs. */
export interface VerdictWords {
  won: string
  lost: string
  thirdPerson: string
  positives: string
  gerund: string
  lossRate: string
}

const WON_VERDICT_WORDS: VerdictWords = {
  won: 'won',
  lost: 'lost',
  thirdPerson: 'wins',
  positives: 'wins',
  gerund: 'winning',
  lossRate: 'loss rate'
}

/**
 * One sentence: does the scorecard meet the standard on `where` ("on the held-out deals"), and by
 * how much. `words` says the outcome as a deliverable does (retained and churned for a churn study).
 */
export function validationVerdict(
  evidence: readonly TierEvidence[],
  where: string,
  words: VerdictWords = WON_VERDICT_WORDS
): ValidationVerdict {
  const tiers = evidence.filter((t) => t.name !== 'Disqualified')
  const won = evidence.reduce((sum, t) => sum + t.wonAccounts, 0)
  const lost = evidence.reduce((sum, t) => sum + t.accounts - t.wonAccounts, 0)
  const top = tiers[0]
  const bottom = tiers[tiers.length - 1]
  if (!top || !bottom || tiers.length < 2)
    return { meets: null, sentence: `Not enough data to tell ${where}: the scorecard does not split the accounts into tiers.` }
  if (won < MIN_ACCOUNTS_EACH || lost < MIN_ACCOUNTS_EACH || top.accounts < MIN_ACCOUNTS_EACH || bottom.accounts < MIN_ACCOUNTS_EACH) {
    return {
      meets: null,
      sentence: `Not enough data to tell ${where}: ${won} ${words.won} and ${lost} ${words.lost} accounts, ${top.accounts} in tier ${isolated(top.name)} and ${bottom.accounts} in tier ${isolated(bottom.name)} (it takes at least ${MIN_ACCOUNTS_EACH} of each).`
    }
  }
  const held = tiers.slice(0, -1).reduce((sum, t) => sum + t.shareOfWins, 0)
  const heldAccounts = tiers.slice(0, -1).reduce((sum, t) => sum + t.shareOfAccounts, 0)
  // Where most accounts are won, the times are read on the losses (see the top of this file).
  const byLosses = won > lost
  const ratio = byLosses ? timesAsOften(1 - (bottom.rate ?? 0), 1 - (top.rate ?? 0)) : timesAsOften(top.rate ?? 0, bottom.rate ?? 0)
  const separated = (top.ci[0] ?? 0) > (bottom.ci[1] ?? 1)
  const meets = held >= WINS_HELD && ratio >= TOP_OVER_BOTTOM && separated
  const upper = tiers
    .slice(0, -1)
    .map((t) => isolated(t.name))
    .join(' and ')
  const times = Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : 'far more than'
  const interval = (t: TierEvidence, loss: boolean): string =>
    loss
      ? `${pct(1 - (t.rate ?? 0))} [${pct(1 - (t.ci[1] ?? 1))}–${pct(1 - (t.ci[0] ?? 0))}]`
      : `${pct(t.rate ?? 0)} [${pct(t.ci[0] ?? 0)}–${pct(t.ci[1] ?? 0)}]`
  const apart = byLosses
    ? `tier ${isolated(bottom.name)}'s ${words.lossRate} is ${times} tier ${isolated(top.name)}'s (${interval(bottom, true)} vs ${interval(top, true)})`
    : `tier ${isolated(top.name)} ${words.thirdPerson} ${Number.isFinite(ratio) ? `${times} as often as` : 'far more often than'} tier ${isolated(bottom.name)} (${interval(top, false)} vs ${interval(bottom, false)})`
  const holders =
    tiers.length === 2 ? `tier ${upper} (${pct(heldAccounts)} of accounts) holds` : `tiers ${upper} (${pct(heldAccounts)} of accounts) hold`
  const facts = `${holders} ${pct(held)} of the ${words.won} accounts, and ${apart}`
  const standard = byLosses
    ? `the standard is at least ${pct(WINS_HELD)} of ${words.positives} in the top tiers and, where most accounts are ${words.won}, a ${words.lossRate} in the bottom tier at least ${TOP_OVER_BOTTOM}× the top tier's, beyond the intervals`
    : `the standard is at least ${pct(WINS_HELD)} of ${words.positives} in the top tiers and a top tier ${words.gerund} at least ${TOP_OVER_BOTTOM}× as often as the bottom, beyond the intervals`
  return {
    meets,
    sentence: meets ? `Meets the standard ${where}: ${facts}.` : `Falls short of the standard ${where}: ${facts}; ${standard}.`
  }
}
