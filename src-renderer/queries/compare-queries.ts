import type { MethodInput } from '@shared/contract'
import { SWAP_PAGE, useCompareStore } from '../stores/compare-store'
import { useApiQuery } from './api-queries'

/** The comparison of the two chosen sides, at the chosen thresholds and swap-list pages. */
export function useCompareReport() {
  const a = useCompareStore((s) => s.a)
  const b = useCompareStore((s) => s.b)
  const outcome = useCompareStore((s) => s.outcome)
  const thresholdA = useCompareStore((s) => s.thresholdA)
  const thresholdB = useCompareStore((s) => s.thresholdB)
  const enteringOffset = useCompareStore((s) => s.enteringOffset)
  const leavingOffset = useCompareStore((s) => s.leavingOffset)
  const input: MethodInput<'simulate-compare'> | null =
    a && b
      ? {
          a,
          b,
          outcome,
          ...(thresholdA !== null ? { thresholdA } : {}),
          ...(thresholdB !== null ? { thresholdB } : {}),
          enteringOffset,
          leavingOffset,
          swapLimit: SWAP_PAGE
        }
      : null
  return useApiQuery('simulate-compare', input, { keepPrevious: true })
}

/** A scorecard's saved versions, for a side's version picker. */
export function useVersionList(scorecardId: number | null) {
  return useApiQuery('scorecard-version-list', scorecardId === null ? null : { id: scorecardId }).data
}
