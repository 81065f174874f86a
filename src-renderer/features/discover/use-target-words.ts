import type { DiscoverReport } from '@shared/domain/discover'
import { useOutcomeWords } from '../../queries/dataset-queries'
import { TARGET_WORDS } from './discover-format'

export type TargetWords = (typeof TARGET_WORDS)[keyof typeof TARGET_WORDS] & {
  /** What the report's rows are: "deals", or a churn study's "customers". */
  rows: string
}

/**
 * The words for a Discover target. Won vs lost in a churn study (its churn flag's yes mapped to
 * lost) separates customers who stayed from those who left, and says so.
 */
export function useTargetWords(target: DiscoverReport['target']): TargetWords {
  const words = useOutcomeWords()
  if (target === 'won' && words.kind === 'retained') return { ...TARGET_WORDS.retained, rows: words.records }
  return { ...TARGET_WORDS[target], rows: 'deals' }
}

/**
 * The name of the won-vs-lost choice. In a churn study the outcome's won are the customers who
 * stayed: "Won vs lost" would read as sales, and "Retained vs churned" is already the name of
 * the choice that reads an account's churned column.
 */
export function useWonLabel(): string {
  return useOutcomeWords().kind === 'retained' ? 'Stayed vs left' : 'Won vs lost'
}
