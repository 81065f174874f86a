/**
 * The 90-day review's words for each kind of outcome. A sales workspace reviews the deals closed
 * since the scorecard was built; a churn study with dates reviews the customers who renewed or
 * left since then, whose "won" are the ones who stayed (see export/outcome-words.ts).
 */
import type { ReviewWords } from '@shared/domain/review'

export const DEAL_REVIEW_WORDS: ReviewWords = {
  kind: 'won',
  records: 'deals',
  record: 'deal',
  decided: 'decided deals',
  decidedOne: 'decided deal',
  since: 'closed since',
  before: 'before',
  upTo: 'closed up to',
  fresh: 'new',
  won: 'won',
  lost: 'lost',
  win: 'win',
  loss: 'loss',
  wins: 'wins',
  losses: 'losses',
  tierPast: 'won',
  separates: 'wins from losses',
  rate: 'Win rate',
  cycle: 'Cycle',
  amount: 'Won size',
  cycleNote: 'cycle is the median days to close',
  amountNote: 'won size is the mean won amount',
  date: 'close date'
}

export const CUSTOMER_REVIEW_WORDS: ReviewWords = {
  kind: 'retained',
  records: 'customers',
  record: 'customer',
  decided: 'customers',
  decidedOne: 'customer',
  since: 'who renewed or left since',
  before: 'who renewed or left before',
  upTo: 'who renewed or left up to',
  // "New customers" would read as newly signed ones.
  fresh: 'recent',
  won: 'retained',
  lost: 'churned',
  win: 'retained customer',
  loss: 'churned customer',
  wins: 'retained customers',
  losses: 'churned customers',
  tierPast: 'kept',
  separates: 'the customers who stay from those who leave',
  rate: 'Retention rate',
  // From the customer's start to their renewal or departure: how long they had been a customer.
  cycle: 'Tenure',
  amount: 'Retained size',
  cycleNote: 'tenure is the median days from start to renewal or leaving',
  amountNote: 'retained size is the mean amount of a retained customer',
  date: 'date'
}

export function reviewWordsFor(kind: 'won' | 'retained'): ReviewWords {
  return kind === 'retained' ? CUSTOMER_REVIEW_WORDS : DEAL_REVIEW_WORDS
}
