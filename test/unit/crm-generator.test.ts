import { describe, it, expect } from 'vitest'
import { read, utils } from 'xlsx'
import {
  decodeText,
  generateCrm,
  streamCrm,
  writeCsv,
  writeWorkbook,
  cellText,
  INDUSTRY_VARIANTS,
  MISSING_TOKENS,
  OUTCOME_VALUES,
  PLANTED_SIGNAL,
  US_STATES,
  type Cell,
  type CrmTable,
  type TrueAccount,
  type TrueDeal
} from '../../scripts/crm-generator/index.js'

const heavy = generateCrm({ seed: 11, accounts: 2000, mess: 'heavy' })
const clean = generateCrm({ seed: 11, accounts: 300, mess: 'none' })

const texts = (table: CrmTable): string[] => table.rows.flat().map(cellText)
const column = (table: CrmTable, header: string): Cell[] => {
  const at = table.headers.indexOf(header)
  expect(at, `column ${header}`).toBeGreaterThanOrEqual(0)
  return table.rows.filter((r) => /^\s*(ACC|OPP)-\d+\s*$/.test(String(r[0]))).map((r) => r[at] ?? null)
}
const isMissing = (text: string): boolean => (MISSING_TOKENS as readonly string[]).includes(text.trim())

// A deliberately small importer for the messy forms, so the test proves each form encodes the truth.
function employeesMatch(text: string, truth: number): boolean {
  const n = (s: string): number => Number(s.replace(/,/g, ''))
  const t = text.trim()
  let m: RegExpExecArray | null
  if (/^[\d,]+$/.test(t)) return n(t) === truth
  if ((m = /^([\d,]+)-([\d,]+)$/.exec(t))) return truth >= n(m[1] ?? '') && truth <= n(m[2] ?? '')
  if ((m = /^(\d+)K-(\d+)K$/.exec(t))) return truth >= n(m[1] ?? '') * 1000 && truth <= n(m[2] ?? '') * 1000
  if ((m = /^([\d,]+)\+$/.exec(t))) return truth >= n(m[1] ?? '')
  return t === '10K+' && truth > 10000
}

function moneyValue(text: string): number | [number, number] {
  const unit = { K: 1e3, M: 1e6, B: 1e9, thousand: 1e3, million: 1e6, billion: 1e9 } as const
  const one = (s: string): number => {
    const m = /^([\d,.]+)\s*(K|M|B|thousand|million|billion)?$/i.exec(s.replace(/^(CA\$|\$|€|£|USD )/, '').trim())
    if (!m) return NaN
    const suffix = m[2] === undefined ? undefined : m[2].length === 1 ? m[2].toUpperCase() : m[2]
    // Every true amount is a whole number; rounding absorbs binary float error in "8.19" x 1e6.
    return Math.round(Number((m[1] ?? '').replace(/,/g, '')) * (suffix ? unit[suffix as keyof typeof unit] : 1))
  }
  const t = text.trim()
  if (t.endsWith('+')) return [one(t.slice(0, -1)), Infinity]
  const range = /^(.+?)-(.+)$/.exec(t)
  return range ? [one(range[1] ?? ''), one(range[2] ?? '')] : one(t)
}

function dateDay(text: string): string {
  const t = text.trim()
  const iso = /^(\d{4}-\d{2}-\d{2})([ T].*)?$/.exec(t)
  if (iso) return iso[1] ?? ''
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})( .*)?$/.exec(t)
  if (!us) return `unparsed:${t}`
  return `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`
}

function winRate(deals: Iterable<TrueDeal>, accounts: readonly TrueAccount[], keep: (d: TrueDeal, a: TrueAccount) => boolean): number {
  let won = 0
  let closed = 0
  for (const d of deals) {
    const a = accounts[d.accountIndex]
    if (d.outcome === 'open' || !a || !keep(d, a)) continue
    closed++
    if (d.outcome === 'won') won++
  }
  return won / closed
}

describe('crm generator: determinism and size', () => {
  it('same seed gives identical rows and bytes; another seed does not', () => {
    // Compared as text: deep equality over thousands of rows would dominate the test time.
    const csv = (crm: ReturnType<typeof generateCrm>): string =>
      new TextDecoder().decode(writeCsv(crm.accounts)) + new TextDecoder().decode(writeCsv(crm.deals))
    const again = generateCrm({ seed: 11, accounts: 2000, mess: 'heavy' })
    expect(csv(again) === csv(heavy)).toBe(true)
    expect(JSON.stringify(again.truth) === JSON.stringify(heavy.truth)).toBe(true)
    const other = generateCrm({ seed: 12, accounts: 200, mess: 'heavy' })
    expect(JSON.stringify(other.accounts.rows.slice(0, 50))).not.toBe(JSON.stringify(heavy.accounts.rows.slice(0, 50)))
  })

  it('has the requested sizes, several deals for some accounts, and open deals', () => {
    expect(heavy.truth.accounts).toHaveLength(2000)
    expect(heavy.truth.deals).toHaveLength(3200)
    expect(heavy.accounts.meta.dataRows).toBe(2000)
    const { meta } = heavy.deals
    expect(heavy.deals.rows).toHaveLength(meta.dataRows + meta.emptyRows + meta.duplicateRows + meta.junkRows)
    expect(generateCrm({ seed: 1, accounts: 50, deals: 777, mess: 'none' }).deals.rows).toHaveLength(777)
    expect(heavy.truth.accounts.filter((a) => a.dealCount >= 3).length).toBeGreaterThan(100)
    const open = heavy.truth.deals.filter((d) => d.outcome === 'open').length / 3200
    expect(open).toBeGreaterThan(0.05)
    expect(open).toBeLessThan(0.35)
    for (const d of heavy.truth.deals) {
      expect(d.createdDate >= heavy.truth.start && d.createdDate < heavy.truth.exportDate).toBe(true)
      if (d.closedDate) expect(d.closedDate < heavy.truth.exportDate).toBe(true)
    }
  })

  it('the truth does not depend on the mess level or flavor', () => {
    const other = generateCrm({ seed: 11, accounts: 300, mess: 'heavy', flavor: 'workbook' })
    expect(JSON.stringify(other.truth)).toBe(JSON.stringify(clean.truth))
  })

  it('streamCrm regenerates exactly the deals generateCrm keeps', () => {
    const stream = streamCrm({ seed: 11, accounts: 300, mess: 'none' })
    expect([...stream.truth.deals]).toEqual(clean.truth.deals)
    expect([...stream.deals.rows]).toEqual(clean.deals.rows)
  })
})

describe('crm generator: planted signal', () => {
  const big = streamCrm({ seed: 5, accounts: 12000, mess: 'none' })
  const accounts = big.truth.accounts
  const deals = [...big.truth.deals]
  const rate = (keep: (d: TrueDeal, a: TrueAccount) => boolean): number => winRate(deals, accounts, keep)

  it('is described in truth.signal', () => {
    expect(big.truth.signal).toBe(PLANTED_SIGNAL)
    expect(big.truth.signal.icpSegment.industries).toEqual(['SaaS', 'FinTech'])
    expect(big.truth.signal.noiseAttributes).toContain('owner')
  })

  it('the ICP segment wins far more often, and the anti-ICP mostly loses', () => {
    const icp = rate((_, a) => a.inIcpSegment)
    const rest = rate((_, a) => !a.inIcpSegment)
    expect(icp).toBeGreaterThan(0.8)
    expect(rest).toBeLessThan(0.4)
    expect(rate((_, a) => (a.employees ?? 100) < 20)).toBeLessThan(0.12)
    expect(rate((_, a) => a.industry === 'Education')).toBeLessThan(0.22)
  })

  it('ICP deals are faster and bigger', () => {
    const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN
    const pick = (inIcp: boolean, f: (d: TrueDeal) => number | null): number =>
      median(
        deals
          .filter((d) => d.outcome === 'won' && accounts[d.accountIndex]?.inIcpSegment === inIcp)
          .map(f)
          .filter((x): x is number => x !== null)
      )
    expect(pick(true, (d) => d.salesCycleDays)).toBeLessThan(0.8 * pick(false, (d) => d.salesCycleDays))
    expect(pick(true, (d) => d.amount)).toBeGreaterThan(1.2 * pick(false, (d) => d.amount))
  })

  it('owner and region are noise', () => {
    const half = new Set(['Jordan Lee', 'Priya Shah', 'Marcus Brown', 'Sofia García', "Liam O'Connor"])
    expect(Math.abs(rate((d) => half.has(d.owner)) - rate((d) => !half.has(d.owner)))).toBeLessThan(0.03)
    const east = rate((_, a) => a.region === 'AMER-East')
    expect(Math.abs(east - rate((_, a) => a.region !== 'AMER-East'))).toBeLessThan(0.04)
  })

  it('leaky fields are filled exactly when the outcome is known to be good', () => {
    expect(deals.filter((d) => (d.contractSignedDate !== null) !== (d.outcome === 'won'))).toEqual([])
    expect(accounts.filter((a) => (a.onboardingCompleted !== null) !== a.customer)).toEqual([])
    expect(accounts.some((a) => a.customer) && deals.some((d) => d.outcome === 'won')).toBe(true)
  })

  it('best customers follow the same signal (churn, NRR)', () => {
    const customers = accounts.filter((a) => a.success)
    const churn = (inIcp: boolean): number => {
      const group = customers.filter((a) => a.inIcpSegment === inIcp)
      return group.filter((a) => a.success?.churned).length / group.length
    }
    expect(churn(true)).toBeLessThan(churn(false) - 0.1)
  })
})

describe('crm generator: mess', () => {
  const all = new Set([...texts(heavy.accounts), ...texts(heavy.deals)])
  const has = (re: RegExp): boolean => [...all].some((t) => re.test(t))

  it('every kind of messy token appears in a heavy export', () => {
    for (const token of MISSING_TOKENS) expect(all.has(token), `missing token "${token}"`).toBe(true)
    for (const token of ['Yes', 'No', 'TRUE', 'FALSE', 'Y', 'N', '1', '0', 'x']) expect(all.has(token), token).toBe(true)
    for (const token of ['Closed Won', 'Won', 'Closed Lost', 'Lost', 'Loss', 'Open', 'Engaging', 'Negotiation'])
      expect(all.has(token), token).toBe(true)
    for (const v of INDUSTRY_VARIANTS.SaaS) expect(all.has(v), v).toBe(true)
    for (const [label, re] of Object.entries({
      range: /^51-200$/,
      top: /^10,?001\+$/,
      kRange: /^\dK-\d+K$/,
      commas: /^\d,\d{3}$/,
      millions: /^\$\d+(\.\d+)?M$/,
      words: /^\d+(\.\d+)? million$/,
      thousands: /^\$\d+K$/,
      euro: /^€[\d.]+m$/i,
      revenueRange: /^\$\d+M-\$\d+M$/,
      stateName: /^California$/,
      stateLower: /^texas$/,
      tech: /^\w+; \w+/,
      techPipe: / \| /,
      techNewline: /\w\n\w/,
      usDate: /^\d{1,2}\/\d{1,2}\/\d{4}$/,
      isoDate: /^\d{4}-\d{2}-\d{2}$/,
      withTime: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
      percent: /^1\d\d%$/,
      ratio: /^1\.\d+$/,
      padded: /^\s+\S.*\S\s+$/,
      website: /^https:\/\/www\./,
      nameUpper: /^[A-Z ,.]+ INC\.?$/
    }))
      expect(has(re), label).toBe(true)
  })

  it('row-level mess: empty rows, empty columns, duplicates, footer rows, name-only deals', () => {
    const a = heavy.accounts
    expect(a.meta.emptyRows).toBeGreaterThan(0)
    expect(a.meta.duplicateRows).toBeGreaterThan(5)
    const ids = column(a, 'Account ID').map((c) => cellText(c).trim())
    expect(new Set(ids).size).toBeLessThan(ids.length)
    const emptyColumns = a.headers.filter((h) => column(a, h).every((c) => cellText(c) === ''))
    expect(emptyColumns.length).toBeGreaterThanOrEqual(2)
    const lastCells = heavy.deals.rows.slice(-4).map((r) => r[0])
    expect(lastCells).toContain('Total')
    expect(lastCells).toContain('Report generated by Salesforce')
    expect(column(heavy.deals, 'Account ID').filter((c) => isMissing(cellText(c))).length).toBeGreaterThan(500)
    expect(a.title?.[0]).toMatch(/— Accounts export$/)
  })

  it('messy values still encode the truth', () => {
    const byId = new Map(heavy.truth.accounts.map((t) => [t.id, t]))
    const states = new Map(
      US_STATES.flatMap(
        ([code, name]) =>
          [
            [code.toLowerCase(), code],
            [name.toLowerCase(), code]
          ] as const
      )
    )
    const at = (h: string): number => heavy.accounts.headers.indexOf(h)
    let checked = 0
    for (const row of heavy.accounts.rows) {
      const truth = byId.get(cellText(row[0] ?? null).trim())
      if (!truth) continue
      const text = (h: string): string => cellText(row[at(h)] ?? null)
      const employees = text('Employees')
      if (truth.employees === null) expect(isMissing(employees)).toBe(true)
      else expect(employeesMatch(employees, truth.employees), `${employees} vs ${truth.employees}`).toBe(true)
      const revenue = text('Annual Revenue')
      if (truth.annualRevenue !== null) {
        const v = moneyValue(revenue)
        if (Array.isArray(v)) expect(truth.annualRevenue >= v[0] && truth.annualRevenue < v[1], revenue).toBe(true)
        else expect(v, revenue).toBe(truth.annualRevenue)
      }
      const state = text('Billing State/Province').trim().toLowerCase()
      if (truth.hqState !== null) expect(states.get(state)).toBe(truth.hqState)
      const industry = text('Industry').trim()
      if (truth.industry !== null) expect([truth.industry, ...INDUSTRY_VARIANTS[truth.industry]]).toContain(industry)
      expect(dateDay(text('Account Created Date'))).toBe(truth.createdDate)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(2000)
    const deals = new Map(heavy.truth.deals.map((d) => [d.id, d]))
    const stage = heavy.deals.headers.indexOf('Stage')
    const amount = heavy.deals.headers.indexOf('Amount')
    for (const row of heavy.deals.rows) {
      const truth = deals.get(cellText(row[0] ?? null).trim())
      if (!truth) continue
      expect(OUTCOME_VALUES[cellText(row[stage] ?? null).trim()]).toBe(truth.outcome)
      expect(moneyValue(cellText(row[amount] ?? null))).toBe(truth.amount)
    }
  })

  it("'none' yields clean typed values and no row-level mess", () => {
    const { accounts, deals } = clean
    expect(accounts.title).toBeNull()
    expect(accounts.headers).not.toContain('')
    expect(accounts.rows).toHaveLength(300)
    for (const c of column(accounts, 'Employees')) expect(c === null || Number.isInteger(c)).toBe(true)
    for (const c of column(accounts, 'Recently Raised')) expect(typeof c).toBe('boolean')
    for (const c of column(accounts, 'Industry')) expect(c === null || (typeof c === 'string' && c in INDUSTRY_VARIANTS)).toBe(true)
    for (const c of column(deals, 'Created Date')) expect(c).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const c of column(deals, 'Stage')) expect(OUTCOME_VALUES[String(c)]).toBeDefined()
    expect(column(deals, 'Account ID').every((c) => typeof c === 'string' && /^ACC-\d{6}$/.test(c))).toBe(true)
    const flat = clean.flat
    const industry = flat.headers.indexOf('Industry')
    expect(flat.rows).toHaveLength(clean.truth.deals.length)
    flat.rows.forEach((row, i) => {
      const deal = clean.truth.deals[i]
      expect(row[0]).toBe(deal?.id)
      expect(row[industry]).toBe(clean.truth.accounts[deal?.accountIndex ?? -1]?.industry)
    })
  })
})

describe('crm generator: writers', () => {
  const table = {
    headers: ['Account Name', 'Notes', 'Amount'],
    rows: [
      ['Société Générale', 'Send "final" proposal,\nthen call', '€1.2m'],
      ['Müller GmbH', 'Café — 10% off; a|b', ' 12 ']
    ] as Cell[][]
  }
  const plain = new TextDecoder('utf-8').decode(writeCsv(table))
  // Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 (nodejs/node#56542); map
  // the two characters used here by the Windows-1252 table, which stays right once Node is fixed.
  const cp1252 = (bytes: Uint8Array): string =>
    new TextDecoder('windows-1252')
      .decode(bytes)
      .replace(/\u0080/g, '€')
      .replace(/\u0097/g, '—')

  it('CSV round-trips through SheetJS with quotes, newlines and delimiters', () => {
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const bytes = writeCsv(table, { delimiter, eol: '\n' })
      const wb = read(new TextDecoder().decode(bytes), { type: 'string', raw: true, FS: delimiter })
      const sheet = wb.Sheets[wb.SheetNames[0] ?? '']
      if (!sheet) throw new Error('no sheet')
      const aoa = utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' })
      expect(aoa).toEqual([table.headers, ...table.rows])
    }
    expect(plain.split('\r\n')).toHaveLength(4)
  })

  it('encodings decode back to the same text', () => {
    const bom16 = writeCsv(table, { encoding: 'utf-16le' })
    expect([bom16[0], bom16[1]]).toEqual([0xff, 0xfe])
    expect(new TextDecoder('utf-16le').decode(bom16.subarray(2))).toBe(plain)
    const cp = writeCsv(table, { encoding: 'windows-1252' })
    expect(cp).toContain(0xe9) // é as one byte: the encoding really differs from UTF-8
    expect(cp).toContain(0x97) // em dash from the 0x80-0x9F block
    expect(cp1252(cp)).toBe(plain)
    expect(decodeText(cp, 'windows-1252')).toBe(plain)
    expect([...writeCsv(table, { encoding: 'utf-8-bom' }).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const accounts = writeCsv(heavy.accounts, { encoding: 'windows-1252' })
    expect(cp1252(accounts)).toBe(new TextDecoder().decode(writeCsv(heavy.accounts)))
    expect(accounts.length).toBeLessThan(writeCsv(heavy.accounts).length)
  })

  it('workbooks keep title rows, merges, header, dates and values', () => {
    const crm = generateCrm({ seed: 4, accounts: 60, mess: 'heavy', flavor: 'workbook' })
    for (const bookType of ['xlsx', 'xls', 'ods', 'xlsb'] as const) {
      const bytes = writeWorkbook(
        [
          { name: 'Accounts', table: crm.accounts },
          { name: 'Deals', table: crm.deals }
        ],
        { bookType, mergeTitle: true, groupHeader: true }
      )
      const wb = read(bytes, { type: 'array', cellDates: true })
      const sheet = wb.Sheets.Accounts
      if (!sheet) throw new Error(`${bookType}: no Accounts sheet`)
      const aoa = utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true })
      expect(aoa[0]?.[0], bookType).toBe(crm.accounts.title?.[0])
      expect(aoa[3]?.[0]).toBe('Account')
      expect(aoa[4]).toEqual(crm.accounts.headers)
      expect(sheet['!merges']?.length).toBeGreaterThan(3)
      const names = aoa.slice(5).map((r) => r[1] ?? null)
      expect(names).toEqual(crm.accounts.rows.map((r) => r[1] ?? null))
    }
    const deals = utils.sheet_to_json<Cell[]>(
      read(writeWorkbook([{ name: 'D', table: crm.deals }]), { type: 'array', cellDates: true }).Sheets.D ?? {},
      { header: 1, raw: true }
    )
    const cells = deals.flat()
    expect(cells.some((c) => c instanceof Date)).toBe(true)
    expect(cells.some((c) => typeof c === 'number' && c > 40000 && c < 50000)).toBe(true) // an Excel serial date
  })
})
