import { describe, it, expect } from 'vitest'
import { PLANTED_SIGNAL, generateCrm, streamCrm, writeCsv, type TrueAccount, type TrueDeal } from '../../scripts/crm-generator/index.js'
import { auc } from '../support/crm-shape-stats'

/** Won share of closed deals per group, and the overall rate. */
function ratesBy(
  deals: Iterable<TrueDeal>,
  accounts: readonly TrueAccount[],
  key: (a: TrueAccount) => string
): { all: number; by: Map<string, { rate: number; n: number }> } {
  const counts = new Map<string, [number, number]>()
  let won = 0
  let closed = 0
  for (const d of deals) {
    const a = accounts[d.accountIndex]
    if (d.outcome === 'open' || !a) continue
    const k = key(a)
    const c = counts.get(k) ?? [0, 0]
    c[1]++
    closed++
    if (d.outcome === 'won') {
      c[0]++
      won++
    }
    counts.set(k, c)
  }
  return { all: won / closed, by: new Map([...counts].map(([k, [w, n]]) => [k, { rate: w / n, n }])) }
}

/** Largest gap between a group's win rate and the overall rate, in binomial standard errors. */
function maxZ(r: ReturnType<typeof ratesBy>): number {
  let worst = 0
  for (const { rate, n } of r.by.values()) worst = Math.max(worst, Math.abs(rate - r.all) / Math.sqrt((r.all * (1 - r.all)) / n))
  return worst
}

describe('crm generator: signal strength', () => {
  const none = streamCrm({ seed: 21, accounts: 9000, mess: 'none', signal: 'none' })
  const noneDeals = [...none.truth.deals]

  it("'strong' is the default model, bit for bit", () => {
    const byDefault = generateCrm({ seed: 3, accounts: 120, mess: 'heavy' })
    const strong = generateCrm({ seed: 3, accounts: 120, mess: 'heavy', signal: 'strong', leakage: false })
    expect(writeCsv(strong.deals)).toEqual(writeCsv(byDefault.deals))
    expect(writeCsv(strong.accounts)).toEqual(writeCsv(byDefault.accounts))
    expect(strong.truth.signal).toBe(PLANTED_SIGNAL)
  })

  it("'none' keeps the accounts and the base rate but flattens the win rate of every attribute", () => {
    const strong = streamCrm({ seed: 21, accounts: 9000, mess: 'none' })
    expect(none.truth.accounts.map((a) => a.industry)).toEqual(strong.truth.accounts.map((a) => a.industry))
    const flat = ratesBy(noneDeals, none.truth.accounts, (a) => String(a.industry))
    const planted = ratesBy(strong.truth.deals, strong.truth.accounts, (a) => String(a.industry))
    expect(Math.abs(flat.all - planted.all)).toBeLessThan(0.03)
    // Within sampling error: no industry further than 3.5 standard errors from the base rate.
    expect(maxZ(flat)).toBeLessThan(3.5)
    expect(maxZ(planted)).toBeGreaterThan(10)
    for (const key of [
      (a: TrueAccount) => String(a.inIcpSegment),
      (a: TrueAccount) => String((a.employees ?? 100) < 20),
      (a: TrueAccount) => String(a.techStack.includes('Salesforce'))
    ]) {
      expect(maxZ(ratesBy(noneDeals, none.truth.accounts, key))).toBeLessThan(3.5)
    }
    expect(none.truth.signal.strength).toBe('none')
    expect(none.truth.signal.effects.industry.SaaS).toBe(0)
    expect(none.truth.signal.icpSegmentBonus).toBe(0)
  })

  it("'weak' sits between: the ICP segment still wins more, by far less", () => {
    const weak = streamCrm({ seed: 21, accounts: 9000, mess: 'none', signal: 'weak' })
    const r = ratesBy(weak.truth.deals, weak.truth.accounts, (a) => String(a.inIcpSegment))
    const gap = (r.by.get('true')?.rate ?? 0) - (r.by.get('false')?.rate ?? 0)
    expect(gap).toBeGreaterThan(0.08)
    expect(gap).toBeLessThan(0.3)
    expect(weak.truth.signal.effects.industry.SaaS).toBeCloseTo(0.25)
  })
})

describe('crm generator: few accounts, many deals', () => {
  const crm = generateCrm({ seed: 8, accounts: 85, deals: 6700, mess: 'none' })

  it('makes exactly the deals asked for, spread over the accounts', () => {
    expect(crm.truth.deals).toHaveLength(6700)
    expect(crm.deals.rows).toHaveLength(6700)
    const per = new Map<number, number>()
    for (const d of crm.truth.deals) per.set(d.accountIndex, (per.get(d.accountIndex) ?? 0) + 1)
    expect(per.size).toBeGreaterThan(60)
    expect(Math.max(...per.values())).toBeGreaterThan(100)
    expect(new Set(crm.truth.deals.map((d) => d.id)).size).toBe(6700)
    expect(crm.truth.deals.filter((d) => d.createdDate >= crm.truth.exportDate)).toEqual([])
  })

  it("keeps each account's attributes constant across its deals in the flat export", () => {
    const flat = crm.flat
    const at = (h: string): number => flat.headers.indexOf(h)
    const seen = new Map<unknown, string>()
    const columns = ['Industry', 'Employees', 'Tech Stack', 'Recently Raised', 'Lead Source', 'Billing Country'].map(at)
    let changed = 0
    for (const row of flat.rows) {
      const key = JSON.stringify(columns.map((c) => row[c] ?? null))
      const before = seen.get(row[at('Account ID')])
      if (before !== undefined && before !== key) changed++
      seen.set(row[at('Account ID')], key)
    }
    expect(changed).toBe(0)
    expect(seen.size).toBeGreaterThan(60)
  })
})

describe('crm generator: leakage columns', () => {
  const leaky = generateCrm({ seed: 9, accounts: 2500, mess: 'none', leakage: true, signal: 'none' })
  const plain = generateCrm({ seed: 9, accounts: 2500, mess: 'none', signal: 'none' })
  const columns = leaky.truth.leakage?.columns ?? []

  it('appends the process columns to deals and flat, and changes nothing else', () => {
    const headers = columns.map((c) => c.column)
    expect(headers).toEqual([
      'Days in Stage 1',
      'Days in Stage 2',
      'Total Days Identified Through Closing',
      'Sales Stage Change Count',
      'Ratio Days Qualified to Total Days',
      'Elapsed Days in Current Stage',
      'Last Call Duration (s)'
    ])
    expect(leaky.deals.headers).toEqual([...plain.deals.headers, ...headers])
    expect(leaky.flat.headers.slice(-headers.length)).toEqual(headers)
    expect(leaky.deals.rows.map((r) => r.slice(0, plain.deals.headers.length))).toEqual(plain.deals.rows)
    expect(leaky.accounts.rows).toEqual(plain.accounts.rows)
    expect(plain.truth.leakage).toBeUndefined()
    // Messy too: the new columns draw their mess from a stream of their own.
    const messy = generateCrm({ seed: 9, accounts: 300, mess: 'heavy', flavor: 'workbook' })
    const messyLeaky = generateCrm({ seed: 9, accounts: 300, mess: 'heavy', flavor: 'workbook', leakage: true })
    expect(messyLeaky.flat.rows.map((r) => r.slice(0, messy.flat.headers.length))).toEqual(messy.flat.rows)
    expect(plain.truth.deals.every((d) => d.process === undefined)).toBe(true)
  })

  it('separates won from lost even when the attributes carry no signal', () => {
    for (const c of columns) {
      const won: number[] = []
      const lost: number[] = []
      for (const d of leaky.truth.deals) {
        const v = d.process?.[c.field]
        if (typeof v !== 'number' || d.outcome === 'open') continue
        ;(d.outcome === 'won' ? won : lost).push(v)
      }
      expect(Math.abs(auc(won, lost) - 0.5), c.column).toBeGreaterThan(0.14)
    }
    const strongest = ['Sales Stage Change Count', 'Elapsed Days in Current Stage', 'Last Call Duration (s)']
    for (const c of columns.filter((x) => strongest.includes(x.column))) {
      const won = leaky.truth.deals
        .filter((d) => d.outcome === 'won')
        .map((d) => Number(d.process?.[c.field] ?? NaN))
        .filter(Number.isFinite)
      const lost = leaky.truth.deals
        .filter((d) => d.outcome === 'lost')
        .map((d) => Number(d.process?.[c.field] ?? NaN))
        .filter(Number.isFinite)
      expect(Math.abs(auc(won, lost) - 0.5), c.column).toBeGreaterThan(0.4)
    }
  })

  it('is consistent with the deal: stage days add up, open deals have no closing total', () => {
    const wrong = leaky.truth.deals.filter((d) => {
      const p = d.process
      if (!p || p.stagesReached < 1 || p.ratioDaysQualifiedToTotal < 0 || p.ratioDaysQualifiedToTotal > 1) return true
      if (d.outcome === 'won' && p.stagesReached < 4) return true
      return d.outcome === 'open'
        ? p.daysIdentifiedThroughClosing !== null
        : p.daysInStage1 + (p.daysIdentifiedThroughClosing ?? 0) !== d.salesCycleDays
    })
    expect(wrong.map((d) => d.id)).toEqual([])
  })
})
