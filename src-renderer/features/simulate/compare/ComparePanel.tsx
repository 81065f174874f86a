import { useEffect } from 'react'
import { Info } from 'lucide-react'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { errorShapeOf } from '../../../api/api-client'
import { useCompareReport } from '../../../queries/compare-queries'
import { useCompareStore } from '../../../stores/compare-store'
import { CompareFigures } from './CompareFigures'
import { CompareSetup } from './CompareSetup'
import { sideName } from './compare-format'
import { SwapTable } from './SwapTable'
import { useSuccessWords } from '../use-success-words'

/**
 * Two scorecards or versions side by side on the same deals: does the challenger rank better,
 * what does it keep and cost, and which accounts would sales work instead?
 */
export function ComparePanel({ scorecards, currentId }: { scorecards: readonly ScorecardSummary[]; currentId: number | null }) {
  const query = useCompareReport()
  const report = query.data ?? null
  const error = query.error ? errorShapeOf(query.error) : null
  const loading = query.isFetching
  const { ensureSides } = useCompareStore.getState()
  const words = useSuccessWords(null)

  useEffect(() => {
    // An edit to either side meanwhile needs nothing here: the comparison refetches when a scorecard changes.
    if (currentId !== null) void ensureSides(currentId, scorecards.find((s) => s.id !== currentId)?.id ?? null)
  }, [currentId, scorecards, ensureSides])

  const same = report !== null && report.a.scorecardId === report.b.scorecardId && report.a.versionId === report.b.versionId
  return (
    <div className="cmp" aria-busy={loading}>
      <CompareSetup scorecards={scorecards} />
      {error ? <ErrorNotice error={error} /> : null}
      {report ? (
        <>
          <p className="cmp-summary">
            <strong>{sideName(report.b)}</strong> against <strong>{sideName(report.a)}</strong> on {report.n.toLocaleString()}{' '}
            {words.decided}.
          </p>
          {same ? (
            <div className="notice sim-info" role="status">
              <Info className="notice__icon" size={18} aria-hidden />
              <div className="notice__text">
                Both sides are the same revision: pick a saved version or another scorecard to see a difference.
              </div>
            </div>
          ) : null}
          <CompareFigures report={report} />
          <div className="sim-grid cmp-swap-grid">
            <SwapTable list="entering" report={report} />
            <SwapTable list="leaving" report={report} />
          </div>
        </>
      ) : loading ? (
        <p className="empty-note" role="status">
          Scoring both sides…
        </p>
      ) : null}
    </div>
  )
}
