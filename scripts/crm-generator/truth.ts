/**
 * Assembles the latent CRM: accounts in order, then each account's deals from its own stream.
 *
 * Deals can be kept (tests, demos) or thrown away after settling the account's success metrics
 * and regenerated later by iterateDeals (the million-row benchmark), with identical results.
 */
import { CLIENT_NAMES, NameFactory } from './names.js'
import { rngFor, RngFamily } from './random.js'
import { addMonths, dayToIso, isoToDay } from './dates.js'
import { dealsOfAccount, settleAccount, type TrueDeal } from './deals.js'
import {
  drawAccount,
  signalDescription,
  SIGNAL_STRENGTHS,
  type ModelFrame,
  type ModelOptions,
  type SignalDescription,
  type TrueAccount
} from './model.js'
import { LEAKAGE_SIGNAL, type LeakageSignal } from './process.js'

export interface CrmModel {
  frame: ModelFrame
  dealCounts: Uint32Array
  accounts: TrueAccount[]
  /** Present only when built with keepDeals. */
  deals: TrueDeal[] | null
}

/** Fixes the calendar, the client and how many deals each account gets (exact total). */
export function frameFor(opts: ModelOptions): { frame: ModelFrame; dealCounts: Uint32Array } {
  const start = opts.start ?? '2024-10-01'
  const months = opts.months ?? 24
  const exportDate = addMonths(start, months)
  const n = opts.accounts
  const totalDeals = opts.deals ?? Math.round(n * (opts.dealsPerAccount ?? 1.6))
  const rng = rngFor(opts.seed, 'allocation')
  // Most accounts have one or two deals, a few have many (renewals, expansions, re-tries);
  // ~10% have none, as in real CRMs full of never-worked accounts.
  const weights = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    let w = rng.chance(0.1) ? 0 : 1
    while (w > 0 && w < 8 && rng.chance(0.42)) w++
    weights[i] = w
    total += w
  }
  if (total === 0 && n > 0) {
    weights.fill(1)
    total = n
  }
  const dealCounts = new Uint32Array(n)
  const firstDealNo = new Float64Array(n)
  let cumulative = 0
  let assigned = 0
  for (let i = 0; i < n; i++) {
    cumulative += weights[i] ?? 0
    const upTo = Math.round((totalDeals * cumulative) / total)
    firstDealNo[i] = assigned + 1
    dealCounts[i] = upTo - assigned
    assigned = upTo
  }
  const clientName = rngFor(opts.seed, 'client').pick(CLIENT_NAMES)
  const frame: ModelFrame = {
    seed: opts.seed,
    clientName,
    startDay: isoToDay(start),
    exportDate,
    exportDay: isoToDay(exportDate),
    totalDeals,
    firstDealNo,
    signal: opts.signal ?? 'strong',
    leakage: opts.leakage === true,
    streams: {
      account: new RngFamily(opts.seed, 'account'),
      region: new RngFamily(opts.seed, 'region'),
      missing: new RngFamily(opts.seed, 'missing'),
      deals: new RngFamily(opts.seed, 'deals'),
      success: new RngFamily(opts.seed, 'success'),
      process: new RngFamily(opts.seed, 'process')
    }
  }
  return { frame, dealCounts }
}

export function buildModel(opts: ModelOptions, keepDeals: boolean): CrmModel {
  if (!Number.isInteger(opts.accounts) || opts.accounts < 0) throw new Error('accounts must be a non-negative integer')
  if (opts.deals !== undefined && (!Number.isInteger(opts.deals) || opts.deals < 0)) throw new Error('deals must be a non-negative integer')
  if (opts.signal !== undefined && !(opts.signal in SIGNAL_STRENGTHS))
    throw new Error(`signal must be strong, weak or none (got "${String(opts.signal)}")`)
  const { frame, dealCounts } = frameFor(opts)
  const names = new NameFactory()
  const accounts: TrueAccount[] = []
  const deals: TrueDeal[] | null = keepDeals ? [] : null
  for (let i = 0; i < opts.accounts; i++) {
    const account = drawAccount(frame, i, names)
    const own = dealsOfAccount(frame, account, dealCounts[i] ?? 0)
    settleAccount(frame, account, own)
    accounts.push(account)
    if (deals) for (const d of own) deals.push(d)
  }
  return { frame, dealCounts, accounts, deals }
}

/** Deals in export order (by account, then created date), regenerated when not kept. */
export function* iterateDeals(model: CrmModel): Generator<TrueDeal> {
  if (model.deals) {
    yield* model.deals
    return
  }
  for (const account of model.accounts) {
    yield* dealsOfAccount(model.frame, account, model.dealCounts[account.index] ?? 0)
  }
}

export interface CrmTruth {
  clientName: string
  start: string
  exportDate: string
  accounts: TrueAccount[]
  deals: TrueDeal[]
  /** PLANTED_SIGNAL for the default 'strong' signal; its re-scaled copy for 'weak' and 'none'. */
  signal: SignalDescription
  /** Only with `leakage: true`: the sales-process columns added to deal tables, and how each leaks. */
  leakage?: LeakageSignal
}

/** The truth of a streamed export: deals are regenerated on every pass. */
export type StreamTruth = Omit<CrmTruth, 'deals'> & { deals: Iterable<TrueDeal> }

export function truthOf(model: CrmModel): StreamTruth {
  return {
    clientName: model.frame.clientName,
    start: dayToIso(model.frame.startDay),
    exportDate: model.frame.exportDate,
    accounts: model.accounts,
    deals: { [Symbol.iterator]: () => iterateDeals(model) },
    signal: signalDescription(model.frame.signal),
    // Absent by default, so the default truth stays exactly what it was.
    ...(model.frame.leakage ? { leakage: LEAKAGE_SIGNAL } : {})
  }
}
