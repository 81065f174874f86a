/**
 * The three export shapes (accounts, deals, flat) as column lists plus row-level mess.
 *
 * Rows are produced lazily so a million-deal export streams straight into a writer. Row-level
 * mess (blank rows, duplicated account rows, report footers, empty columns) only appears when
 * the mess level is not 'none'; cell-level mess lives in mess.ts.
 */
import { Rng, rngFor } from './random.js'
import { Mess, type Cell, type Flavor, type MessLevel } from './mess.js'
import { iterateDeals, type CrmModel } from './truth.js'
import type { TrueAccount } from './model.js'
import type { TrueDeal } from './deals.js'
import { NEXT_STEP, REPEATED_NAME, ex, leaky, type ColumnExpectation, type ColumnRole, type ColumnType, type Expect } from './expect.js'
import { LEAKAGE_SIGNAL, type SalesProcess } from './process.js'

export type TableName = 'accounts' | 'deals' | 'flat'

/** Counts of non-data rows, filled in once the rows have been fully iterated. */
export interface TableMeta {
  dataRows: number
  emptyRows: number
  duplicateRows: number
  junkRows: number
}

export interface TableStream {
  name: TableName
  /** Lines a report puts above the header ("Acme Corp — Accounts export"); null when clean. */
  title: string[] | null
  headers: string[]
  /** Contiguous header groups, for a merged category row above the header in workbooks. */
  groups: { label: string; from: number; to: number }[]
  rows: Iterable<Cell[]>
  meta: TableMeta
}

export interface CrmTable extends TableStream {
  rows: Cell[][]
}

interface Column<T> {
  header: string
  group: string
  /** What the column is to an analyst; a function when it depends on whether the export is clean. */
  expect: Expect | ((clean: boolean) => Expect)
  /** Empty columns real exports carry (unused custom fields, a trailing delimiter). */
  messOnly?: boolean
  /** Rendered with a mess stream of its own, so adding the column leaves every other cell as it was. */
  ownMess?: boolean
  render: (m: Mess, row: T) => Cell
}

interface DealRow {
  deal: TrueDeal
  account: TrueAccount
  /** The rep linked the deal by typing the account name; the id is missing. */
  nameOnly: boolean
}

/** An empty column has no type to speak of: text or category both fit. */
const EMPTY_EXPECT = (level: 'account' | 'deal'): Expect => ex('ignore', 'text', level, { alsoTypes: ['category'] })
const EMPTY: Column<unknown> = {
  header: 'Custom Field 1',
  group: '',
  expect: EMPTY_EXPECT('account'),
  messOnly: true,
  render: (m) => m.blank()
}
/** Messy exports mix "51-200" and "$10M-$50M" ranges into number columns; clean ones hold plain numbers. */
const rangeWhenMessy = (clean: boolean): Expect =>
  clean ? ex('attribute', 'number', 'account') : ex('attribute', 'range', 'account', { alsoTypes: ['number'] })
const success = (role: ColumnRole, type: ColumnType): Expect =>
  ex(role, type, 'account', { leak: 'filled only for customers (accounts with a won deal)' })

const ACCOUNT_COLUMNS: Column<TrueAccount>[] = [
  { header: 'Account ID', group: 'Account', expect: ex('account-id', 'id', 'account'), render: (m, a) => m.id(a.id) },
  { header: 'Account Name', group: 'Account', expect: ex('account-name', 'id', 'account'), render: (m, a) => m.text(a.name) },
  { header: 'Website', group: 'Account', expect: ex('domain', 'id', 'account'), render: (m, a) => m.website(a.domain) },
  {
    header: 'Account Created Date',
    group: 'Account',
    expect: ex('ignore', 'date', 'account', { alsoRoles: ['attribute'] }),
    render: (m, a) => m.date(a.createdDate, 'accountCreated')
  },
  { header: 'Industry', group: 'Firmographic', expect: ex('attribute', 'category', 'account'), render: (m, a) => m.industry(a.industry) },
  { header: 'Employees', group: 'Firmographic', expect: rangeWhenMessy, render: (m, a) => m.employees(a.employees) },
  {
    header: 'Annual Revenue',
    group: 'Firmographic',
    expect: rangeWhenMessy,
    render: (m, a) => m.revenue(a.annualRevenue, a.revenueCurrency)
  },
  {
    header: 'Currency',
    group: 'Firmographic',
    expect: ex('ignore', 'category', 'account', { alsoRoles: ['attribute'] }),
    render: (m, a) => m.text(a.revenueCurrency)
  },
  {
    header: 'Billing State/Province',
    group: 'Firmographic',
    expect: ex('attribute', 'category', 'account'),
    render: (m, a) => m.state(a.hqState)
  },
  {
    header: 'Billing Country',
    group: 'Firmographic',
    expect: ex('attribute', 'category', 'account'),
    render: (m, a) => m.country(a.country)
  },
  { header: 'Sales Region', group: 'Firmographic', expect: ex('attribute', 'category', 'account'), render: (m, a) => m.text(a.region) },
  { header: 'Tech Stack', group: 'Technographic', expect: ex('attribute', 'multi', 'account'), render: (m, a) => m.techStack(a.techStack) },
  {
    header: 'Funding Stage',
    group: 'Triggers',
    expect: ex('attribute', 'category', 'account'),
    render: (m, a) => m.fundingStage(a.fundingStage)
  },
  {
    header: 'Recently Raised',
    group: 'Triggers',
    expect: ex('attribute', 'boolean', 'account'),
    render: (m, a) => m.bool(a.recentlyRaised, 'recentlyRaised')
  },
  {
    header: 'Hiring SDRs',
    group: 'Triggers',
    expect: ex('attribute', 'boolean', 'account'),
    render: (m, a) => m.bool(a.hiringSdrs, 'hiringSdrs')
  },
  {
    header: 'Uses Competitor',
    group: 'Triggers',
    expect: ex('attribute', 'boolean', 'account'),
    render: (m, a) => m.bool(a.usesCompetitor, 'usesCompetitor')
  },
  {
    header: 'Lead Source',
    group: 'Buying process',
    expect: ex('attribute', 'category', 'account'),
    render: (m, a) => m.leadSource(a.leadSource)
  },
  EMPTY,
  { header: 'LTV', group: 'Success', expect: success('ltv', 'number'), render: (m, a) => m.money(a.success?.ltv ?? null, 'ltv') },
  { header: 'ACV', group: 'Success', expect: success('acv', 'number'), render: (m, a) => m.money(a.success?.acv ?? null, 'acv') },
  { header: 'NRR', group: 'Success', expect: success('nrr', 'number'), render: (m, a) => m.percent(a.success?.nrrPct ?? null, 'nrr') },
  {
    header: 'Tenure (Months)',
    group: 'Success',
    expect: success('tenure', 'number'),
    render: (m, a) => m.integer(a.success?.tenureMonths ?? null, 'tenure')
  },
  { header: 'NPS', group: 'Success', expect: success('nps', 'number'), render: (m, a) => m.integer(a.success?.nps ?? null, 'nps') },
  {
    header: 'Time to Value (Days)',
    group: 'Success',
    expect: success('time-to-value', 'number'),
    render: (m, a) => m.integer(a.success?.timeToValueDays ?? null, 'ttv')
  },
  {
    header: 'Support Tickets (12m)',
    group: 'Success',
    expect: success('support-tickets', 'number'),
    render: (m, a) => m.integer(a.success?.supportTickets ?? null, 'tickets')
  },
  {
    header: 'Churned',
    group: 'Success',
    expect: success('churned', 'boolean'),
    render: (m, a) => m.bool(a.success?.churned ?? null, 'churned')
  },
  {
    header: 'Onboarding Completed',
    group: 'Success',
    expect: { ...success('ignore', 'boolean'), alsoRoles: ['time-to-value'] },
    render: (m, a) => m.bool(a.onboardingCompleted, 'onboarding')
  },
  { header: '', group: '', messOnly: true, expect: EMPTY_EXPECT('account'), render: (m) => m.blank() }
]

const DEAL_COLUMNS: Column<DealRow>[] = [
  { header: 'Opportunity ID', group: 'Deal', expect: ex('deal-id', 'id', 'deal'), render: (m, r) => m.id(r.deal.id) },
  {
    header: 'Account ID',
    group: 'Deal',
    expect: ex('account-id', 'id', 'account'),
    render: (m, r) => (r.nameOnly ? m.missing('dealAccountId') : m.id(r.account.id))
  },
  {
    header: 'Account Name',
    group: 'Deal',
    expect: REPEATED_NAME,
    render: (m, r) => (r.nameOnly ? m.accountName(r.account.name) : m.text(r.account.name))
  },
  { header: 'Amount', group: 'Deal', expect: ex('deal-amount', 'number', 'deal'), render: (m, r) => m.money(r.deal.amount, 'amount') },
  { header: 'Stage', group: 'Deal', expect: ex('outcome', 'category', 'deal'), render: (m, r) => m.stage(r.deal.stage) },
  {
    header: 'Created Date',
    group: 'Deal',
    expect: ex('created-date', 'date', 'deal'),
    render: (m, r) => m.date(r.deal.createdDate, 'dealCreated')
  },
  {
    header: 'Close Date',
    group: 'Deal',
    expect: ex('closed-date', 'date', 'deal'),
    render: (m, r) => m.date(r.deal.closedDate, 'dealClosed')
  },
  {
    header: 'Sales Cycle (Days)',
    group: 'Deal',
    expect: ex('sales-cycle-days', 'number', 'deal', { leak: 'known only once the deal has closed' }),
    render: (m, r) => m.integer(r.deal.salesCycleDays, 'cycle')
  },
  {
    header: 'Opportunity Owner',
    group: 'Deal',
    expect: ex('attribute', 'category', 'deal', { alsoRoles: ['ignore'] }),
    render: (m, r) => m.text(r.deal.owner)
  },
  {
    header: 'Next Step',
    group: 'Deal',
    expect: NEXT_STEP,
    render: (m, r) => (r.deal.nextStep === null ? m.blank() : m.text(r.deal.nextStep))
  },
  { ...EMPTY, header: 'Partner Account', expect: EMPTY_EXPECT('deal') },
  {
    header: 'Contract Signed Date',
    group: 'Deal',
    expect: leaky('date', 'filled only for won deals'),
    render: (m, r) => m.date(r.deal.contractSignedDate, 'contractSigned')
  }
]

/** Sales-process columns (option `leakage`), appended to deals and flat; they leak the outcome. */
const processValue =
  (field: keyof SalesProcess) =>
  (m: Mess, r: DealRow): Cell =>
    m.integer(r.deal.process?.[field] ?? null, field)
const LEAKAGE_COLUMNS: Column<DealRow>[] = LEAKAGE_SIGNAL.columns.map((c) => ({
  header: c.column,
  group: 'Sales process',
  expect: leaky('number', c.leak),
  ownMess: true,
  render: processValue(c.field)
}))

/** Flat: deal identity, the account's attributes inline, then the deal's own fields. */
const FLAT_COLUMNS: Column<DealRow>[] = [
  ...DEAL_COLUMNS.slice(0, 3),
  ...ACCOUNT_COLUMNS.filter((c) => !c.messOnly && c.header !== 'Account ID' && c.header !== 'Account Name').map((c): Column<DealRow> => ({
    header: c.header,
    group: c.group,
    expect: c.expect,
    render: (m, r) => c.render(m, r.account)
  })),
  ...DEAL_COLUMNS.slice(3)
]

function groupsOf(columns: readonly { group: string }[]): TableStream['groups'] {
  const groups: TableStream['groups'] = []
  columns.forEach((c, i) => {
    const last = groups[groups.length - 1]
    if (last && last.label === c.group) last.to = i
    else if (c.group !== '') groups.push({ label: c.group, from: i, to: i })
  })
  return groups
}

export interface RenderOptions {
  mess: MessLevel
  flavor: Flavor
}

const TITLES: Record<TableName, string> = {
  accounts: 'Accounts export',
  deals: 'Opportunities export',
  flat: 'Opportunities with account details'
}

/** Wraps data rows with the row-level mess of a real report. */
function* rowMess(
  rng: Rng,
  level: MessLevel,
  blank: Cell,
  width: number,
  dataRows: number,
  rows: Iterable<Cell[]>,
  meta: TableMeta,
  footer: () => Cell[][],
  duplicates: boolean
): Generator<Cell[]> {
  const messy = level !== 'none'
  const emptyP = level === 'heavy' ? 0.01 : 0.003
  const dupP = level === 'heavy' ? 0.015 : 0.005
  const pending: { due: number; row: Cell[] }[] = []
  let i = 0
  for (const row of rows) {
    yield row
    meta.dataRows++
    i++
    if (!messy) continue
    // One guaranteed blank row mid-table, so even small samples exercise the skip logic.
    if (rng.next() < emptyP || i === Math.ceil(dataRows / 2)) {
      meta.emptyRows++
      yield new Array<Cell>(width).fill(blank)
    }
    if (duplicates && rng.next() < dupP) pending.push({ due: i + rng.int(1, 40), row: [...row] })
    while (pending.length > 0 && (pending[0]?.due ?? Infinity) <= i) {
      const dup = pending.shift()
      if (dup) {
        meta.duplicateRows++
        yield dup.row
      }
    }
  }
  for (const dup of pending) {
    meta.duplicateRows++
    yield dup.row
  }
  if (!messy) return
  for (const junk of footer()) {
    meta.junkRows++
    yield junk
  }
}

function pad(cells: Cell[], width: number, blank: Cell): Cell[] {
  while (cells.length < width) cells.push(blank)
  return cells
}

function columnsOf(
  name: TableName,
  clean: boolean,
  leakage: boolean
): { accountColumns: Column<TrueAccount>[]; dealColumns: Column<DealRow>[] } {
  const deal = name === 'deals' ? DEAL_COLUMNS : FLAT_COLUMNS
  return {
    accountColumns: ACCOUNT_COLUMNS.filter((c) => !clean || !c.messOnly),
    dealColumns: (leakage ? [...deal, ...LEAKAGE_COLUMNS] : deal).filter((c) => !clean || !c.messOnly)
  }
}

/** What an analyst would set for each column of the table, in header order. */
export function tableExpectations(name: TableName, opts: { mess: MessLevel; leakage: boolean }): ColumnExpectation[] {
  const clean = opts.mess === 'none'
  const { accountColumns, dealColumns } = columnsOf(name, clean, opts.leakage)
  const columns: readonly Column<never>[] = name === 'accounts' ? accountColumns : dealColumns
  return columns.map((c) => ({ header: c.header, ...(typeof c.expect === 'function' ? c.expect(clean) : c.expect) }))
}

export function tableStream(model: CrmModel, name: TableName, opts: RenderOptions): TableStream {
  const clean = opts.mess === 'none'
  const { accountColumns, dealColumns } = columnsOf(name, clean, model.frame.leakage)
  const columns: readonly { header: string; group: string }[] = name === 'accounts' ? accountColumns : dealColumns
  const width = columns.length
  const headers = columns.map((c) => c.header)
  const meta: TableMeta = { dataRows: 0, emptyRows: 0, duplicateRows: 0, junkRows: 0 }
  // Messy CSV cells are always text; typed tables and workbooks leave empty cells empty.
  const blank: Cell = opts.flavor === 'csv' && !clean ? '' : null
  const nameOnlyP = name !== 'deals' || clean ? 0 : opts.mess === 'heavy' ? 0.3 : 0.12
  // Fresh streams per pass, so iterating the rows twice yields the same rows twice.
  let mess = new Mess(opts.mess, opts.flavor, new Rng(0))
  let ownMess = mess
  let rowRng = new Rng(0)
  let amountTotal = 0

  function* data(): Generator<Cell[]> {
    if (name === 'accounts') {
      for (const account of model.accounts) yield accountColumns.map((c) => c.render(mess, account))
      return
    }
    for (const deal of iterateDeals(model)) {
      const account = model.accounts[deal.accountIndex]
      if (!account) throw new Error(`deal ${deal.id} has no account`)
      amountTotal += deal.amount
      const row: DealRow = { deal, account, nameOnly: nameOnlyP > 0 && rowRng.next() < nameOnlyP }
      yield dealColumns.map((c) => c.render(c.ownMess ? ownMess : mess, row))
    }
  }
  const footer = (): Cell[][] => {
    const rows: Cell[][] = []
    const amountAt = headers.indexOf('Amount')
    const total = pad(['Total'], width, blank)
    if (amountAt >= 0) total[amountAt] = opts.flavor === 'workbook' ? amountTotal : String(amountTotal)
    else total[1] = `${model.accounts.length} records`
    rows.push(total, pad([], width, blank), pad(['Report generated by Salesforce'], width, blank))
    if (opts.mess === 'heavy') rows.push(pad(['Confidential Information - Do Not Distribute'], width, blank))
    return rows
  }
  const dataRows = name === 'accounts' ? model.accounts.length : model.frame.totalDeals
  return {
    name,
    title: clean ? null : [`${model.frame.clientName} — ${TITLES[name]}`, `Generated ${model.frame.exportDate}`],
    headers,
    groups: groupsOf(columns),
    rows: {
      [Symbol.iterator]: () => {
        mess = new Mess(opts.mess, opts.flavor, rngFor(model.frame.seed, 'mess', name, opts.mess, opts.flavor))
        ownMess = new Mess(opts.mess, opts.flavor, rngFor(model.frame.seed, 'mess', name, opts.mess, opts.flavor, 'own'))
        rowRng = rngFor(model.frame.seed, 'rows', name, opts.mess)
        amountTotal = 0
        Object.assign(meta, { dataRows: 0, emptyRows: 0, duplicateRows: 0, junkRows: 0 })
        return rowMess(rowRng, opts.mess, blank, width, dataRows, data(), meta, footer, name === 'accounts')
      }
    },
    meta
  }
}

/** Materialises a stream; meta is complete afterwards. */
export function collect(stream: TableStream): CrmTable {
  return { ...stream, rows: Array.from(stream.rows), meta: stream.meta }
}
