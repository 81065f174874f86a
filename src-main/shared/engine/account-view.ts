import type { EngineDataset } from './engine-dataset'

/** One account seen through its deals. */
export interface AccountRecord {
  accountId: string
  accountName: string
  deals: number
  won: number
  lost: number
  open: number
  /** The account is won when any of its deals is won. */
  outcome: 'won' | 'lost' | 'open'
  /** Earliest created (else closed) date and latest closed (else created) date of its deals, epoch ms. */
  firstDealAt: number | null
  lastDealAt: number | null
  wonAmount: number
}

/**
 * The account-level view derived from the deals: accounts with several deals keep every deal
 * in the deal table, and here become one record — won if any deal was won, lost if every
 * closed deal was lost, open otherwise.
 */
export function accountView(data: EngineDataset): AccountRecord[] {
  const records: AccountRecord[] = []
  const at = new Map<number, number>()
  for (let row = 0; row < data.rowCount; row++) {
    const account = data.accountIndex[row]!
    if (account < 0) continue
    let index = at.get(account)
    if (index === undefined) {
      index = records.length
      at.set(account, index)
      records.push({
        accountId: data.accountIds[row] ?? '',
        accountName: data.accountNames[row] ?? '',
        deals: 0,
        won: 0,
        lost: 0,
        open: 0,
        outcome: 'open',
        firstDealAt: null,
        lastDealAt: null,
        wonAmount: 0
      })
    }
    const record = records[index]!
    record.deals++
    const outcome = data.outcome[row]!
    if (outcome === 1) {
      record.won++
      const amount = data.amount[row]!
      if (!Number.isNaN(amount)) record.wonAmount += amount
    } else if (outcome === 0) record.lost++
    else record.open++
    const created = data.createdAt ? data.createdAt[row]! : NaN
    const first = pick(created, data.closedAt[row]!)
    const last = pick(data.closedAt[row]!, created)
    if (first !== null && (record.firstDealAt === null || first < record.firstDealAt)) record.firstDealAt = first
    if (last !== null && (record.lastDealAt === null || last > record.lastDealAt)) record.lastDealAt = last
  }
  for (const record of records) {
    record.outcome = record.won > 0 ? 'won' : record.open === 0 && record.lost > 0 ? 'lost' : 'open'
  }
  return records
}

function pick(preferred: number, fallback: number): number | null {
  if (!Number.isNaN(preferred)) return preferred
  return Number.isNaN(fallback) ? null : fallback
}
