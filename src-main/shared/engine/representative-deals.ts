/**
 * The one rule that turns deal scores into an account's score and tier, wherever an account is
 * scored (Simulate's compare view and capacity planning, "Test a record", the scored-accounts
 * CSV, the workbook and the SQL): an account is scored by its **most recent deal**, the one
 * with the latest close date, else the latest created date, else the deal that comes last in
 * the data. Its score and tier are that deal's; when a knockout hits that deal, the account is
 * Disqualified. Deals without an account are left out.
 *
 * A fixed deal rather than "the best deal under these points": account attributes are the
 * same on every deal of an account, deal attributes (lead source, deal type) are read from
 * the deal, so the account is judged as it stands now; and the workbook's formulas stay exact
 * when a client changes points (a best deal could switch to another deal, which a row of
 * formulas cannot follow).
 *
 * The choice depends only on the deals' dates and accounts, never on a scorecard, so it is
 * computed once per dataset (and once per subset of deals) and shared: callers must not
 * modify the array they get.
 */

import type { EngineDataset } from './engine-dataset'

const whole = new WeakMap<EngineDataset, Int32Array>()
const subsets = new WeakMap<Uint8Array, { dataset: EngineDataset; rows: Int32Array }>()

function choose(dataset: EngineDataset, include: Uint8Array | null): Int32Array {
  const chosen = new Int32Array(dataset.accountCount).fill(-1)
  const when = new Float64Array(dataset.accountCount).fill(-Infinity)
  const { accountIndex, closedAt, createdAt } = dataset
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = accountIndex[row]!
    if (account < 0 || (include !== null && include[row] !== 1)) continue
    const closed = closedAt[row]!
    const created = createdAt ? createdAt[row]! : NaN
    const at = !Number.isNaN(closed) ? closed : !Number.isNaN(created) ? created : -Infinity
    // >= so that among equal dates (or none) the later deal in the data wins.
    if (chosen[account] === -1 || at >= when[account]!) {
      chosen[account] = row
      when[account] = at
    }
  }
  return chosen
}

/**
 * Per account: the deal row that scores it, -1 when it has none. With `include` (1 per deal
 * taking part, e.g. an out-of-time period), the most recent of the deals taking part.
 * The same array for the same dataset (and the same `include`); read it, do not change it.
 */
export function representativeDeals(dataset: EngineDataset, include: Uint8Array | null = null): Int32Array {
  if (include === null) {
    let rows = whole.get(dataset)
    if (!rows) whole.set(dataset, (rows = choose(dataset, null)))
    return rows
  }
  const cached = subsets.get(include)
  if (cached && cached.dataset === dataset) return cached.rows
  const rows = choose(dataset, include)
  subsets.set(include, { dataset, rows })
  return rows
}

const outcomes = new WeakMap<EngineDataset, Int8Array>()

/**
 * Each account's outcome as the account view reads it: 1 won when any of its deals was won,
 * 0 lost when every deal was lost, -1 open otherwise (or no deals).
 */
export function accountOutcomes(dataset: EngineDataset): Int8Array {
  const cached = outcomes.get(dataset)
  if (cached) return cached
  const won = new Uint8Array(dataset.accountCount)
  const open = new Uint8Array(dataset.accountCount)
  const any = new Uint8Array(dataset.accountCount)
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = dataset.accountIndex[row]!
    if (account < 0) continue
    any[account] = 1
    if (dataset.outcome[row] === 1) won[account] = 1
    else if (dataset.outcome[row] === -1) open[account] = 1
  }
  const result = new Int8Array(dataset.accountCount)
  for (let a = 0; a < result.length; a++) result[a] = won[a] ? 1 : any[a] && !open[a] ? 0 : -1
  outcomes.set(dataset, result)
  return result
}
