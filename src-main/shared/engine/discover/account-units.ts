/**
 * Accounts as the unit of evidence about account facts. An account with forty deals is one
 * account: counting its deals would let one account's industry show "n = 40, win rate 75%" and
 * make noise look significant. An account is positive when any of its counted deals is (won
 * when it has a won deal), negative when it has counted deals, none is and none of its deals is
 * still open, and not counted otherwise. Its attribute values are read from one of its deals:
 * account facts are the same on all of them.
 */

import { MISSING_CODE, type EngineColumn, type EngineDataset } from '@shared/engine/engine-dataset'
import { accountOutcomes } from '@shared/engine/representative-deals'

export interface AccountUnits {
  count: number
  /** Per account: the deal row its values are read from (-1: no deal). */
  row: Int32Array
  /** Per account: 1 positive, 0 negative, -1 not counted. */
  target: Int8Array
  /** Per account: its deals the target counts. */
  deals: Uint32Array
  /** Accounts with two or more counted deals: when there are none, deals and accounts coincide. */
  clustered: boolean
}

/** The accounts of the dataset under `target`, or null when deals have no accounts to group by. */
export function accountUnits(dataset: EngineDataset, target: Int8Array): AccountUnits | null {
  const count = dataset.accountCount
  if (count <= 0) return null
  const row = new Int32Array(count).fill(-1)
  const state = new Int8Array(count).fill(-1)
  const deals = new Uint32Array(count)
  for (let i = 0; i < dataset.rowCount; i++) {
    const account = dataset.accountIndex[i]!
    if (account < 0) continue
    const t = target[i]!
    if (row[account] === -1) row[account] = i
    if (t < 0) continue
    // The row values are read from: a counted deal rather than an open one, where there is one.
    if (deals[account] === 0) row[account] = i
    deals[account]!++
    if (t === 1) state[account] = 1
    else if (state[account] === -1) state[account] = 0
  }
  // An account still in play (a deal open, none won) is not lost yet: the account view, the tiers
  // and the deliverables count it as open, and so does the evidence, so that one page never counts
  // the same accounts two ways. A won account stays counted (a best-customer study's "rest").
  const outcomes = accountOutcomes(dataset)
  for (let a = 0; a < count; a++) if (state[a] === 0 && outcomes[a] === -1) state[a] = -1
  let clustered = false
  for (let a = 0; a < count && !clustered; a++) if (deals[a]! > 1) clustered = true
  return { count, row, target: state, deals, clustered }
}

/** The column read at one deal per account (an account with no deal reads as missing). */
export function accountColumn(column: EngineColumn, rows: Int32Array): EngineColumn {
  const n = rows.length
  switch (column.kind) {
    case 'category': {
      const codes = new Uint32Array(n)
      for (let a = 0; a < n; a++) codes[a] = rows[a]! < 0 ? MISSING_CODE : column.codes[rows[a]!]!
      return { kind: 'category', values: column.values, codes }
    }
    case 'number': {
      const values = new Float64Array(n)
      for (let a = 0; a < n; a++) values[a] = rows[a]! < 0 ? NaN : column.values[rows[a]!]!
      return { kind: 'number', values }
    }
    case 'boolean': {
      const values = new Int8Array(n)
      for (let a = 0; a < n; a++) values[a] = rows[a]! < 0 ? -1 : column.values[rows[a]!]!
      return { kind: 'boolean', values }
    }
    case 'multi': {
      const { wordsPerRow } = column
      const bits = new Uint32Array(n * wordsPerRow)
      const missing = new Uint8Array(n)
      for (let a = 0; a < n; a++) {
        const r = rows[a]!
        if (r < 0) {
          missing[a] = 1
          continue
        }
        missing[a] = column.missing[r]!
        for (let w = 0; w < wordsPerRow; w++) bits[a * wordsPerRow + w] = column.bits[r * wordsPerRow + w]!
      }
      return { kind: 'multi', items: column.items, bits, wordsPerRow, missing }
    }
  }
}
