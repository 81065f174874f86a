/**
 * Datasets and scorecards for the engine tests: small hand-written datasets (readable
 * expectations) and random ones from a seeded generator (property tests; fast-check is not a
 * dependency, so mulberry32 it is). The million-deal dataset is in engine-synthetic.ts.
 */

import { MISSING_CODE, type EngineColumn, type EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition, Criterion, Knockout, Scorecard } from '@shared/engine/scorecard/model'

export { mulberry32, type Random } from '@shared/engine/benchmark/seeded-random'
import type { Random } from '@shared/engine/benchmark/seeded-random'

export const randomInt = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

export function categoryColumn(cells: ReadonlyArray<string | null>): EngineColumn {
  const values: string[] = []
  const index = new Map<string, number>()
  const codes = new Uint32Array(cells.length)
  cells.forEach((cell, i) => {
    if (cell === null) {
      codes[i] = MISSING_CODE
      return
    }
    let code = index.get(cell)
    if (code === undefined) {
      code = values.push(cell) - 1
      index.set(cell, code)
    }
    codes[i] = code
  })
  return { kind: 'category', codes, values }
}

export function numberColumn(cells: ReadonlyArray<number | null>): EngineColumn {
  return { kind: 'number', values: Float64Array.from(cells, (cell) => (cell === null ? NaN : cell)) }
}

export function booleanColumn(cells: ReadonlyArray<boolean | null>): EngineColumn {
  return { kind: 'boolean', values: Int8Array.from(cells, (cell) => (cell === null ? -1 : cell ? 1 : 0)) }
}

/** `items` fixes the item order (and so the bit positions); by default, order of first appearance. */
export function multiColumn(cells: ReadonlyArray<readonly string[] | null>, items: string[] = []): EngineColumn {
  const all = [...items]
  for (const cell of cells) for (const item of cell ?? []) if (!all.includes(item)) all.push(item)
  const wordsPerRow = Math.max(1, Math.ceil(all.length / 32))
  const bits = new Uint32Array(cells.length * wordsPerRow)
  const missing = new Uint8Array(cells.length)
  cells.forEach((cell, row) => {
    if (cell === null) {
      missing[row] = 1
      return
    }
    for (const item of cell) {
      const i = all.indexOf(item)
      bits[row * wordsPerRow + (i >>> 5)]! |= 1 << (i & 31)
    }
  })
  return { kind: 'multi', items: all, bits, wordsPerRow, missing }
}

export interface DatasetSpec {
  outcome: number[]
  amount?: Array<number | null>
  cycleDays?: Array<number | null>
  closedAt?: Array<number | null>
  accountIndex?: number[]
  attributes?: Record<string, EngineColumn>
}

export function makeDataset(spec: DatasetSpec): EngineDataset {
  const n = spec.outcome.length
  const floats = (cells: Array<number | null> | undefined): Float64Array =>
    cells ? Float64Array.from(cells, (cell) => (cell === null ? NaN : cell)) : new Float64Array(n).fill(NaN)
  const accountIndex = Int32Array.from(spec.accountIndex ?? spec.outcome.map((_, i) => i))
  const accountCount = accountIndex.reduce((max, a) => Math.max(max, a + 1), 0)
  return {
    rowCount: n,
    outcome: Int8Array.from(spec.outcome),
    amount: floats(spec.amount),
    cycleDays: floats(spec.cycleDays),
    closedAt: floats(spec.closedAt),
    accountIndex,
    accountCount,
    dealIds: spec.outcome.map((_, i) => `D${i}`),
    accountIds: Array.from(accountIndex, (a) => `A${a}`),
    accountNames: Array.from(accountIndex, (a) => `Account ${a}`),
    attributes: new Map(Object.entries(spec.attributes ?? {}))
  }
}

export const scorecardWith = (criteria: Criterion[], extra: Partial<Scorecard> = {}): Scorecard => ({
  name: 'Test',
  categories: [
    { name: 'Firmographic', budget: 30 },
    { name: 'Technographic', budget: 25 },
    { name: 'Triggers', budget: 25 },
    { name: 'Buying process', budget: 20 }
  ],
  criteria,
  knockouts: [],
  tiers: [
    { name: 'A', min: 80 },
    { name: 'B', min: 60 },
    { name: 'C', min: 0 }
  ],
  attributeCaps: [],
  ...extra
})

export const INDUSTRIES = ['Software', 'Retail', 'Banking', 'Health', 'Education', 'Logistics']
export const TOOLS = Array.from({ length: 40 }, (_, i) => `Tool${i}`)

/** A random dataset with one column of each kind (about 10% missing), outcomes and money. */
export function randomDataset(random: Random, rows: number): EngineDataset {
  const maybe = <T>(make: () => T): T | null => (random() < 0.1 ? null : make())
  const accounts = Math.max(1, Math.floor(rows * 0.7))
  return makeDataset({
    outcome: Array.from({ length: rows }, () => pick(random, [1, 0, 0, -1])),
    amount: Array.from({ length: rows }, () => maybe(() => randomInt(random, 1, 500) * 100)),
    cycleDays: Array.from({ length: rows }, () => maybe(() => randomInt(random, 1, 200))),
    closedAt: Array.from({ length: rows }, () => maybe(() => Date.UTC(2024, randomInt(random, 0, 11), randomInt(random, 1, 28)))),
    accountIndex: Array.from({ length: rows }, () => (random() < 0.05 ? -1 : randomInt(random, 0, accounts - 1))),
    attributes: {
      Industry: categoryColumn(Array.from({ length: rows }, () => maybe(() => pick(random, INDUSTRIES)))),
      Employees: numberColumn(Array.from({ length: rows }, () => maybe(() => randomInt(random, 1, 5000)))),
      'Uses CRM': booleanColumn(Array.from({ length: rows }, () => maybe(() => random() < 0.5))),
      'Tech stack': multiColumn(
        Array.from({ length: rows }, () => maybe(() => TOOLS.filter(() => random() < 0.08))),
        TOOLS
      )
    }
  })
}

/** The dataset with created dates (about 10% missing; before the close date when there is one). */
export function withCreatedDates(dataset: EngineDataset, random: Random): EngineDataset {
  const createdAt = Float64Array.from(dataset.closedAt, (closed) => {
    if (random() < 0.1) return NaN
    const days = randomInt(random, 0, 120) * 86_400_000
    return Number.isNaN(closed) ? Date.UTC(2024, randomInt(random, 0, 11), randomInt(random, 1, 28)) : closed - days
  })
  return { ...dataset, createdAt }
}

/** A random condition that fits its attribute (every op appears). */
export function randomCondition(random: Random): Condition {
  switch (randomInt(random, 0, 3)) {
    case 0: {
      const op = pick(random, ['in', 'not_in', 'is_missing'] as const)
      return op === 'is_missing'
        ? { attribute: 'Industry', op }
        : { attribute: 'Industry', op, values: INDUSTRIES.filter(() => random() < 0.4).concat('Mining') }
    }
    case 1: {
      const op = pick(random, ['between', 'lt', 'gt', 'is_missing'] as const)
      const a = randomInt(random, 0, 5000)
      const b = randomInt(random, a, 5000)
      if (op === 'between') {
        const openLow = random() < 0.2
        return { attribute: 'Employees', op, min: openLow ? null : a, max: !openLow && random() < 0.2 ? null : b }
      }
      return op === 'is_missing' ? { attribute: 'Employees', op } : { attribute: 'Employees', op, value: a }
    }
    case 2:
      return { attribute: 'Uses CRM', op: pick(random, ['is_true', 'is_false', 'is_missing'] as const) }
    default: {
      const op = pick(random, ['contains_any', 'contains_all', 'is_missing'] as const)
      if (op === 'is_missing') return { attribute: 'Tech stack', op }
      return { attribute: 'Tech stack', op, values: [pick(random, TOOLS), pick(random, TOOLS)] }
    }
  }
}

export function randomScorecard(random: Random): Scorecard {
  const categories = ['Firmographic', 'Technographic', 'Triggers', 'Buying process']
  const criteria: Criterion[] = Array.from({ length: randomInt(random, 0, 24) }, (_, i) => ({
    id: `c${i + 1}`,
    category: pick(random, categories),
    ...randomCondition(random),
    points: randomInt(random, -15, 25),
    ...(random() < 0.3 ? { label: `Label ${i}` } : {})
  }))
  const knockouts: Knockout[] = Array.from({ length: randomInt(random, 0, 2) }, (_, i) => ({
    name: `Knockout ${i + 1}`,
    ...randomCondition(random)
  }))
  const caps = ['Industry', 'Employees', 'Uses CRM', 'Tech stack']
    .filter(() => random() < 0.3)
    .map((attribute) => ({ attribute, cap: randomInt(random, 1, 30) }))
  const top = randomInt(random, 50, 100)
  return scorecardWith(criteria, {
    name: `Random ${randomInt(random, 1, 999)}`,
    knockouts,
    attributeCaps: caps,
    tiers: [
      { name: 'A', min: top, color: '#2f855a' },
      { name: 'B', min: randomInt(random, 1, top - 1) },
      { name: 'C', min: 0 }
    ]
  })
}
