/**
 * Which deals a suggestion is fitted on and which it is measured on. Points fitted and measured
 * on the same deals always look better than they will on the next quarter's, so the suggestion
 * is fitted on the older deals and measured on the newest ones, as a consultant would check a
 * scorecard against last quarter (a time split). Without close dates, a random third of the
 * accounts is held out (whole accounts, so an account's deals are never on both sides). With
 * too few closed deals for the held-out part to tell anything, there is no validation, and the
 * app says so instead of reporting in-sample figures as evidence.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import { mulberry32 } from '@shared/engine/benchmark/seeded-random'

/** The newest share of the decided deals held out. */
export const HOLDOUT_SHARE = 0.3
/** Share of decided deals that need a close date for a time split. */
const DATED_SHARE = 0.8
/** The held-out part needs at least this many positive and negative deals to tell anything. */
export const MIN_HOLDOUT_EACH = 30
/** And the fitting part at least this many. */
export const MIN_TRAIN_EACH = 50

export interface SideCounts {
  deals: number
  positives: number
  accounts: number
}

export interface ValidationSplit {
  kind: 'time' | 'random' | 'none'
  /** The target with the held-out deals not counted (every deal when kind is 'none'). */
  train: Int8Array
  /** The target with the fitting deals not counted (null when kind is 'none'). */
  holdout: Int8Array | null
  /** Time split: the first close date held out (epoch ms). */
  cutoff: number | null
  trainCounts: SideCounts
  holdoutCounts: SideCounts | null
  /** One sentence: which deals the figures come from, or why there is no holdout. */
  description: string
}

/**
 * The deals (or a churn study's customers) a holdout figure comes from, in words: a time split
 * holds out the newest, a random one whole accounts (saying "the newest" there would be untrue).
 */
export function heldOutPart(kind: ValidationSplit['kind'], records = 'deals'): string {
  return kind === 'time' ? `the newest ${records}` : kind === 'random' ? 'the held-out accounts' : `the ${records} it was built on`
}

const count = (n: number): string => n.toLocaleString('en-US')
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function sideCounts(dataset: EngineDataset, target: Int8Array): SideCounts {
  let deals = 0
  let positives = 0
  let accounts = 0
  // A flag per account rather than a Set: this runs on every deal, several times per suggestion.
  const seen = new Uint8Array(Math.max(0, dataset.accountCount))
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!
    if (t < 0) continue
    deals++
    positives += t
    const a = dataset.accountIndex[i]!
    if (a < 0) accounts++
    else if (seen[a] === 0) {
      seen[a] = 1
      accounts++
    }
  }
  return { deals, positives, accounts }
}

function splitBy(dataset: EngineDataset, target: Int8Array, heldOut: (row: number) => boolean): { train: Int8Array; holdout: Int8Array } {
  const train = Int8Array.from(target)
  const holdout = new Int8Array(target.length).fill(-1)
  for (let i = 0; i < target.length; i++) {
    if (target[i]! < 0 || !heldOut(i)) continue
    holdout[i] = target[i]!
    train[i] = -1
  }
  return { train, holdout }
}

const enough = (side: SideCounts, each: number): boolean => side.positives >= each && side.deals - side.positives >= each

export interface SplitWords {
  records: string
  dates: string
  datedBy: string
}
const DEAL_WORDS: SplitWords = { records: 'deals', dates: 'close dates', datedBy: 'closed' }

export function validationSplit(
  dataset: EngineDataset,
  target: Int8Array,
  /** How the description names the rows and their dates: a churn study's are customers and dates. */
  words: SplitWords = DEAL_WORDS
): ValidationSplit {
  let decided = 0
  let dated = 0
  const closedDates = new Float64Array(target.length)
  for (let i = 0; i < target.length; i++) {
    if (target[i]! < 0) continue
    decided++
    const closed = dataset.closedAt[i]!
    if (closed === closed) closedDates[dated++] = closed
  }
  // A typed array sorts numerically without a comparator, several times faster than number[].
  const dates = closedDates.subarray(0, dated)
  const all = sideCounts(dataset, target)
  const none = (why: string): ValidationSplit => ({
    kind: 'none',
    train: target,
    holdout: null,
    cutoff: null,
    trainCounts: all,
    holdoutCounts: null,
    description: why
  })
  const needed = `at least ${MIN_HOLDOUT_EACH} positive and ${MIN_HOLDOUT_EACH} negative ${words.records} to measure on and ${MIN_TRAIN_EACH} of each to fit on`
  if (!enough(all, Math.ceil(MIN_HOLDOUT_EACH / HOLDOUT_SHARE))) {
    return none(
      `Only ${count(all.positives)} positive and ${count(all.deals - all.positives)} negative ${words.records}: too few to hold some back and measure the scorecard on them (it needs ${needed}). The figures below are measured on the same ${words.records} the points were fitted on: they show how the scorecard ranks history, not how it will rank new accounts.`
    )
  }

  if (dates.length >= DATED_SHARE * decided) {
    dates.sort()
    const cutoff = dates[Math.floor((1 - HOLDOUT_SHARE) * dates.length)]!
    // Deals without a close date stay with the fitting side: their time is unknown.
    const { train, holdout } = splitBy(dataset, target, (i) => {
      const closed = dataset.closedAt[i]!
      return closed === closed && closed >= cutoff
    })
    const trainCounts = sideCounts(dataset, train)
    const holdoutCounts = sideCounts(dataset, holdout)
    if (enough(trainCounts, MIN_TRAIN_EACH) && enough(holdoutCounts, MIN_HOLDOUT_EACH)) {
      return {
        kind: 'time',
        train,
        holdout,
        cutoff,
        trainCounts,
        holdoutCounts,
        description: `Fitted on the ${count(trainCounts.deals)} ${words.records} ${words.datedBy} before ${day(cutoff)}; measured on the ${count(holdoutCounts.deals)} ${words.datedBy} on or after it (${count(holdoutCounts.accounts)} accounts), which the fit never saw.`
      }
    }
  }

  // No dates (or a period too lopsided to split): whole accounts held out at random, seeded by the data's size.
  const random = mulberry32(dataset.rowCount * 31 + dataset.accountCount)
  const heldAccounts = new Uint8Array(Math.max(0, dataset.accountCount))
  for (let a = 0; a < heldAccounts.length; a++) heldAccounts[a] = random() < HOLDOUT_SHARE ? 1 : 0
  const { train, holdout } = splitBy(dataset, target, (i) => {
    const a = dataset.accountIndex[i]!
    return a >= 0 ? heldAccounts[a] === 1 : random() < HOLDOUT_SHARE
  })
  const trainCounts = sideCounts(dataset, train)
  const holdoutCounts = sideCounts(dataset, holdout)
  if (!enough(trainCounts, MIN_TRAIN_EACH) || !enough(holdoutCounts, MIN_HOLDOUT_EACH)) {
    return none(
      `The ${words.records} are concentrated in too few accounts to hold some accounts back (it needs ${needed}). The figures below are measured on the same ${words.records} the points were fitted on.`
    )
  }
  return {
    kind: 'random',
    train,
    holdout,
    cutoff: null,
    trainCounts,
    holdoutCounts,
    description: `Fitted on ${count(trainCounts.accounts)} accounts (${count(trainCounts.deals)} ${words.records}); measured on ${count(holdoutCounts.accounts)} other accounts (${count(holdoutCounts.deals)} ${words.records}) held out at random, which the fit never saw${dates.length < DATED_SHARE * decided ? ` (too few ${words.dates} to hold out the newest ${words.records})` : ''}.`
  }
}
