/**
 * A synthetic dataset of any size and a twenty-criterion scorecard, for the engine benchmark
 * (`npm run bench`, `icp bench`): the same figures on every machine, no workspace needed.
 */

import { MISSING_CODE, type EngineColumn, type EngineDataset } from '../engine-dataset'
import { defaultScorecard, type Condition, type Criterion, type Scorecard } from '../scorecard/model'
import { mulberry32, type Random } from './seeded-random'

/** Category codes drawn with skew (earlier values more common), `missingShare` of them missing. */
function skewedCodes(random: Random, rows: number, values: number, missingShare: number): Uint32Array {
  const codes = new Uint32Array(rows)
  for (let i = 0; i < rows; i++) codes[i] = random() < missingShare ? MISSING_CODE : Math.floor(values * random() * random())
  return codes
}

function bitsets(random: Random, rows: number, items: number, share: number): EngineColumn {
  const wordsPerRow = Math.ceil(items / 32)
  const bits = new Uint32Array(rows * wordsPerRow)
  const missing = new Uint8Array(rows)
  for (let i = 0; i < rows; i++) {
    if (random() < 0.05) {
      missing[i] = 1
      continue
    }
    for (let item = 0; item < items; item++) if (random() < share) bits[i * wordsPerRow + (item >>> 5)]! |= 1 << (item & 31)
  }
  return { kind: 'multi', items: Array.from({ length: items }, (_, i) => `Item${i}`), bits, wordsPerRow, missing }
}

/**
 * A million-deal style dataset built straight into typed arrays: ten attributes of every kind,
 * outcomes that depend on some of them (so the ranking figures are not trivial), ~70% accounts.
 */
export function syntheticDataset(rows: number, seed = 1): EngineDataset {
  const random = mulberry32(seed)
  const industry = skewedCodes(random, rows, 12, 0.05)
  const state = skewedCodes(random, rows, 50, 0.02)
  const employees = new Float64Array(rows)
  const revenue = new Float64Array(rows)
  const founded = new Float64Array(rows)
  const flags = [new Int8Array(rows), new Int8Array(rows), new Int8Array(rows)]
  const outcome = new Int8Array(rows)
  const amount = new Float64Array(rows)
  const cycleDays = new Float64Array(rows)
  const closedAt = new Float64Array(rows)
  const accountCount = Math.max(1, Math.floor(rows * 0.7))
  const accountIndex = new Int32Array(rows)
  for (let i = 0; i < rows; i++) {
    employees[i] = random() < 0.05 ? NaN : Math.round(Math.exp(random() * 9))
    revenue[i] = random() < 0.1 ? NaN : Math.round(Math.exp(10 + random() * 10))
    founded[i] = 1950 + Math.floor(random() * 75)
    for (const flag of flags) flag[i] = random() < 0.05 ? -1 : random() < 0.5 ? 1 : 0
    const fit = (industry[i]! < 3 ? 1 : 0) + (employees[i]! > 50 && employees[i]! < 2000 ? 1 : 0) + flags[0]![i]! * 0.5
    outcome[i] = random() < 0.15 ? -1 : random() < 0.15 + 0.2 * fit ? 1 : 0
    amount[i] = random() < 0.05 ? NaN : Math.round(1000 + random() * 99000)
    cycleDays[i] = random() < 0.05 ? NaN : 5 + Math.floor(random() * 200)
    closedAt[i] = outcome[i] === -1 ? NaN : Date.UTC(2023, 0, 1) + Math.floor(random() * 730) * 86_400_000
    accountIndex[i] = Math.floor(random() * accountCount)
  }
  const labels = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`)
  return {
    rowCount: rows,
    outcome,
    amount,
    cycleDays,
    closedAt,
    accountIndex,
    accountCount,
    dealIds: [],
    accountIds: [],
    accountNames: [],
    attributes: new Map<string, EngineColumn>([
      ['Industry', { kind: 'category', codes: industry, values: labels(12, 'Industry') }],
      ['State', { kind: 'category', codes: state, values: labels(50, 'State') }],
      ['Employees', { kind: 'number', values: employees }],
      ['Revenue', { kind: 'number', values: revenue }],
      ['Founded', { kind: 'number', values: founded }],
      ['Uses CRM', { kind: 'boolean', values: flags[0]! }],
      ['Hiring', { kind: 'boolean', values: flags[1]! }],
      ['Funded', { kind: 'boolean', values: flags[2]! }],
      ['Tech stack', bitsets(random, rows, 40, 0.08)],
      ['Channels', bitsets(random, rows, 10, 0.2)]
    ])
  }
}

/** Twenty criteria over the synthetic dataset's attributes, a cap and two knockouts. */
export function syntheticScorecard(): Scorecard {
  const c = (id: number, category: string, condition: Condition, points: number): Criterion => ({
    id: `s${id}`,
    category,
    ...condition,
    points
  })
  return {
    ...defaultScorecard('Synthetic'),
    criteria: [
      c(1, 'Firmographic', { attribute: 'Industry', op: 'in', values: ['Industry0', 'Industry1', 'Industry2'] }, 10),
      c(2, 'Firmographic', { attribute: 'Industry', op: 'not_in', values: ['Industry9', 'Industry10'] }, 2),
      c(3, 'Firmographic', { attribute: 'Industry', op: 'is_missing' }, -5),
      c(4, 'Firmographic', { attribute: 'State', op: 'in', values: ['State0', 'State1', 'State4'] }, 3),
      c(5, 'Firmographic', { attribute: 'Employees', op: 'between', min: 51, max: 200 }, 6),
      c(6, 'Firmographic', { attribute: 'Employees', op: 'between', min: 201, max: 2000 }, 8),
      c(7, 'Firmographic', { attribute: 'Employees', op: 'gt', value: 5000 }, -4),
      c(8, 'Firmographic', { attribute: 'Revenue', op: 'gt', value: 1e7 }, 5),
      c(9, 'Firmographic', { attribute: 'Founded', op: 'between', min: 2005, max: null }, 3),
      c(10, 'Buying process', { attribute: 'Uses CRM', op: 'is_true' }, 8),
      c(11, 'Triggers', { attribute: 'Hiring', op: 'is_true' }, 6),
      c(12, 'Triggers', { attribute: 'Funded', op: 'is_false' }, -3),
      c(13, 'Technographic', { attribute: 'Tech stack', op: 'contains_any', values: ['Item0', 'Item1'] }, 8),
      c(14, 'Technographic', { attribute: 'Tech stack', op: 'contains_any', values: ['Item33', 'Item35'] }, 6),
      c(15, 'Technographic', { attribute: 'Tech stack', op: 'contains_all', values: ['Item2', 'Item3'] }, 10),
      c(16, 'Technographic', { attribute: 'Tech stack', op: 'is_missing' }, -2),
      c(17, 'Buying process', { attribute: 'Channels', op: 'contains_any', values: ['Item0', 'Item5'] }, 4),
      c(18, 'Buying process', { attribute: 'Channels', op: 'contains_all', values: ['Item1', 'Item2'] }, 3),
      c(19, 'Triggers', { attribute: 'Revenue', op: 'lt', value: 1e5 }, -6),
      c(20, 'Buying process', { attribute: 'Hiring', op: 'is_false' }, -2)
    ],
    attributeCaps: [{ attribute: 'Tech stack', cap: 20 }],
    knockouts: [
      { name: 'Tiny', attribute: 'Employees', op: 'lt', value: 3 },
      { name: 'Excluded states', attribute: 'State', op: 'in', values: ['State49'] }
    ]
  }
}
