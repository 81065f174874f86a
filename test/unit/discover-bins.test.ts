import { describe, expect, it } from 'vitest'
import type { EngineColumn, EngineDataset } from '@shared/engine/engine-dataset'
import { attributeBins } from '@shared/engine/discover/attribute-bins'
import { discover, discoverBands } from '@shared/engine/discover/discover'
import { mergeNumberBins, poolAdjacentViolators } from '@shared/engine/discover/merge-bins'
import { bandBins, numberBins, QUANTILE_SAMPLE } from '@shared/engine/discover/number-bins'
import { twoProportionPValue } from '@shared/engine/discover/significance'
import { targetTotals } from '@shared/engine/discover/woe-iv'
import { conditionMask } from '@shared/engine/scoring/condition-mask'
import { EMPLOYEE_BANDS } from '@shared/import/hygiene/bands'
import { booleanColumn, categoryColumn, makeDataset, multiColumn, mulberry32, numberColumn, randomDataset } from './engine-fixtures'

type NumberColumn = Extract<EngineColumn, { kind: 'number' }>

const rowsOf = (bins: ReadonlyArray<{ label: string; n: number; positives: number }>) =>
  bins.map(({ label, n, positives }) => [label, n, positives])

/** Values 1..rows in order, with the positives spread evenly at `rateOf(value)`. */
function stepData(rows: number, rateOf: (value: number) => number): { column: NumberColumn; target: Int8Array } {
  const values = new Float64Array(rows)
  const target = new Int8Array(rows)
  const owed = new Map<number, number>()
  for (let i = 0; i < rows; i++) {
    const value = i + 1
    values[i] = value
    const rate = rateOf(value)
    // Deterministic: a running balance per rate pays out a positive whenever a whole one is owed.
    const balance = (owed.get(rate) ?? 0) + rate
    target[i] = balance >= 1 - 1e-9 ? 1 : 0
    owed.set(rate, balance - target[i]!)
  }
  return { column: { kind: 'number', values }, target }
}

/** Every bin's condition, evaluated by the scoring code, selects exactly the bin's counted deals. */
function expectConditionsSelectBins(dataset: EngineDataset, target: Int8Array): void {
  const result = discover(dataset, { target })
  for (const attribute of result.attributes) {
    const column = dataset.attributes.get(attribute.name)
    for (const bin of attribute.bins) {
      const mask = conditionMask(column, bin.condition, dataset.rowCount)
      let n = 0
      let positives = 0
      for (let i = 0; i < dataset.rowCount; i++) {
        if (target[i]! < 0 || !mask[i]) continue
        n++
        positives += target[i]!
      }
      expect([attribute.name, bin.label, n, positives]).toEqual([attribute.name, bin.label, bin.n, bin.positives])
    }
  }
}

describe('category, boolean and list bins', () => {
  it('pools rare values into Other and keeps Missing as its own bin', () => {
    const cells = [...Array(120).fill('A'), ...Array(70).fill('B'), 'C', 'D', ...Array(8).fill(null)] as Array<string | null>
    const target = Int8Array.from(cells, (_, i) => (i % 2 === 0 ? 1 : 0))
    const binned = attributeBins('Industry', categoryColumn(cells), target, targetTotals(target))
    expect(rowsOf(binned.bins)).toEqual([
      ['A', 120, 60],
      ['B', 70, 35],
      ['Other (2 rare values)', 2, 1],
      ['Missing', 8, 4]
    ])
    expect(binned.bins[2]!.condition).toEqual({ attribute: 'Industry', op: 'in', values: ['C', 'D'] })
    expect(binned.bins[3]!.condition).toEqual({ attribute: 'Industry', op: 'is_missing' })
    expect(binned.partitions).toHaveLength(1)
  })

  it('describes a long tail by the values it is not', () => {
    const cells = [...Array(300).fill('Big'), ...Array.from({ length: 20 }, (_, i) => `Tiny ${i}`)]
    const target = Int8Array.from(cells, (_, i) => (i % 3 === 0 ? 1 : 0))
    const binned = attributeBins('Industry', categoryColumn(cells), target, targetTotals(target))
    expect(binned.bins.map((bin) => bin.label)).toEqual(['Big', 'Other (20 rare values)'])
    expect(binned.bins[1]!.condition).toEqual({ attribute: 'Industry', op: 'not_in', values: ['Big'] })
  })

  it('splits a boolean into Yes, No and Missing', () => {
    const target = Int8Array.from([1, 0, 1, 1, 0, -1, 0])
    const binned = attributeBins('Hiring', booleanColumn([true, true, false, null, false, true, null]), target, targetTotals(target))
    expect(rowsOf(binned.bins)).toEqual([
      ['Yes', 2, 1],
      ['No', 2, 1],
      ['Missing', 2, 1]
    ])
    expect(binned.bins.map((bin) => bin.condition.op)).toEqual(['is_true', 'is_false', 'is_missing'])
  })

  it('reports a list per item, each item present vs the rest', () => {
    const cells = [['Salesforce', 'Slack'], ['Slack'], null, ['Salesforce'], [], ['Zendesk']]
    const column = multiColumn(cells, ['Salesforce', 'Slack', 'Zendesk', 'Unused'])
    const target = Int8Array.from([1, 0, 0, 1, 0, -1])
    const binned = attributeBins('Tech stack', column, target, targetTotals(target))
    expect(rowsOf(binned.bins)).toEqual([
      ['Salesforce', 2, 2],
      ['Slack', 2, 1],
      ['Missing', 1, 0]
    ])
    expect(binned.bins[0]!.condition).toEqual({ attribute: 'Tech stack', op: 'contains_any', values: ['Salesforce'] })
    expect(binned.partitions).toEqual([
      [
        { n: 2, positives: 2 },
        { n: 3, positives: 0 }
      ],
      [
        { n: 2, positives: 1 },
        { n: 3, positives: 1 }
      ],
      [
        { n: 1, positives: 0 },
        { n: 4, positives: 2 }
      ]
    ])
  })

  it('finds items in every word of a wide list', () => {
    const items = Array.from({ length: 70 }, (_, i) => `Tool${i}`)
    const cells = Array.from({ length: 200 }, (_, row) => items.filter((_, i) => (row + i) % 7 === 0))
    const target = Int8Array.from(cells, (_, row) => (row % 2 === 0 ? 1 : 0))
    const binned = attributeBins('Stack', multiColumn(cells, items), target, targetTotals(target))
    const byItem = new Map(binned.bins.map((bin) => [bin.label, bin.n]))
    items.forEach((item, i) => expect(byItem.get(item)).toBe(cells.filter((cell) => cell.includes(`Tool${i}`)).length))
  })
})

describe('number bins', () => {
  it('merges quantile bins whose rates do not differ', () => {
    const { column, target } = stepData(1000, (v) => (v <= 500 ? 0.2 : 0.6))
    const binned = numberBins('Employees', column, target)
    expect(rowsOf(binned.bins)).toEqual([
      ['≤ 500', 500, 100],
      ['≥ 501', 500, 300]
    ])
    expect(binned.bins.map((bin) => bin.condition)).toEqual([
      { attribute: 'Employees', op: 'between', min: null, max: 500 },
      { attribute: 'Employees', op: 'between', min: 501, max: null }
    ])
    // The significance test runs on the ten quantile bins, before merging.
    expect(binned.testPartitions[0]).toHaveLength(10)
  })

  it('keeps a real sweet spot instead of forcing it monotonic', () => {
    const { column, target } = stepData(3000, (v) => (v > 900 && v <= 2100 ? 0.6 : 0.2))
    expect(rowsOf(numberBins('Employees', column, target).bins)).toEqual([
      ['≤ 900', 900, 180],
      ['901-2100', 1200, 720],
      ['≥ 2101', 900, 180]
    ])
  })

  it('is monotonic where the data allows, with significantly different neighbours', () => {
    const random = mulberry32(5)
    const rows = 5000
    const values = Float64Array.from({ length: rows }, () => Math.round(Math.exp(random() * 8)))
    const target = Int8Array.from(values, (v) => (random() < 0.15 + 0.06 * Math.log(v) ? 1 : 0))
    const bins = numberBins('Employees', { kind: 'number', values }, target).bins
    expect(bins.length).toBeGreaterThan(2)
    for (let i = 1; i < bins.length; i++) {
      expect(bins[i]!.positives / bins[i]!.n).toBeGreaterThan(bins[i - 1]!.positives / bins[i - 1]!.n)
      expect(twoProportionPValue(bins[i]!, bins[i - 1]!)).toBeLessThanOrEqual(0.05)
    }
  })

  it('pools a chance wiggle into a monotone run (pool-adjacent-violators)', () => {
    const cells = [
      { n: 100, positives: 10 },
      { n: 100, positives: 30 },
      { n: 100, positives: 25 },
      { n: 100, positives: 50 }
    ]
    expect(poolAdjacentViolators(cells, 1)).toEqual([
      { start: 0, end: 0, n: 100, positives: 10 },
      { start: 1, end: 2, n: 200, positives: 55 },
      { start: 3, end: 3, n: 100, positives: 50 }
    ])
    expect(poolAdjacentViolators(cells, -1)).toEqual([{ start: 0, end: 3, n: 400, positives: 115 }])
    expect(mergeNumberBins(cells).map((group) => [group.start, group.end])).toEqual([
      [0, 0],
      [1, 2],
      [3, 3]
    ])
  })

  it('collapses pure noise into one bin, ties never split, missing on its own', () => {
    const random = mulberry32(11)
    const cells = Array.from({ length: 3000 }, () => (random() < 0.1 ? null : Math.floor(random() * 5)))
    const target = Int8Array.from(cells, () => (random() < 0.3 ? 1 : 0))
    const binned = numberBins('Founded', numberColumn(cells) as NumberColumn, target)
    expect(binned.bins.map((bin) => bin.label)).toEqual(['Any value', 'Missing'])
    expect(binned.testPartitions[0]!.length).toBe(6)
  })

  it('ends fractional bins at the largest value seen', () => {
    const { column, target } = stepData(1000, (v) => (v <= 500 ? 0.2 : 0.6))
    const scaled: NumberColumn = { kind: 'number', values: column.values.map((v) => v / 4) }
    expect(numberBins('Revenue', scaled, target).bins.map((bin) => bin.condition)).toEqual([
      { attribute: 'Revenue', op: 'between', min: null, max: 125 },
      { attribute: 'Revenue', op: 'between', min: 125.25, max: null }
    ])
  })

  it('shows the human employee bands, empty ones left out', () => {
    const cells = [0, 5, 10, 11, 50, 51, 200, 20_000, null, 10.5]
    const target = Int8Array.from([1, 0, 1, 0, 0, 1, 1, 1, 0, 0])
    const binned = bandBins('Employees', numberColumn(cells) as NumberColumn, target, EMPLOYEE_BANDS)
    expect(rowsOf(binned.bins)).toEqual([
      ['1-10', 4, 2],
      ['11-50', 2, 0],
      ['51-200', 2, 2],
      ['10001+', 1, 1],
      ['Missing', 1, 0]
    ])
    // Fractional values: bands end at the largest value seen, so 10.5 stays in 1-10.
    expect(binned.bins.map((bin) => [bin.condition.min, bin.condition.max])).toEqual([
      [null, 10.5],
      [11, 50],
      [51, 200],
      [10001, null],
      [undefined, undefined]
    ])
    const whole = bandBins('Employees', numberColumn([3, 40, 999]) as NumberColumn, Int8Array.from([1, 0, 1]), EMPLOYEE_BANDS)
    expect(whole.bins.map((bin) => [bin.label, bin.condition.min, bin.condition.max])).toEqual([
      ['1-10', null, 10],
      ['11-50', 11, 50],
      ['501-1000', 501, 1000]
    ])
  })

  it('offers the bands view through discover and discoverBands', () => {
    const dataset = makeDataset({ outcome: [1, 0, 1, 0], attributes: { Employees: numberColumn([5, 60, 70, null]) } })
    const view = discoverBands(dataset, 'Employees', EMPLOYEE_BANDS)
    expect(view.bins.map((bin) => bin.label)).toEqual(['1-10', '51-200', 'Missing'])
    const result = discover(dataset, { bands: new Map([['Employees', EMPLOYEE_BANDS]]) })
    expect(result.attributes[0]!.bandView).toEqual(view)
    expect(() => discoverBands(dataset, 'Nope', EMPLOYEE_BANDS)).toThrow(TypeError)
  })
})

describe('every bin carries the condition that selects it', () => {
  it('holds on random data of every kind, open deals excluded', () => {
    for (const seed of [1, 2, 3]) {
      const dataset = randomDataset(mulberry32(seed), 3000)
      expectConditionsSelectBins(dataset, dataset.outcome)
    }
  })

  it('holds for numbers cut from a sample (more values than QUANTILE_SAMPLE)', () => {
    const random = mulberry32(8)
    const rows = QUANTILE_SAMPLE * 2 + 17
    const whole = Array.from({ length: rows }, () => (random() < 0.05 ? null : Math.round(Math.exp(random() * 9))))
    const fractional = Array.from({ length: rows }, () => (random() < 0.05 ? null : random() * 1000))
    const outcome = whole.map((v, i) =>
      random() < 0.1 ? -1 : random() < 0.2 + 0.03 * Math.log(1 + (v ?? 0)) + (fractional[i] ?? 0) / 4000 ? 1 : 0
    )
    const dataset = makeDataset({ outcome, attributes: { Employees: numberColumn(whole), Score: numberColumn(fractional) } })
    expectConditionsSelectBins(dataset, dataset.outcome)
  })
})
