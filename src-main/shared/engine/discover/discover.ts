/**
 * Discover: for every attribute, how the accounts (account facts) or deals (deal facts) split by
 * value or bin, the win rate (or best customer rate) with its interval, lift, weight of evidence
 * and information value, whether the attribute separates the target beyond chance, and whether
 * it looks like it leaks the outcome. Account facts are judged on accounts, so an account with
 * many deals is one piece of evidence; deal facts on deals, with a test that knows one
 * account's deals are not independent. One pass over each column (numbers: plus one sort).
 */

import type { EngineColumn, EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import { conditionMask } from '@shared/engine/scoring/condition-mask'
import type { Band } from '@shared/import/hygiene/bands'
import { accountColumn, accountUnits, type AccountUnits } from './account-units'
import { attributeBins, type BinningOptions } from './attribute-bins'
import type { BinnedAttribute } from './binned-attribute'
import { clusteredIndependence, clusterOrder } from './clustered-test'
import { leakageCheck, outlierLeaks, singleAttributeAuc } from './leakage'
import { bandBins } from './number-bins'
import { benjaminiHochberg, chiSquareIndependence, datasetSignal, SIGNIFICANCE_LEVEL, type Signal } from './significance'
import { binEvidence, informationValue, strengthOf, targetTotals, type BinEvidence, type Strength, type TargetTotals } from './woe-iv'

export interface DiscoverOptions {
  /** 1 positive, 0 negative, -1 not counted, per deal; default the outcome (won vs lost, open left out). */
  target?: Int8Array
  /** Each attribute's scorecard category; default Technographic for lists, Firmographic otherwise. */
  categories?: ReadonlyMap<string, string>
  /** Number attributes to also show in human bands, e.g. Employees -> EMPLOYEE_BANDS. */
  bands?: ReadonlyMap<string, readonly Band[]>
  binning?: BinningOptions
  /** Attributes whose leakage flag the consultant overruled: they count as ordinary attributes. */
  leakAllowed?: ReadonlySet<string>
  /** Attributes that hold dates (epoch ms), checked against the deals' created dates. */
  dateAttributes?: ReadonlySet<string>
  /**
   * Count distinct accounts per bin of a deal fact (default true). Those counts are for people
   * to read; a fit that only ranks attributes (the suggestion's inner fit) skips the pass, and
   * its bins then report deals as accounts.
   */
  accountsPerDealBin?: boolean
}

export interface DiscoveredBin extends BinEvidence {
  label: string
  /** Selects exactly this bin's deals: the criterion a suggestion or a drag into the editor starts from. */
  condition: Condition
  /** Deals and accounts the bin counts, whichever is the unit (n is the unit's count). */
  deals: number
  accounts: number
}

export interface BinView {
  iv: number
  strength: Strength
  bins: DiscoveredBin[]
}

export interface DiscoveredAttribute extends BinView {
  name: string
  category: string
  kind: EngineColumn['kind']
  /** What the evidence counts: accounts for an account fact, deals for a deal fact. */
  unit: 'account' | 'deal'
  /** How well the attribute alone ranks positives above negatives (0.5: chance). */
  auc: number
  /** Separates the target beyond chance, after the Benjamini-Hochberg correction across attributes. */
  significant: boolean
  /** The chi-square test's p-value before the correction (a list: its best item's, Bonferroni-corrected over items). */
  pValue: number
  /** After the correction (the Benjamini-Hochberg q-value). */
  qValue: number
  leakageSuspected: boolean
  leakageReasons: string[]
  /** The consultant judged the flag wrong: the attribute counts like any other. */
  leakageOverruled: boolean
  /**
   * Why the attribute is left out of the signal verdict and the suggestion though not leaky
   * ("nearly one value per account: an identifier"), or null.
   */
  excluded: string | null
  /** The human bands view, for the attributes given bands. */
  bandView?: BinView
}

export interface DiscoverResult {
  /** Deals counted (positive or negative). */
  n: number
  positives: number
  baseRate: number
  /** Accounts counted (positive when any of their deals is), or null when deals have no accounts. */
  accounts: { n: number; positives: number; baseRate: number } | null
  signal: Signal
  /** Highest information value first; leaky attributes stay listed, flagged. */
  attributes: DiscoveredAttribute[]
}

export function defaultCategory(kind: EngineColumn['kind']): string {
  return kind === 'multi' ? 'Technographic' : 'Firmographic'
}

/** Deals and accounts per bin (aligned with the binned attribute's bins), whichever unit it was counted in. */
type UnitCounts = (binned: BinnedAttribute) => { deals: number[]; accounts: number[] }

function binView(binned: BinnedAttribute, totals: TargetTotals, counts: UnitCounts): BinView {
  let iv = 0
  for (const partition of binned.partitions) iv = Math.max(iv, informationValue(partition, totals))
  const { deals, accounts } = counts(binned)
  const bins = binned.bins.map(({ label, condition, ...cell }, b) => ({
    label,
    condition,
    ...binEvidence(cell, totals),
    deals: deals[b]!,
    accounts: accounts[b]!
  }))
  return { iv, strength: strengthOf(iv), bins }
}

/** A list is tested once per item; Bonferroni over its items keeps it one hypothesis among the attributes. */
function attributePValue(binned: BinnedAttribute, test: (partition: number) => number): number {
  let smallest = 1
  for (let p = 0; p < binned.testPartitions.length; p++) smallest = Math.min(smallest, test(p))
  return Math.min(1, smallest * Math.max(1, binned.testPartitions.length))
}

function checkedTarget(dataset: EngineDataset, target: Int8Array | undefined): Int8Array {
  const chosen = target ?? dataset.outcome
  if (chosen.length !== dataset.rowCount) throw new RangeError(`The target has ${chosen.length} deals, the dataset ${dataset.rowCount}`)
  return chosen
}

/** An attribute with nearly one value per unit describes which account it is, not what kind: an identifier. */
const IDENTIFIER_SHARE = 0.5

function identifierLike(binned: BinnedAttribute, kind: EngineColumn['kind'], units: number, unit: 'account' | 'deal'): string | null {
  if (kind !== 'category' || units < 20) return null
  const distinct = binned.bins.filter((bin) => bin.condition.op !== 'is_missing').length
  const rare = binned.bins.find((bin) => bin.label.startsWith('Other ('))
  const values = rare ? distinct - 1 + Number(/\((\d+) rare/.exec(rare.label)?.[1] ?? 0) : distinct
  if (values <= IDENTIFIER_SHARE * units) return null
  return `${values.toLocaleString('en-US')} different values among ${units.toLocaleString('en-US')} ${unit}s: too few ${unit}s per value to be evidence`
}

/** The partitions of a list attribute tested with the (costlier) clustered test. */
const CLUSTERED_ITEMS = 5

/** The counting context of one attribute: its unit, its column and target in that unit, and how to count bins. */
interface Unit {
  unit: 'account' | 'deal'
  column: EngineColumn
  target: Int8Array
  totals: TargetTotals
  rows: number
  counts: UnitCounts
  pValue: (binned: BinnedAttribute) => number
}

function accountUnit(column: EngineColumn, units: AccountUnits, totals: TargetTotals): Unit {
  const projected = accountColumn(column, units.row)
  const counts: UnitCounts = (binned) => {
    const accounts = binned.bins.map((bin) => bin.n)
    const rowBins = binned.rowBins?.()
    if (rowBins) {
      // One pass over the accounts: each adds its deals to its bin.
      const deals = new Array<number>(binned.bins.length).fill(0)
      for (let a = 0; a < units.count; a++) {
        const b = rowBins[a]!
        if (b >= 0) deals[b]! += units.deals[a]!
      }
      return { deals, accounts }
    }
    const deals = binned.bins.map((bin) => {
      const mask = conditionMask(projected, bin.condition, units.count)
      let sum = 0
      for (let a = 0; a < units.count; a++) if (mask[a] === 1 && units.target[a]! >= 0) sum += units.deals[a]!
      return sum
    })
    return { deals, accounts }
  }
  return {
    unit: 'account',
    column: projected,
    target: units.target,
    totals,
    rows: units.count,
    counts,
    // Accounts are independent units: the plain chi-square over them.
    pValue: (binned) => attributePValue(binned, (p) => chiSquareIndependence(binned.testPartitions[p]!).pValue)
  }
}

/**
 * Distinct accounts per bin of a deal fact, in one pass over the deals grouped by account: a bin
 * counts an account once however many of its deals fall in it.
 */
function accountsPerBin(
  binned: BinnedAttribute,
  column: EngineColumn,
  target: Int8Array,
  order: Int32Array,
  clusters: Int32Array,
  accountCount: number
): number[] {
  const bins = binned.bins.length
  const counts = new Array<number>(bins).fill(0)
  const rowBins = binned.rowBins?.()
  // Lists: a deal can be in several item bins; the bin of each item, and the missing bin.
  const itemBin = new Int32Array(column.kind === 'multi' ? column.items.length : 0).fill(-1)
  let missingBin = -1
  if (column.kind === 'multi') {
    const itemOf = new Map(column.items.map((item, i) => [item, i]))
    binned.bins.forEach((bin, b) => {
      if (bin.condition.op === 'is_missing') missingBin = b
      else if (bin.condition.values?.[0] !== undefined) itemBin[itemOf.get(bin.condition.values[0])!] = b
    })
  }
  // One bit per (account, bin): a single pass over the deals in their own order, reading them
  // sequentially (the bitset is small next to the deals: accounts x bins bits).
  const flags = accountCount * bins <= MAX_ACCOUNT_FLAGS ? new Uint32Array(((accountCount * bins) >>> 5) + 1) : null
  const stamp = new Int32Array(bins).fill(-1)
  let serial = 0
  const mark = (account: number, b: number): void => {
    if (b < 0) return
    if (account < 0) {
      counts[b]!++
      return
    }
    if (flags) {
      const flag = account * bins + b
      const word = flag >>> 5
      const bit = 1 << (flag & 31)
      if ((flags[word]! & bit) === 0) {
        flags[word] = flags[word]! | bit
        counts[b]!++
      }
    } else if (stamp[b] !== serial) {
      stamp[b] = serial
      counts[b]!++
    }
  }
  const visit = (i: number): void => {
    if (target[i]! < 0) return
    const account = clusters[i]!
    if (rowBins) mark(account, rowBins[i]!)
    else if (column.kind === 'multi') {
      if (column.missing[i]) mark(account, missingBin)
      else {
        const base = i * column.wordsPerRow
        for (let w = 0; w < column.wordsPerRow; w++) {
          let word = column.bits[base + w]! | 0
          while (word !== 0) {
            const lowest = word & -word
            mark(account, itemBin[(w << 5) + 31 - Math.clz32(lowest)] ?? -1)
            word ^= lowest
          }
        }
      }
    }
  }
  if (flags && rowBins) {
    // The common case, one bin per deal, inlined.
    for (let i = 0; i < target.length; i++) {
      const b = rowBins[i]!
      if (b < 0 || target[i]! < 0) continue
      const account = clusters[i]!
      if (account < 0) {
        counts[b]!++
        continue
      }
      const flag = account * bins + b
      const word = flag >>> 5
      const bit = 1 << (flag & 31)
      if ((flags[word]! & bit) === 0) {
        flags[word] = flags[word]! | bit
        counts[b]!++
      }
    }
    return counts
  }
  if (flags) {
    for (let i = 0; i < target.length; i++) visit(i)
    return counts
  }
  // Too many accounts and bins for flags: walk the deals account by account instead.
  let at = 0
  while (at < order.length) {
    const cluster = clusters[order[at]!]!
    serial++
    do visit(order[at++]!)
    while (cluster >= 0 && at < order.length && clusters[order[at]!] === cluster)
  }
  return counts
}

/** Above this many (account, bin) flags, accounts per bin are counted account by account instead. */
const MAX_ACCOUNT_FLAGS = 64_000_000

function dealUnit(
  dataset: EngineDataset,
  column: EngineColumn,
  target: Int8Array,
  totals: TargetTotals,
  units: AccountUnits | null,
  order: Int32Array | null,
  countAccounts: boolean
): Unit {
  const counts: UnitCounts = (binned) => {
    const deals = binned.bins.map((bin) => bin.n)
    // Without accounts that hold several deals, every deal is its own account.
    const accounts =
      countAccounts && units && order ? accountsPerBin(binned, column, target, order, dataset.accountIndex, units.count) : deals
    return { deals, accounts }
  }
  return {
    unit: 'deal',
    column,
    target,
    totals,
    rows: dataset.rowCount,
    counts,
    // One account's deals are not independent evidence: a cluster-robust test when they cluster.
    pValue: (binned) => {
      const plain = (p: number): number => chiSquareIndependence(binned.testPartitions[p]!).pValue
      const cellsOf = binned.testCells
      if (!units || !order || !cellsOf) return attributePValue(binned, plain)
      // A list has a partition per item: only the few items the plain test ranks first can be
      // the smallest clustered p-value in practice (clustering widens intervals), so only they
      // are tested with the clustered test; the Bonferroni factor still counts every item.
      const ranked = binned.testPartitions.map((_, p) => p).sort((a, b) => plain(a) - plain(b))
      // Clustering widens the intervals: what the plain test does not find, the clustered one
      // will not either, so an attribute the plain test leaves above the level keeps its p-value.
      const naive = attributePValue(binned, plain)
      if (naive > SIGNIFICANCE_LEVEL) return naive
      const tested = new Set(ranked.slice(0, CLUSTERED_ITEMS))
      return attributePValue(binned, (p) =>
        tested.has(p) ? clusteredIndependence(cellsOf(p), target, dataset.accountIndex, units.count, order).pValue : 1
      )
    }
  }
}

export function discover(dataset: EngineDataset, options: DiscoverOptions = {}): DiscoverResult {
  const target = checkedTarget(dataset, options.target)
  const totals = targetTotals(target)
  const units = accountUnits(dataset, target)
  const accountTotals = units ? targetTotals(units.target) : null
  // The counted deals grouped by account, shared by every deal fact's test and counts.
  const order = units?.clustered ? clusterOrder(target, dataset.accountIndex, units.count) : null
  const analysed = [...dataset.attributes].map(([name, column]) => {
    const byAccount = units !== null && accountTotals !== null && dataset.levels?.get(name) === 'account'
    const unit = byAccount
      ? accountUnit(column, units, accountTotals)
      : dealUnit(dataset, column, target, totals, units, order, options.accountsPerDealBin ?? true)
    const binned = attributeBins(name, unit.column, unit.target, unit.totals, options.binning)
    const view = binView(binned, unit.totals, unit.counts)
    const dates =
      options.dateAttributes?.has(name) && dataset.createdAt && unit.unit === 'deal' ? { createdAt: dataset.createdAt } : undefined
    const leakage = leakageCheck(binned, view.iv, unit.totals, {
      name,
      column: unit.column,
      target: unit.target,
      ...(dates ? { dates } : {})
    })
    const bands = column.kind === 'number' ? options.bands?.get(name) : undefined
    return {
      name,
      category: options.categories?.get(name) ?? defaultCategory(column.kind),
      kind: column.kind,
      unit: unit.unit,
      auc: singleAttributeAuc(binned),
      ...view,
      pValue: unit.pValue(binned),
      leakageSuspected: leakage.suspected,
      leakageReasons: leakage.reasons,
      leakageOverruled: leakage.suspected && options.leakAllowed?.has(name) === true,
      excluded: identifierLike(binned, column.kind, unit.totals.n, unit.unit),
      ...(bands && unit.column.kind === 'number'
        ? { bandView: binView(bandBins(name, unit.column, unit.target, bands), unit.totals, unit.counts) }
        : {})
    }
  })
  // Across attributes: far better than every other one, with an IV no trait reaches.
  const outliers = outlierLeaks(
    analysed.map((a) => ({ iv: a.iv, auc: a.auc, suspected: a.leakageSuspected })),
    accountTotals?.baseRate ?? totals.baseRate
  )
  for (const [i, reason] of outliers) {
    const attribute = analysed[i]!
    attribute.leakageSuspected = true
    attribute.leakageReasons = [...attribute.leakageReasons, reason]
    attribute.leakageOverruled = options.leakAllowed?.has(attribute.name) === true
  }
  const corrected = benjaminiHochberg(analysed.map((attribute) => attribute.pValue))
  const attributes: DiscoveredAttribute[] = analysed.map((attribute, i) => ({
    ...attribute,
    significant: corrected.significant[i]!,
    qValue: corrected.adjusted[i]!
  }))
  attributes.sort((a, b) => b.iv - a.iv || a.name.localeCompare(b.name))
  return {
    n: totals.n,
    positives: totals.positives,
    baseRate: totals.baseRate,
    accounts: accountTotals ? { n: accountTotals.n, positives: accountTotals.positives, baseRate: accountTotals.baseRate } : null,
    signal: datasetSignal(attributes),
    attributes
  }
}

/** Whether the attribute may carry evidence into the verdict, suggestions and knockouts. */
export function usable(attribute: Pick<DiscoveredAttribute, 'leakageSuspected' | 'leakageOverruled' | 'excluded'>): boolean {
  return (!attribute.leakageSuspected || attribute.leakageOverruled) && attribute.excluded === null
}

/** One number attribute in the given human bands (EMPLOYEE_BANDS, REVENUE_BANDS, custom bands). */
export function discoverBands(dataset: EngineDataset, attribute: string, bands: readonly Band[], target?: Int8Array): BinView {
  const chosen = checkedTarget(dataset, target)
  const column = dataset.attributes.get(attribute)
  if (!column || column.kind !== 'number') throw new TypeError(`${attribute} is not a number attribute of this data`)
  const totals = targetTotals(chosen)
  const units = accountUnits(dataset, chosen)
  const byAccount = units !== null && dataset.levels?.get(attribute) === 'account'
  const order = units?.clustered ? clusterOrder(chosen, dataset.accountIndex, units.count) : null
  const unit = byAccount
    ? accountUnit(column, units, targetTotals(units.target))
    : dealUnit(dataset, column, chosen, totals, units, order, true)
  if (unit.column.kind !== 'number') throw new TypeError(`${attribute} is not a number attribute of this data`)
  return binView(bandBins(attribute, unit.column, unit.target, bands), unit.totals, unit.counts)
}
