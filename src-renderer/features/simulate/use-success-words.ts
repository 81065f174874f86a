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
  /** The rows the figures count: "closed deals" / "customers". */
  decided: string
}

/**
 * The words for what counts as a success in a report: the outcome's own words, and for the won
 * outcome the workspace's (a churn study's "won" are retained customers, see useOutcomeWords).
 */
export function useSuccessWords(outcome: SimulationReport['outcome'] | null): SuccessWords {
  const words = useOutcomeWords()
  if (outcome === null || outcome === 'won') {
    if (words.kind === 'retained') {
      return {
        rate: capitalize(words.rate),
        wins: `${words.won} ${words.records}`,
        deals: words.records,
        deal: 'customer',
        won: words.won,
        decided: words.decided
      }
    }
    return { ...OUTCOME_WORDS.won, deals: 'deals', deal: 'deal', won: 'won', decided: 'closed deals' }
  }
  // Best customers and an account's churn are judged on the deals of those accounts: the rows stay deals.
  return { ...OUTCOME_WORDS[outcome], deals: 'deals', deal: 'deal', won: outcome, decided: 'closed deals' }
}
