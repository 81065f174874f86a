import { useDeferredValue, useMemo } from 'react'
import type { SimulationReport } from '@shared/domain/simulation'
import { BandPanel } from './BandPanel'
import { HeadlineCards } from './HeadlineCards'
import { KnockoutPanel } from './KnockoutPanel'
import { useCommitMeasure, usePaintMeasure } from '../../what-if/latency-probe'
import { OutOfTimePanel } from './OutOfTimePanel'
import { DistributionChart, RocChart } from './RankingCharts'
import { CurveChart, GainsChart } from './SimulateCharts'
import { useSuccessWords } from './use-success-words'

/** Charts and tables: rendered at lower priority than the numbers, so a drag never waits on an SVG. */
function Details({ report, inputAt }: { report: SimulationReport; inputAt: number | null }) {
  usePaintMeasure(report, inputAt)
  const words = useSuccessWords(report.outcome)
  return (
    <>
      <div className="sim-grid">
        <CurveChart curve={report.curve} words={words} />
        <GainsChart curve={report.curve} words={words} />
        <DistributionChart distribution={report.distribution} words={words} />
        <RocChart roc={report.roc} auc={report.auc} ks={report.ks} words={words} />
      </div>
      <BandPanel report={report} />
      <div className="sim-grid sim-grid--panels">
        <KnockoutPanel report={report} words={words} />
        <OutOfTimePanel report={report} words={words} />
      </div>
    </>
  )
}

/** Every figure for one report: the headline cards first (urgent), then the details (deferred). */
export function SimulateResults({ report, inputAt }: { report: SimulationReport; inputAt: number | null }) {
  useCommitMeasure(report, inputAt)
  const frame = useMemo(() => ({ report, inputAt }), [report, inputAt])
  const deferred = useDeferredValue(frame)
  return (
    <>
      <HeadlineCards report={report} />
      <Details report={deferred.report} inputAt={deferred.inputAt} />
    </>
  )
}
