import type { ScorecardSummary } from '@shared/domain/scorecards'
import { useApiQuery } from './api-queries'

const NONE: ScorecardSummary[] = []

/** The workspace's scorecards, one cached list for every section; null until first answered. */
export function useScorecardList(): ScorecardSummary[] | null {
  return useApiQuery('scorecard-list', {}).data ?? null
}

/** The list for pickers that show "no scorecards yet" while it loads. */
export function useScorecardPicker(): ScorecardSummary[] {
  return useScorecardList() ?? NONE
}
