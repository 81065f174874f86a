/**
 * Which outcome each value of the outcome column stands for. CRMs spell the same three
 * outcomes in dozens of ways (Salesforce, HubSpot and Pipedrive default stages, "5 -
 * Negotiation"); a value we cannot place stays null for the user to decide. Churn is not a
 * deal outcome (a churned customer was a won deal), so "Churned" is never mapped.
 */
import { DEFAULT_MISSING_TOKENS, type Outcome, type ValueCount } from '@shared/domain/dataset'
import { binaryOutcomeOf, binaryValues } from './binary-outcome'

export interface OutcomeSuggestion {
  value: string
  outcome: Outcome | null
}

/** Whole values (squashed: lower case, letters and digits only). */
const EXACT: Readonly<Record<string, Outcome>> = {
  closedwon: 'won',
  won: 'won',
  win: 'won',
  signed: 'won',
  customer: 'won',
  booked: 'won',
  closedwin: 'won',
  contractsigned: 'won',
  dealwon: 'won',
  closedbooked: 'won',
  closedlost: 'lost',
  lost: 'lost',
  loss: 'lost',
  disqualified: 'lost',
  nodecision: 'lost',
  dq: 'lost',
  closeddisqualified: 'lost',
  closednodecision: 'lost',
  dead: 'lost',
  deallost: 'lost',
  unqualified: 'lost',
  open: 'open',
  engaging: 'open',
  negotiation: 'open',
  proposal: 'open',
  qualification: 'open',
  discovery: 'open',
  demo: 'open',
  pipeline: 'open',
  inprogress: 'open',
  prospecting: 'open',
  contractsent: 'open',
  needsanalysis: 'open',
  valueproposition: 'open',
  iddecisionmakers: 'open',
  perceptionanalysis: 'open',
  proposalpricequote: 'open',
  negotiationreview: 'open',
  appointmentscheduled: 'open',
  qualifiedtobuy: 'open',
  presentationscheduled: 'open',
  decisionmakerboughtin: 'open',
  leadin: 'open',
  contactmade: 'open',
  demoscheduled: 'open',
  proposalmade: 'open',
  negotiationsstarted: 'open',
  new: 'open',
  lead: 'open',
  prospect: 'open'
}

/** Words that settle a longer value ("Closed Won - Renewal", "Closed Lost (Budget)"). */
const WON_WORDS = new Set(['won', 'win', 'signed', 'booked'])
const LOST_WORDS = new Set(['lost', 'loss', 'disqualified', 'dq'])
const OPEN_WORDS = new Set([
  'open',
  'engaging',
  'engaged',
  'negotiation',
  'negotiations',
  'negotiating',
  'proposal',
  'qualification',
  'qualified',
  'qualifying',
  'discovery',
  'demo',
  'pipeline',
  'progress',
  'prospecting',
  'evaluation',
  'trial',
  'poc',
  'commit',
  'verbal',
  'scoping',
  'presentation',
  'quote',
  'procurement',
  'closing',
  'meeting'
])
/** Words that make a value something other than a deal outcome, whatever else it says. */
const NOT_AN_OUTCOME = new Set(['churned', 'churn', 'cancelled', 'canceled', 'deleted'])

/**
 * An order-status column (a wholesaler's "Shipped / Cancelled / On Hold"): once an order ships it
 * is a sale, and a cancelled order is a lost one. "Cancelled" means lost only beside such
 * fulfilment words; in a subscription status it is a churned customer and stays unmapped.
 */
const FULFILLED: Readonly<Record<string, Outcome>> = {
  shipped: 'won',
  delivered: 'won',
  fulfilled: 'won',
  completed: 'won',
  complete: 'won',
  invoiced: 'won',
  paid: 'won',
  resolved: 'won',
  closed: 'won',
  cancelled: 'lost',
  canceled: 'lost',
  refunded: 'lost',
  returned: 'lost',
  rejected: 'lost',
  declined: 'lost',
  inprocess: 'open',
  processing: 'open',
  pending: 'open',
  onhold: 'open',
  disputed: 'open',
  backordered: 'open',
  awaitingpayment: 'open',
  awaitingshipment: 'open',
  partiallyshipped: 'open'
}
const FULFILMENT_WINS = new Set(['shipped', 'delivered', 'fulfilled', 'invoiced', 'paid'])

const MISSING = new Set<string>(DEFAULT_MISSING_TOKENS)

/** Lower-case words, without a leading stage number ("5 - Negotiation", "Stage 3: Proposal", "05. Demo"). */
function wordsOf(raw: string): string[] {
  const words = raw.toLowerCase().match(/[a-z0-9]+/g) ?? []
  let start = 0
  if (words[start] === 'stage') start++
  if (start < words.length - 1 && /^\d+$/.test(words[start]!)) start++
  return words.slice(start)
}

/** The outcome one value stands for, or null. */
export function outcomeOf(raw: string): Outcome | null {
  if (MISSING.has(raw.trim().toLowerCase())) return null
  const words = wordsOf(raw)
  if (words.length === 0 || words.some((w) => NOT_AN_OUTCOME.has(w))) return null
  const exact = EXACT[words.join('')]
  if (exact) return exact
  const won = words.some((w) => WON_WORDS.has(w))
  const lost = words.some((w) => LOST_WORDS.has(w))
  if (won !== lost) return won ? 'won' : 'lost'
  if (won && lost) return null
  return words.some((w) => OPEN_WORDS.has(w)) ? 'open' : null
}

const squash = (raw: string): string => (raw.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('')

/**
 * Each distinct value of the outcome column with its suggested outcome (null: not recognised).
 * `polarity` is what "yes" means when the column is a two-valued flag (see binary-outcome.ts);
 * the values are judged together, so an order status reads "Cancelled" as lost.
 */
export function suggestOutcomeMapping(values: readonly ValueCount[], polarity: Outcome | null = 'won'): OutcomeSuggestion[] {
  const filled = values.filter((v) => !MISSING.has(v.value.trim().toLowerCase()))
  if (polarity !== null && binaryValues(filled) !== null) {
    return values.map(({ value }) => ({ value, outcome: binaryOutcomeOf(value, polarity) }))
  }
  const orders = values.some((v) => FULFILMENT_WINS.has(squash(v.value)))
  return values.map(({ value }) => ({ value, outcome: (orders ? FULFILLED[squash(value)] : undefined) ?? outcomeOf(value) }))
}

/** True when the mapping has at least one won and one lost value: the least a win rate needs. */
export function hasWinsAndLosses(mapping: readonly OutcomeSuggestion[]): boolean {
  return mapping.some((m) => m.outcome === 'won') && mapping.some((m) => m.outcome === 'lost')
}
