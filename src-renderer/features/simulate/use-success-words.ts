import { useMemo } from 'react'
import type { OutcomeWords } from '@shared/domain/one-pager'
import type { SimulationReport } from '@shared/domain/simulation'
import { capitalize } from '@shared/format'
import { useOutcomeWords } from '../../queries/dataset-queries'
import { OUTCOME_WORDS } from './simulate-format'

export interface SuccessWords {
  /** "Win rate" / "Retention rate" / "Best rate". */
  rate: string
  /** "wins" / "retained customers" / "best customers". */
  wins: string
  /** What a row is: "deals" / "customers" / "accounts", and one of them. */
  deals: string
  deal: string
  /** A success as an adjective: "won" / "retained" / "best". */
  won: string
  /** The other rows as an adjective: "lost" / "churned" / "other". */
  lost: string
  /** How a row's date is said: deals "closed" before a date, customers "dated". */
  dated: string
  /** What a higher score should do: "convert better" / "stay more often". */
  better: string
  /** The rows the figures count: "closed deals" / "customers", and one of them. */
  decided: string
  decidedOne: string
}

const DEAL_ROWS = { deals: 'deals', deal: 'deal', dated: 'closed', decided: 'closed deals', decidedOne: 'closed deal' }

/**
 * The words for what counts as a success in a report: the outcome's own words, and for the won
 * outcome the workspace's (a churn study's "won" are retained customers, see useOutcomeWords).
 */
export function useSuccessWords(outcome: SimulationReport['outcome'] | null): SuccessWords {
  const words = useOutcomeWords()
  // One object while the outcome and the workspace's words stay: the charts are memoised on
  // their props, and a new object per report re-drew every chart on each step of a drag.
  return useMemo(() => successWords(outcome, words), [outcome, words])
}

function successWords(outcome: SimulationReport['outcome'] | null, words: OutcomeWords): SuccessWords {
  if (outcome === null || outcome === 'won') {
    if (words.kind === 'retained') {
      return {
        rate: capitalize(words.rate),
        wins: `${words.won} ${words.records}`,
        deals: words.records,
        deal: 'customer',
        won: words.won,
        lost: words.lost,
        dated: 'dated',
        better: `${words.present} more often`,
        decided: words.decided,
        decidedOne: 'customer'
      }
    }
    return { ...OUTCOME_WORDS.won, ...DEAL_ROWS, won: 'won', lost: 'lost', better: 'convert better' }
  }
  // Best customers and an account's churn are judged on the deals of those accounts: the rows stay deals.
  const best = outcome === 'best'
  return {
    ...OUTCOME_WORDS[outcome],
    ...DEAL_ROWS,
    won: outcome,
    lost: best ? 'other' : 'churned',
    better: best ? 'hold more best customers' : 'stay more often'
  }
}
