/**
 * Deals and post-sale success metrics for one account, drawn from the account's latent fit.
 *
 * Each account's deals come from their own random stream, so a million-row deals export can be
 * regenerated account by account while streaming instead of being held in memory.
 */
import { sigmoid, type Rng } from './random.js'
import { dayToIso, isoToDay } from './dates.js'
import { PLANTED_SIGNAL, roundSignificant, type ModelFrame, type SuccessMetrics, type TrueAccount } from './model.js'
import { drawProcess, type SalesProcess } from './process.js'
import { NEXT_STEPS, OPEN_STAGES, OWNERS, type DealStage, type Outcome } from './vocab.js'

export interface TrueDeal {
  id: string
  accountId: string
  accountIndex: number
  /** USD, whole hundreds. */
  amount: number
  outcome: Outcome
  stage: DealStage
  createdDate: string
  /** null while the deal is open. */
  closedDate: string | null
  salesCycleDays: number | null
  /** Noise attribute: assigned round-robin-ish at random, independent of the account. */
  owner: string
  /** Leaky: only won deals have a signed contract. */
  contractSignedDate: string | null
  /** Free text, on some open deals only. */
  nextStep: string | null
  /** Only with the `leakage` option: the deal's sales-process history (leaks the outcome). */
  process?: SalesProcess
}

/** Latent employee count for sizing deals even when the CRM field is blank. */
function sizeOf(account: TrueAccount, rng: Rng): number {
  return account.employees ?? Math.round(rng.logNormal(150, 1))
}

export function dealsOfAccount(frame: ModelFrame, account: TrueAccount, count: number): TrueDeal[] {
  const deals: TrueDeal[] = []
  if (count === 0) return deals
  const rng = frame.streams.deals.at(account.index)
  const firstNo = frame.firstDealNo[account.index] ?? 1
  const size = sizeOf(account, rng)
  const earliest = Math.max(frame.startDay, isoToDay(account.createdDate))
  const span = Math.max(1, frame.exportDay - 1 - earliest)
  const createdDays: number[] = []
  for (let k = 0; k < count; k++) createdDays.push(earliest + rng.int(0, span))
  createdDays.sort((a, b) => a - b)
  const medianCycle = 75 * Math.exp(-0.18 * account.fit)
  const medianAmount = 8000 * (Math.max(size, 1) / 50) ** 0.45 * Math.exp(0.25 * account.fit)
  const cycles: number[] = []
  for (let k = 0; k < count; k++) {
    const created = createdDays[k] ?? earliest
    const cycle = Math.min(400, Math.max(7, Math.round(rng.logNormal(medianCycle, 0.45))))
    const winP = sigmoid(account.fit + PLANTED_SIGNAL.dealNoiseSd * rng.normal())
    const wonIfClosed = rng.next() < winP
    const amount = Math.max(500, Math.round(rng.logNormal(medianAmount, 0.5) / 100) * 100)
    const owner = rng.pick(OWNERS)
    const signLag = rng.int(0, 3)
    const note = rng.chance(0.6) ? rng.pick(NEXT_STEPS) : null
    const close = created + cycle
    cycles.push(cycle)
    // Deals whose cycle runs past the export date are still open; a few stale ones never got closed.
    const stale = rng.chance(0.03)
    const open = close >= frame.exportDay || stale
    const outcome: Outcome = open ? 'open' : wonIfClosed ? 'won' : 'lost'
    const stage: DealStage =
      outcome === 'won'
        ? 'Closed Won'
        : outcome === 'lost'
          ? 'Closed Lost'
          : (OPEN_STAGES[Math.min(3, Math.floor((4 * (frame.exportDay - created)) / cycle))] ?? 'Discovery')
    deals.push({
      id: `OPP-${String(firstNo + k).padStart(7, '0')}`,
      accountId: account.id,
      accountIndex: account.index,
      amount,
      outcome,
      stage,
      createdDate: dayToIso(created),
      closedDate: open ? null : dayToIso(close),
      salesCycleDays: open ? null : cycle,
      owner,
      contractSignedDate: outcome === 'won' ? dayToIso(Math.max(created, close - signLag)) : null,
      nextStep: outcome === 'open' ? note : null
    })
  }
  if (frame.leakage) {
    // Own stream, drawn after the deals: the leakage option changes nothing else.
    const process = frame.streams.process.at(account.index)
    deals.forEach((deal, k) => {
      const cycle = cycles[k] ?? 1
      const elapsed = frame.exportDay - (createdDays[k] ?? frame.exportDay)
      deal.process = drawProcess(process, deal.outcome, deal.salesCycleDays ?? elapsed, Math.min(0.99, elapsed / cycle))
    })
  }
  return deals
}

/** Fills the deal-derived account fields in place (customer, leaky onboarding flag, success). */
export function settleAccount(frame: ModelFrame, account: TrueAccount, deals: readonly TrueDeal[]): void {
  account.dealCount = deals.length
  const won = deals.filter((d) => d.outcome === 'won')
  account.customer = won.length > 0
  if (!account.customer) return
  const rng = frame.streams.success.at(account.index)
  const fit = account.fit
  let firstWon = frame.exportDay
  for (const d of won) firstWon = Math.min(firstWon, isoToDay(d.closedDate ?? d.createdDate))
  const maxTenure = Math.max(1, Math.floor((frame.exportDay - firstWon) / 30.44))
  const churned = maxTenure >= 3 && rng.chance(sigmoid(-1 - 0.6 * fit))
  const tenureMonths = churned ? rng.int(2, maxTenure) : maxTenure
  const acv = Math.round(won.reduce((s, d) => s + d.amount, 0) / won.length / 100) * 100
  const nrrPct = Math.round(Math.min(160, Math.max(50, churned ? 60 + 30 * rng.next() : 100 + 12 * fit + 10 * rng.normal())))
  const success: SuccessMetrics = {
    // Lifetime value so far: at least the first year's contract, grown or shrunk by retention.
    ltv: roundSignificant((acv * Math.max(12, tenureMonths) * nrrPct) / 1200, 4),
    acv,
    nrrPct,
    tenureMonths,
    nps: Math.round(Math.min(100, Math.max(-100, 30 + 12 * fit + 20 * rng.normal()))),
    timeToValueDays: Math.max(1, Math.round(rng.logNormal(45 * Math.exp(-0.2 * fit), 0.4))),
    supportTickets: Math.max(
      0,
      Math.round(rng.logNormal(8 * (Math.max(account.employees ?? 100, 1) / 100) ** 0.3 * Math.exp(-0.2 * fit), 0.6))
    ),
    churned
  }
  account.success = success
  account.onboardingCompleted = rng.chance(0.92)
}
