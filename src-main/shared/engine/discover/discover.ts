/**
 * Discover: for every attribute, how the deals split by value or bin, the win rate (or best
 * customer rate) with its interval, lift, weight of evidence and information value, whether the
 * attribute separates the target beyond chance, and whether it looks like it leaks the outcome.
 * One pass over each column (numbers: plus one sort), so a million deals take about a second.
 */

import type { EngineColumn, EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import type { Band } from '@shared/import/hygiene/bands'
import { attributeBins, type BinningOptions } from './attribute-bins'
import type { BinnedAttribute } from './binned-attribute'
import { leakageCheck } from './leakage'
import { bandBins } from './number-bins'
import { benjaminiHochberg, chiSquareIndependence, datasetSignal, type Signal } from './significance'
import { binEvidence, informationValue, strengthOf, targetTotals, type BinEvidence, type Strength, type TargetTotals } from './woe-iv'

export interface DiscoverOptions {
  /** 1 positive, 0 negative, -1 not counted, per deal; default the outcome (won vs lost, open left out). */
  target?: Int8Array
  /** Each attribute's scorecard category; default Technographic for lists, Firmographic otherwise. */
  categories?: ReadonlyMap<string, string>
  /** Number attributes to also show in human bands, e.g. Employees -> EMPLOYEE_BANDS. */
  bands?: ReadonlyMap<string, readonly Band[]>
  binning?: BinningOptions
}

export interface DiscoveredBin extends BinEvidence {
  label: string
  /** Selects exactly this bin's deals: the criterion a suggestion or a drag into the editor starts from. */
  condition: Condition
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
  /** Separates the target beyond chance, after the Benjamini-Hochberg correction across attributes. */
  significant: boolean
  /** The chi-square test's p-value before the correction (a list: its best item's, Bonferroni-corrected over items). */
  pValue: number
  /** After the correction (the Benjamini-Hochberg q-value). */
  qValue: number
  leakageSuspected: boolean
  leakageReasons: string[]
  /** The human bands view, for the attributes given bands. */
  bandView?: BinView
}

export interface DiscoverResult {
  /** Deals counted (positive or negative). */
  n: number
  positives: number
  baseRate: number
  signal: Signal
  /** Highest information value first; leaky attributes stay listed, flagged. */
  attributes: DiscoveredAttribute[]
}

export function defaultCategory(kind: EngineColumn['kind']): string {
  return kind === 'multi' ? 'Technographic' : 'Firmographic'
}

function binView(binned: BinnedAttribute, totals: TargetTotals): BinView {
  let iv = 0
  for (const partition of binned.partitions) iv = Math.max(iv, informationValue(partition, totals))
  const bins = binned.bins.map(({ label, condition, ...cell }) => ({ label, condition, ...binEvidence(cell, totals) }))
  return { iv, strength: strengthOf(iv), bins }
}

/** A list is tested once per item; Bonferroni over its items keeps it one hypothesis among the attributes. */
function attributePValue(binned: BinnedAttribute): number {
  let smallest = 1
  for (const partition of binned.testPartitions) smallest = Math.min(smallest, chiSquareIndependence(partition).pValue)
  return Math.min(1, smallest * Math.max(1, binned.testPartitions.length))
}

function checkedTarget(dataset: EngineDataset, target: Int8Array | undefined): Int8Array {
  const chosen = target ?? dataset.outcome
  if (chosen.length !== dataset.rowCount) throw new RangeError(`The target has ${chosen.length} deals, the dataset ${dataset.rowCount}`)
  return chosen
}

export function discover(dataset: EngineDataset, options: DiscoverOptions = {}): DiscoverResult {
  const target = checkedTarget(dataset, options.target)
  const totals = targetTotals(target)
  const analysed = [...dataset.attributes].map(([name, column]) => {
    const binned = attributeBins(name, column, target, totals, options.binning)
    const view = binView(binned, totals)
    const leakage = leakageCheck(binned, view.iv, totals)
    const bands = column.kind === 'number' ? options.bands?.get(name) : undefined
    return {
      name,
      category: options.categories?.get(name) ?? defaultCategory(column.kind),
      kind: column.kind,
      ...view,
      pValue: attributePValue(binned),
      leakageSuspected: leakage.suspected,
      leakageReasons: leakage.reasons,
      ...(bands && column.kind === 'number' ? { bandView: binView(bandBins(name, column, target, bands), totals) } : {})
    }
  })
  const corrected = benjaminiHochberg(analysed.map((attribute) => attribute.pValue))
  const attributes: DiscoveredAttribute[] = analysed.map((attribute, i) => ({
    ...attribute,
    significant: corrected.significant[i]!,
    qValue: corrected.adjusted[i]!
  }))
  attributes.sort((a, b) => b.iv - a.iv || a.name.localeCompare(b.name))
  return { n: totals.n, positives: totals.positives, baseRate: totals.baseRate, signal: datasetSignal(attributes), attributes }
}

/** One number attribute in the given human bands (EMPLOYEE_BANDS, REVENUE_BANDS, custom bands). */
export function discoverBands(dataset: EngineDataset, attribute: string, bands: readonly Band[], target?: Int8Array): BinView {
  const chosen = checkedTarget(dataset, target)
  const column = dataset.attributes.get(attribute)
  if (!column || column.kind !== 'number') throw new TypeError(`${attribute} is not a number attribute of this data`)
  const totals = targetTotals(chosen)
  return binView(bandBins(attribute, column, chosen, bands), totals)
}
