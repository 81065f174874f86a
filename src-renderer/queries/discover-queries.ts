import type { DiscoverReport } from '@shared/domain/discover'
import { useApiQuery } from './api-queries'

export type DiscoverTarget = DiscoverReport['target']

/** Members shown per page of the best-customer cohort. */
export const COHORT_PAGE = 10

/** Every attribute's evidence for one target; refetched when the data or a leak overrule changes. */
export function useDiscoverReport(target: DiscoverTarget) {
  return useApiQuery('discover-run', { target })
}

/** The anti-ICP knows won and retained; "best" falls back to won vs lost there. */
export function useAntiIcp(target: DiscoverTarget) {
  return useApiQuery('discover-anti-icp', { target: target === 'retained' ? 'retained' : 'won' })
}

/** The saved definition of best customers; `data` is null until the user sets one. */
export function useBestDefinition() {
  return useApiQuery('best-definition-get', {})
}

/** One page of the best-customer cohort, asked only once a definition exists. */
export function useBestCohort(offset: number, defined: boolean) {
  return useApiQuery('best-cohort', defined ? { offset, limit: COHORT_PAGE } : null)
}

/** A scorecard checked against the evidence, once the user asks for it (`id` null: not yet). */
export function useScorecardCheck(id: number | null, target: DiscoverTarget) {
  return useApiQuery('scorecard-check', id === null ? null : { id, target })
}
