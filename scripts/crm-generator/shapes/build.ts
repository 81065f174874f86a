/**
 * The machinery every CRM shape shares: a view of each deal with what CRMs show about it (deal
 * number, expected close of open deals, new or existing business), and a lazily generated table
 * built from a column list, so shapes stream at any size as the standard export does.
 */
import { RngFamily, rngFor, type Rng } from '../random.js'
import { isoToDay } from '../dates.js'
import { iterateDeals, type CrmModel } from '../truth.js'
import type { Cell, Flavor, MessLevel } from '../mess.js'
import type { TrueAccount } from '../model.js'
import type { TrueDeal } from '../deals.js'
import type { TableStream, TableMeta } from '../tables.js'
import type { ShapeTable } from './types.js'
import { ex, leaky, type ColumnExpectation, type Expect } from '../expect.js'
import { LEAKAGE_SIGNAL } from '../process.js'
import { ShapeCells } from './cells.js'
import { TYPED_INDUSTRY, TYPED_LEAD_SOURCE, entryOf, fundingVocab, type VocabEntry } from './crm-vocab.js'

export interface ShapeColumn<R> {
  header: string
  expect: Expect
  render: (c: ShapeCells, row: R) => Cell
}

export interface DealView {
  deal: TrueDeal
  account: TrueAccount
  /** 1-based deal number (OPP-0000042 is 42). */
  no: number
  createdDay: number
  /** The close date, or for an open deal the expected one (after the export date). */
  closeDay: number
  /** Open deals: how far through the expected cycle (0 up to 1); closed deals: 1. */
  progress: number
  /** The account already had a won deal, closed before this one was created. */
  existingBusiness: boolean
  /** Per-deal stream for the shape's own per-deal facts (times of day, activities, reasons). */
  rng: Rng
}

/** Deals in export order with the facts every CRM shows; open deals get an expected close date. */
export function* dealViews(model: CrmModel, shape: string): Generator<DealView> {
  const family = new RngFamily(model.frame.seed, `shape/${shape}/deal`)
  let accountIndex = -1
  let firstWin = Infinity
  for (const deal of iterateDeals(model)) {
    const account = model.accounts[deal.accountIndex]
    if (!account) throw new Error(`deal ${deal.id} has no account`)
    if (deal.accountIndex !== accountIndex) {
      accountIndex = deal.accountIndex
      firstWin = Infinity
    }
    const no = Number(deal.id.slice(4))
    const rng = family.at(no)
    const createdDay = isoToDay(deal.createdDate)
    const exportDay = model.frame.exportDay
    const closeDay = deal.closedDate === null ? exportDay + rng.int(5, 120) : isoToDay(deal.closedDate)
    const progress = deal.closedDate === null ? (exportDay - createdDay) / (closeDay - createdDay) : 1
    yield { deal, account, no, createdDay, closeDay, progress, existingBusiness: firstWin < createdDay, rng }
    if (deal.outcome === 'won') firstWin = Math.min(firstWin, closeDay)
  }
}

/** A stage of an ordered list of open stages for an open deal, by its progress. */
export function openStage<T>(stages: readonly T[], progress: number): T {
  const stage = stages[Math.min(stages.length - 1, Math.floor(progress * stages.length))] ?? stages[0]
  if (stage === undefined) throw new Error('no open stages')
  return stage
}

export interface ShapeTableSpec<R> {
  name: string
  kind: TableStream['name']
  columns: readonly ShapeColumn<R>[]
  /** Fresh rows on every call. */
  rows: () => Iterable<R>
  /** The account a row belongs to: its account-level cells are rendered once and repeated. */
  accountOf?: (row: R) => TrueAccount
  /** Report lines above the header and below the data (Salesforce formatted reports). */
  title?: string[] | null
  footer?: string[]
}

export interface RenderOptions {
  mess: MessLevel
  flavor: Flavor
}

/** A shape's table: its lazily generated rows with the expectation of every column. */
export function shapeTable<R>(
  model: CrmModel,
  shape: string,
  spec: ShapeTableSpec<R> & { key: string; dateFormat: string },
  opts: RenderOptions
): ShapeTable<TableStream> {
  const expect: ColumnExpectation[] = spec.columns.map((c) => ({ header: c.header, ...c.expect }))
  const key = expect.find((e) => e.header === spec.key)
  if (!key) throw new Error(`${shape} ${spec.name}: no key column "${spec.key}"`)
  return {
    name: spec.name,
    kind: spec.kind,
    table: shapeStream(model, shape, spec, opts),
    expect,
    key: { header: spec.key, level: key.level },
    dateFormat: spec.dateFormat
  }
}

/** A lazily generated table: iterating its rows twice yields the same rows twice. */
function shapeStream<R>(model: CrmModel, shape: string, spec: ShapeTableSpec<R>, opts: RenderOptions): TableStream {
  const headers = spec.columns.map((c) => c.header)
  const width = headers.length
  const meta: TableMeta = { dataRows: 0, emptyRows: 0, duplicateRows: 0, junkRows: 0 }
  const accountLevel = spec.columns.map((c) => spec.accountOf !== undefined && c.expect.level === 'account')
  function* rows(): Generator<Cell[]> {
    Object.assign(meta, { dataRows: 0, emptyRows: 0, duplicateRows: 0, junkRows: 0 })
    const cells = new ShapeCells(opts.mess, opts.flavor, rngFor(model.frame.seed, 'shape', shape, spec.name, opts.mess, opts.flavor))
    // An account's fields are one record in the CRM: every row of the account shows the same spelling.
    let cachedAccount: TrueAccount | null = null
    let cached: Cell[] = []
    for (const row of spec.rows()) {
      const account = spec.accountOf?.(row) ?? null
      const fresh = account !== cachedAccount
      const out = new Array<Cell>(width)
      spec.columns.forEach((column, i) => {
        if (accountLevel[i] && !fresh) out[i] = cached[i] ?? null
        else out[i] = column.render(cells, row)
      })
      if (fresh) {
        cachedAccount = account
        cached = out
      }
      meta.dataRows++
      yield out
    }
    for (const line of spec.footer ?? []) {
      meta.junkRows++
      const junk = new Array<Cell>(width).fill(cells.blank())
      junk[0] = line
      yield junk
    }
  }
  return {
    name: spec.kind,
    title: spec.title ?? null,
    headers,
    groups: [],
    rows: { [Symbol.iterator]: rows },
    meta
  }
}

/** Per-account facts a shape draws once (a competitor's name, an address), stable across tables. */
export function accountFacts<T>(model: CrmModel, shape: string, draw: (rng: Rng, account: TrueAccount) => T): (account: TrueAccount) => T {
  const family = new RngFamily(model.frame.seed, `shape/${shape}/account`)
  const cache = new Map<number, T>()
  return (account) => {
    let facts = cache.get(account.index)
    if (facts === undefined) {
      facts = draw(family.at(account.index), account)
      // Deals arrive grouped by account, so a small cache suffices even for huge exports.
      if (cache.size > 4096) cache.clear()
      cache.set(account.index, facts)
    }
    return facts
  }
}

/** The sales-process columns of the `leakage` option, for any table whose rows carry a deal. */
export function leakageColumns<R extends { deal: TrueDeal }>(model: CrmModel): ShapeColumn<R>[] {
  if (!model.frame.leakage) return []
  return LEAKAGE_SIGNAL.columns.map((c) => ({
    header: c.column,
    expect: leaky('number', c.leak),
    render: (cells, r) => cells.num(r.deal.process?.[c.field] ?? null)
  }))
}

const TYPED: Record<'industry' | 'leadSource' | 'fundingStage', (a: TrueAccount) => VocabEntry | null> = {
  industry: (a) => entryOf(TYPED_INDUSTRY, a.industry),
  leadSource: (a) => entryOf(TYPED_LEAD_SOURCE, a.leadSource),
  fundingStage: (a) => fundingVocab(a.fundingStage)
}

/** An account field kept as free text (Pipedrive custom fields, marketing tables): typed spellings. */
export function typedColumn<R>(header: string, field: keyof typeof TYPED, account: (row: R) => TrueAccount): ShapeColumn<R> {
  return { header, expect: ex('attribute', 'category', 'account'), render: (c, r) => c.typedIn(TYPED[field](account(r))) }
}
