import { describe, it, expect } from 'vitest'
import { read, utils } from 'xlsx'
import { COLUMN_ROLES, COLUMN_TYPES } from '@shared/domain/dataset'
import {
  SHAPES,
  cellText,
  generateCrmShape,
  streamCrmShape,
  writeCsv,
  writeWorkbook,
  type Cell,
  type CrmShape,
  type ShapeName,
  type ShapeTable
} from '../../scripts/crm-generator/index.js'
import { columnOf, rowOutcomes, separation, signalZ, valueOf } from '../support/crm-shape-stats'

/** The documented headers of every shape's tables (docs/generator.md), without the leakage option. */
const HEADERS: Record<ShapeName, Record<string, string[]>> = {
  standard: {
    accounts: [
      'Account ID',
      'Account Name',
      'Website',
      'Account Created Date',
      'Industry',
      'Employees',
      'Annual Revenue',
      'Currency',
      'Billing State/Province',
      'Billing Country',
      'Sales Region',
      'Tech Stack',
      'Funding Stage',
      'Recently Raised',
      'Hiring SDRs',
      'Uses Competitor',
      'Lead Source',
      'Custom Field 1',
      'LTV',
      'ACV',
      'NRR',
      'Tenure (Months)',
      'NPS',
      'Time to Value (Days)',
      'Support Tickets (12m)',
      'Churned',
      'Onboarding Completed',
      ''
    ],
    deals: [
      'Opportunity ID',
      'Account ID',
      'Account Name',
      'Amount',
      'Stage',
      'Created Date',
      'Close Date',
      'Sales Cycle (Days)',
      'Opportunity Owner',
      'Next Step',
      'Partner Account',
      'Contract Signed Date'
    ]
  },
  salesforce: {
    opportunities: [
      'Opportunity ID',
      'Opportunity Name',
      'Account ID',
      'Account Name',
      'Type',
      'Stage',
      'Amount Currency',
      'Amount',
      'Amount (converted)',
      'Probability (%)',
      'Forecast Category',
      'IsWon',
      'IsClosed',
      'Created Date',
      'Close Date',
      'Fiscal Period',
      'Lead Source',
      'Opportunity Owner',
      'Competitor',
      'Account: Industry',
      'Account: Employees',
      'Account: Annual Revenue',
      'Account: Billing Country',
      'Account: Billing State/Province',
      'Account: Tech Stack',
      'Account: Funding Stage',
      'Account: Recently Raised',
      'Account: Hiring SDRs',
      'Next Step',
      'Age',
      'Stage Duration',
      'Last Stage Change Date',
      'Last Modified Date'
    ]
  },
  hubspot: {
    deals: [
      'Record ID',
      'Deal Name',
      'Deal Stage',
      'Pipeline',
      'Amount',
      'Amount in company currency',
      'Currency',
      'Close Date',
      'Create Date',
      'Deal owner',
      'Deal Type',
      'Associated Company',
      'Associated Company IDs',
      'Original Source Type',
      'Days to close',
      'Is Closed Won',
      'Last Activity Date',
      'Number of Sales Activities',
      'Forecast category'
    ],
    companies: [
      'Record ID',
      'Company name',
      'Company Domain Name',
      'Industry',
      'Number of Employees',
      'Annual Revenue',
      'Country/Region',
      'State/Region',
      'Web Technologies',
      'Lifecycle Stage',
      'Create Date',
      'Became a Customer Date',
      'Total Revenue'
    ]
  },
  pipedrive: {
    deals: [
      'Deal - ID',
      'Deal - Title',
      'Deal - Value',
      'Deal - Currency',
      'Deal - Status',
      'Deal - Stage',
      'Deal - Deal created',
      'Deal - Deal closed on',
      'Deal - Won time',
      'Deal - Lost time',
      'Deal - Lost reason',
      'Deal - Expected close date',
      'Deal - Owner',
      'Organization - Name',
      'Organization - ID',
      'Organization - Address',
      'Deal - Source',
      'Deal - Industry',
      'Organization - Company size',
      'Organization - Funding stage',
      'Organization - Tech stack',
      'Deal - Update time'
    ]
  },
  leads: {
    leads: [
      'Lead ID',
      'Company',
      'Website',
      'Industry',
      'Company Size',
      'Country',
      'State',
      'Lead Source',
      'Funding Round',
      'Created Date',
      'Converted',
      'Converted Date',
      'Lead Score'
    ]
  }
}

/** Columns whose values only the outcome (or the sales process) explains: each must carry a leak reason. */
const LEAKS: Record<ShapeName, string[]> = {
  standard: [
    'LTV',
    'ACV',
    'NRR',
    'Tenure (Months)',
    'NPS',
    'Time to Value (Days)',
    'Support Tickets (12m)',
    'Churned',
    'Onboarding Completed',
    'Sales Cycle (Days)',
    'Next Step',
    'Contract Signed Date'
  ],
  salesforce: ['Probability (%)', 'Forecast Category', 'IsWon', 'IsClosed', 'Next Step', 'Age', 'Stage Duration', 'Last Stage Change Date'],
  hubspot: [
    'Days to close',
    'Is Closed Won',
    'Last Activity Date',
    'Number of Sales Activities',
    'Forecast category',
    'Lifecycle Stage',
    'Became a Customer Date',
    'Total Revenue'
  ],
  pipedrive: ['Deal - Stage', 'Deal - Won time', 'Deal - Lost time', 'Deal - Lost reason'],
  leads: ['Converted Date', 'Lead Score']
}

/** Roles a table holds at most once (the app's rule: everything but attribute and ignore). */
const SHARED = new Set(['attribute', 'ignore'])

const typical = Object.fromEntries(SHAPES.map((s) => [s, generateCrmShape({ shape: s, seed: 4, accounts: 400 })])) as Record<
  ShapeName,
  CrmShape
>
const csvOf = (shape: CrmShape): string => shape.tables.map((t) => new TextDecoder().decode(writeCsv(t.table))).join('\n--\n')

/** The account key column of a table, for checking that account-level cells repeat. */
const accountKey = (t: ShapeTable): string | undefined => t.expect.find((e) => e.role === 'account-id')?.header

describe.each(SHAPES)('crm shape %s', (name) => {
  const shape = typical[name]

  it('generates the documented tables and headers, deterministically', () => {
    expect(Object.fromEntries(shape.tables.map((t) => [t.name, t.table.headers]))).toEqual(HEADERS[name])
    for (const t of shape.tables) expect(t.table.meta.dataRows, t.name).toBeGreaterThan(150)
    const again = generateCrmShape({ shape: name, seed: 4, accounts: 400 })
    expect(csvOf(again) === csvOf(shape)).toBe(true)
    const other = generateCrmShape({ shape: name, seed: 5, accounts: 60 })
    expect(csvOf(other) === csvOf(shape)).toBe(false)
  })

  it('states one expectation per header, with roles and types from the app and one of each unique role', () => {
    for (const t of shape.tables) {
      expect(
        t.expect.map((e) => e.header),
        t.name
      ).toEqual(t.table.headers)
      const roles = t.expect.map((e) => e.role).filter((r) => !SHARED.has(r))
      expect(new Set(roles).size, `${t.name}: ${roles.join(', ')}`).toBe(roles.length)
      for (const e of t.expect) {
        expect(COLUMN_ROLES, e.header).toContain(e.role)
        expect(COLUMN_TYPES, e.header).toContain(e.type)
        for (const r of e.alsoRoles ?? []) expect(COLUMN_ROLES).toContain(r)
        for (const ty of e.alsoTypes ?? []) expect(COLUMN_TYPES).toContain(ty)
        // A leaking column is never a criterion, not even as an alternative reading.
        if (e.leak !== undefined) expect([e.role, ...(e.alsoRoles ?? [])], e.header).not.toContain('attribute')
      }
      expect(t.expect.find((e) => e.header === t.key.header)?.level, t.name).toBe(t.key.level)
    }
    const leaking = shape.tables.flatMap((t) => t.expect.filter((e) => e.leak !== undefined).map((e) => e.header))
    expect(leaking.sort()).toEqual([...LEAKS[name]].sort())
  })

  it('has exactly one outcome column, whose every value is mapped and agrees with the truth', () => {
    const outcomes = shape.tables.flatMap((t) => t.expect.filter((e) => e.role === 'outcome').map((e) => [t.name, e.header]))
    expect(outcomes).toEqual([[shape.outcomeColumn.table, shape.outcomeColumn.header]])
    const table = shape.tables.find((t) => t.name === shape.outcomeColumn.table)
    if (!table) throw new Error('no outcome table')
    const keys = columnOf(table.table, table.key.header).map((c) => cellText(c).trim())
    const values = columnOf(table.table, shape.outcomeColumn.header).map((c) => cellText(c).trim())
    const truth = new Map<string, string>()
    if (shape.ids.deal) for (const d of shape.truth.deals) truth.set(shape.ids.deal(d), d.outcome)
    else for (const a of shape.truth.accounts) truth.set(shape.ids.account(a), a.customer ? 'won' : 'lost')
    let checked = 0
    const wrong: string[] = []
    values.forEach((value, i) => {
      const expected = truth.get(keys[i] ?? '')
      if (expected === undefined) return // a report footer or a blank row
      if (shape.outcomeMapping[value] !== expected) wrong.push(`${keys[i]}: ${value} is ${expected}`)
      checked++
    })
    expect(wrong).toEqual([])
    expect(checked).toBe(table.table.meta.dataRows)
    expect(new Set(Object.values(shape.outcomeMapping))).toEqual(new Set(name === 'leads' ? ['won', 'lost'] : ['won', 'lost', 'open']))
  })

  it('reads as the stated types, and repeats account-level cells on every row of the account', () => {
    // The standard export's messy encodings ("$12.5M", "1K-5K") are checked cell by cell in crm-generator.test.ts.
    const checked = name === 'standard' ? generateCrmShape({ shape: name, seed: 4, accounts: 400, mess: 'none' }) : shape
    // The CRM formats, and the standard export's messy ones (ISO with T, US with AM/PM).
    const isDate = /^(\d{1,2}\/\d{1,2}\/\d{4}( \d{1,2}:\d{2} [AP]M)?|\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?Z?)?)$/
    // Problems are collected and asserted once: an expect() per cell would dominate the test time.
    const problems: string[] = []
    const readers: Record<string, (cell: Cell | undefined, v: string) => boolean> = {
      number: (cell, v) => typeof cell === 'number' || /^-?[\d.]+$/.test(v),
      range: (_, v) => /^\d+-\d+$|^10,001\+$|^\d+$/.test(v),
      date: (_, v) => isDate.test(v),
      boolean: (_, v) => ['1', '0', 'true', 'false', 'TRUE', 'FALSE'].includes(v),
      category: (_, v) => v.length < 60,
      id: (_, v) => v.length > 0
    }
    for (const t of checked.tables) {
      const key = accountKey(t)
      const seen = new Map<string, string>()
      const accountCols = t.expect.map((e, i) => [e, i] as const).filter(([e]) => e.level === 'account')
      t.table.rows.forEach((row, r) => {
        if (r >= t.table.meta.dataRows) return // footer
        t.expect.forEach((e, i) => {
          const v = valueOf(row[i])
          if (v !== null && readers[e.type]?.(row[i], v) === false) problems.push(`${t.name}.${e.header} = "${v}" as ${e.type}`)
        })
        if (key === undefined) return
        const id = cellText(row[t.table.headers.indexOf(key)] ?? null)
        const cells = JSON.stringify(accountCols.map(([, i]) => row[i] ?? null))
        const before = seen.get(id)
        if (before !== undefined && before !== cells) problems.push(`${t.name} account ${id}: ${before} then ${cells}`)
        seen.set(id, cells)
      })
    }
    expect(problems.slice(0, 10)).toEqual([])
  })

  it('streams exactly the rows it generates', () => {
    const streamed = streamCrmShape({ shape: name, seed: 4, accounts: 400 })
    expect(streamed.tables.map((t) => [...t.table.rows])).toEqual(shape.tables.map((t) => t.table.rows))
    expect(streamed.tables.map((t) => t.expect)).toEqual(shape.tables.map((t) => t.expect))
  })
})

describe('crm shapes: signal, leaks and mess', () => {
  const none = Object.fromEntries(
    SHAPES.map((s) => [s, generateCrmShape({ shape: s, seed: 12, accounts: 1500, mess: 'none', signal: 'none' })])
  ) as Record<ShapeName, CrmShape>

  it('leaky columns separate the outcome even when no attribute does', () => {
    for (const name of SHAPES) {
      const shape = none[name]
      for (const t of shape.tables) {
        const outcomes = rowOutcomes(shape, t)
        const wonVsLost = outcomes.map((o) => (o === 'won' ? true : o === 'lost' ? false : null))
        const closedVsOpen = outcomes.map((o) => (o === null ? null : o !== 'open'))
        t.expect.forEach((e, i) => {
          if (e.role === 'outcome') return
          const cells = t.table.rows.map((row) => row[i] ?? null)
          const sep = Math.max(separation(cells, wonVsLost), separation(cells, closedVsOpen))
          if (e.leak !== undefined) expect(sep, `${name}.${t.name}.${e.header} leaks`).toBeGreaterThan(0.15)
          else if (e.role === 'attribute') expect(signalZ(cells, wonVsLost), `${name}.${t.name}.${e.header} has no signal`).toBeLessThan(4)
        })
      }
    }
  })

  it('the planted signal carries through each CRM vocabulary', () => {
    const strong = generateCrmShape({ shape: 'salesforce', seed: 12, accounts: 1500, mess: 'none' })
    const [table] = strong.tables
    if (!table) throw new Error('no table')
    const outcomes = rowOutcomes(strong, table)
    const rate = (header: string, value: string): { rate: number; n: number } => {
      let won = 0
      let n = 0
      columnOf(table.table, header).forEach((c, i) => {
        if (valueOf(c) !== value || (outcomes[i] !== 'won' && outcomes[i] !== 'lost')) return
        n++
        if (outcomes[i] === 'won') won++
      })
      return { rate: won / n, n }
    }
    expect(rate('Account: Industry', 'Technology').rate).toBeGreaterThan(rate('Account: Industry', 'Education').rate + 0.3)
    // "None" is a real competitor value: many rows, and its own (higher) win rate.
    const noCompetitor = rate('Competitor', 'None')
    expect(noCompetitor.n).toBeGreaterThan(800)
    const named = ['Salesloft', 'Clari', 'People.ai', 'Homegrown / Spreadsheets'].map((c) => rate('Competitor', c))
    const namedRate = named.reduce((s, r) => s + r.rate * r.n, 0) / named.reduce((s, r) => s + r.n, 0)
    expect(noCompetitor.rate).toBeGreaterThan(namedRate + 0.05)
    const flat = none.salesforce.tables[0]
    if (!flat) throw new Error('no table')
    const flatOutcomes = rowOutcomes(none.salesforce, flat)
    const industries = columnOf(flat.table, 'Account: Industry').map((c) =>
      valueOf(c) === 'Technology' ? true : valueOf(c) === 'Education' ? false : null
    )
    const won = flatOutcomes.map((o) => (o === 'won' ? 1 : o === 'lost' ? 0 : null))
    const rateOf = (flag: boolean): number => {
      const xs = won.filter((w, i) => w !== null && industries[i] === flag) as number[]
      return xs.reduce((s, x) => s + x, 0) / xs.length
    }
    expect(Math.abs(rateOf(true) - rateOf(false))).toBeLessThan(0.08)
  })

  it('leaks line up with the truth: Lifecycle Stage, won/lost times, converted date', () => {
    const hs = typical.hubspot
    const companies = hs.tables.find((t) => t.name === 'companies')
    if (!companies) throw new Error('no companies')
    const customer = new Map(hs.truth.accounts.map((a) => [hs.ids.account(a), a.customer] as const))
    const ids = columnOf(companies.table, 'Record ID')
    const stages = columnOf(companies.table, 'Lifecycle Stage')
    expect(stages.filter((c, i) => (c === 'customer') !== customer.get(cellText(ids[i] ?? null)))).toEqual([])
    const deals = hs.tables.find((t) => t.name === 'deals')
    const companyIds = new Set(ids.map((c) => cellText(c ?? null)))
    expect(columnOf(deals?.table ?? companies.table, 'Associated Company IDs').filter((c) => !companyIds.has(cellText(c)))).toEqual([])
    const pd = typical.pipedrive.tables[0]?.table
    if (!pd) throw new Error('no pipedrive')
    const status = columnOf(pd, 'Deal - Status')
    const filledWhen = (cells: Array<Cell | null>, when: (i: number) => boolean): number =>
      cells.filter((c, i) => (valueOf(c) !== null) !== when(i)).length
    expect(filledWhen(columnOf(pd, 'Deal - Won time'), (i) => status[i] === 'won')).toBe(0)
    expect(filledWhen(columnOf(pd, 'Deal - Lost time'), (i) => status[i] === 'lost')).toBe(0)
    const leads = typical.leads.tables[0]?.table
    if (!leads) throw new Error('no leads')
    const converted = columnOf(leads, 'Converted')
    expect(filledWhen(columnOf(leads, 'Converted Date'), (i) => converted[i] === 1)).toBe(0)
  })

  it('values are realistic and somewhat messy', () => {
    const values = (name: ShapeName, header: string): Set<string> =>
      new Set(
        typical[name].tables.flatMap((t) =>
          t.table.headers.includes(header) ? columnOf(t.table, header).map((c) => cellText(c).trim()) : []
        )
      )
    const has = (name: ShapeName, header: string, ...wanted: string[]): void => {
      const got = values(name, header)
      for (const w of wanted) expect(got.has(w), `${name} ${header} has "${w}" (got ${[...got].slice(0, 12).join(' | ')})`).toBe(true)
    }
    has('pipedrive', 'Deal - Industry', 'SaaS', 'Manufacturing', 'manufacturing')
    expect([...values('pipedrive', 'Deal - Industry')].some((v) => ['SAAS', 'Software as a Service', 'saas'].includes(v))).toBe(true)
    has('leads', 'Lead Source', 'Inbound', 'INBOUND')
    has('leads', 'Funding Round', 'Series A', 'Series-A')
    has('leads', 'State', 'CA', 'California')
    has('leads', 'Company Size', '51-200', '10,001+')
    has('salesforce', 'Stage', 'Closed Won', 'Closed Lost', 'Prospecting', 'Negotiation/Review')
    has('salesforce', 'IsWon', '1', '0')
    has('hubspot', 'Deal Stage', 'Closed won', 'Closed lost', 'Appointment scheduled')
    has('hubspot', 'Deal Type', 'newbusiness', 'existingbusiness')
    has('hubspot', 'Industry', 'COMPUTER_SOFTWARE', 'FINANCIAL_SERVICES')
    has('hubspot', 'Lifecycle Stage', 'customer', 'opportunity', 'lead')
    has('hubspot', 'Is Closed Won', 'true', 'false')
    has('pipedrive', 'Deal - Status', 'open', 'won', 'lost')
    expect([...values('salesforce', 'Opportunity ID')].every((id) => /^006[0-9A-Za-z]{15}$/.test(id))).toBe(true)
    expect([...values('salesforce', 'Account ID')].every((id) => /^001[0-9A-Za-z]{15}$/.test(id))).toBe(true)
    expect([...values('hubspot', 'Create Date')].every((d) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(d))).toBe(true)
    expect([...values('pipedrive', 'Deal - Deal created')].every((d) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(d))).toBe(true)
    expect([...values('salesforce', 'Created Date')].every((d) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(d))).toBe(true)
  })

  it('the leakage option adds the process columns to every deal-level table', () => {
    const leaky = generateCrmShape({ shape: 'hubspot', seed: 4, accounts: 400, leakage: true })
    const deals = leaky.tables.find((t) => t.name === 'deals')
    expect(deals?.table.headers.slice(-7)).toEqual(leaky.truth.leakage?.columns.map((c) => c.column))
    expect(deals?.expect.slice(-7).every((e) => e.leak !== undefined && e.role === 'ignore')).toBe(true)
    expect(leaky.tables.find((t) => t.name === 'companies')?.table.headers).toEqual(HEADERS.hubspot.companies)
  })

  it('workbooks hold real booleans, numbers and dates', () => {
    const book = generateCrmShape({ shape: 'salesforce', seed: 4, accounts: 60, flavor: 'workbook' })
    const [t] = book.tables
    if (!t) throw new Error('no table')
    const bytes = writeWorkbook([{ name: 'Opportunities', table: t.table }], { dateFormat: t.dateFormat })
    const sheet = read(bytes, { type: 'array', cellDates: true }).Sheets.Opportunities
    if (!sheet) throw new Error('no sheet')
    const aoa = utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null })
    const at = (h: string): number => aoa[0]?.indexOf(h) ?? -1
    const body = aoa.slice(1)
    expect(body.every((r) => typeof r[at('IsWon')] === 'boolean')).toBe(true)
    expect(body.every((r) => r[at('Close Date')] instanceof Date)).toBe(true)
    expect(body.every((r) => typeof r[at('Amount (converted)')] === 'number')).toBe(true)
    expect(sheet[utils.encode_cell({ r: 1, c: at('IsWon') })]?.t).toBe('b')
  })
})
