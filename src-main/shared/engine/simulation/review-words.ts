/**
 * The 90-day review's words for each kind of outcome. A sales workspace reviews the deals closed
 * since the scorecard was built; a churn study with dates reviews the customers who renewed or
 * left since then, whose "won" are the ones who stayed. The nouns and the rate come from the
 * workspace's outcome words (export/outcome-words.ts); what only the review says is here.
 */
import type { OutcomeWords } from '@shared/domain/one-pager'
import type { ReviewWords } from '@shared/domain/review'
import { RETAINED_WORDS, WON_WORDS } from '@shared/export/outcome-words'
import { capitalize, singular } from '@shared/format'

type ReviewOnly = Omit<ReviewWords, 'kind' | 'records' | 'record' | 'decided' | 'decidedOne' | 'won' | 'lost' | 'rate' | 'date'>

const DEALS: ReviewOnly = {
  since: 'closed since',
  before: 'before',
  upTo: 'closed up to',
  fresh: 'new',
  win: 'win',
  loss: 'loss',
  wins: 'wins',
  losses: 'losses',
  tierPast: 'won',
  separates: 'wins from losses',
  cycle: 'Cycle',
  amount: 'Won size',
  cycleNote: 'cycle is the median days to close',
  amountNote: 'won size is the mean won amount'
}

const CUSTOMERS: ReviewOnly = {
  since: 'who renewed or left since',
  before: 'who renewed or left before',
  upTo: 'who renewed or left up to',
  // "New customers" would read as newly signed ones.
  fresh: 'recent',
  win: 'retained customer',
  loss: 'churned customer',
  wins: 'retained customers',
  losses: 'churned customers',
  tierPast: 'kept',
  separates: 'the customers who stay from those who leave',
  // From the customer's start to their renewal or departure: how long they had been a customer.
  cycle: 'Tenure',
  amount: 'Retained size',
  cycleNote: 'tenure is the median days from start to renewal or leaving',
  amountNote: 'retained size is the mean amount of a retained customer'
}

export function reviewWordsFor(words: OutcomeWords): ReviewWords {
  return {
    kind: words.kind,
    records: words.records,
    record: singular(words.records),
    decided: words.decided,
    decidedOne: singular(words.decided),
    won: words.won,
    lost: words.lost,
    rate: capitalize(words.rate),
    date: singular(words.dates),
    ...(words.kind === 'retained' ? CUSTOMERS : DEALS)
  }
}

export const DEAL_REVIEW_WORDS = reviewWordsFor(WON_WORDS)
export const CUSTOMER_REVIEW_WORDS = reviewWordsFor(RETAINED_WORDS)
