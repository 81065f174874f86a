import { useEffect } from 'react'
import { Gauge, Info, Sparkles } from 'lucide-react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useCompareStore } from '../../stores/compare-store'
import { useSimulateStore } from '../../stores/simulate-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { ComparePanel } from './compare/ComparePanel'
import { SimulateViewSwitch } from './compare/SimulateViewSwitch'
import { ScorecardBar, ThresholdControls } from './SimulateControls'
import { SimulateResults } from './SimulateResults'
import { ReviewPanel } from './review/ReviewPanel'
import { ProspectsPanel } from './prospects/ProspectsPanel'
import { ValidationSummary } from '../discover/ValidationSummary'
import { useScorecardList } from '../../queries/scorecard-queries'
import { useSuccessWords } from './use-success-words'

/** The Simulate section: test a threshold against the client's own history and see what it keeps and costs. */
export function SimulateSection() {
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  const scorecards = useScorecardList()
  const report = useSimulateStore((s) => s.report)
  const inputAt = useSimulateStore((s) => s.reportInputAt)
  const outcome = useSimulateStore((s) => s.outcome)
  const error = useSimulateStore((s) => s.error)
  const loading = useSimulateStore((s) => s.loading)
  const suggesting = useSimulateStore((s) => s.suggesting)
  const scorecardId = useSimulateStore((s) => s.scorecardId)
  const validation = useSimulateStore((s) => s.validation)
  const compareView = useCompareStore((s) => s.view === 'compare')
  const reviewView = useCompareStore((s) => s.view === 'review')
  const prospectsView = useCompareStore((s) => s.view === 'prospects')
  const desktop = useWorkspaceStore((s) => s.appInfo?.host === 'desktop')
  const { open, suggest, dismiss } = useSimulateStore.getState()
  // Undefined best customers is a next step in Discover, not a failure: say so calmly.
  const undefinedBest = outcome === 'best' && error?.code === 'NOT_SUPPORTED'
  const shown = report?.outcome === outcome ? report : null
  const words = useSuccessWords(outcome)

  useEffect(() => {
    if (path) open(path)
    if (path) useCompareStore.getState().open(path)
  }, [path, open])

  if (scorecards !== null && scorecards.length === 0) {
    return (
      <section className="section" aria-labelledby="section-title">
        <header className="section__header">
          <h1 id="section-title">Simulate</h1>
        </header>
        <div className="section-intro">
          <Gauge className="section-intro__icon" size={40} strokeWidth={1.5} aria-hidden />
          <p className="section-intro__purpose">
            Simulate tests a scorecard&apos;s threshold against the client&apos;s own deals. There is no scorecard yet: build one in
            Scorecards, or let the evidence suggest one.
          </p>
          {error ? <ErrorNotice error={error} onDismiss={dismiss} /> : null}
          <button type="button" className="button button--primary" disabled={suggesting} onClick={() => void suggest()}>
            <Sparkles size={16} aria-hidden />
            {suggesting ? 'Building…' : 'Suggest one from the data'}
          </button>
        </div>
      </section>
    )
  }

  if ((reviewView || compareView || prospectsView) && scorecards) {
    return (
      <section className="section simulate" aria-labelledby="section-title">
        <header className="section__header sim-header">
          <h1 id="section-title">Simulate</h1>
          <SimulateViewSwitch />
        </header>
        {prospectsView ? (
          <ProspectsPanel scorecards={scorecards} desktop={desktop} />
        ) : reviewView ? (
          <ReviewPanel scorecards={scorecards} desktop={desktop} />
        ) : (
          <ComparePanel scorecards={scorecards} currentId={scorecardId} />
        )}
      </section>
    )
  }

  return (
    <section className="section simulate" aria-labelledby="section-title" aria-busy={loading}>
      <header className="section__header sim-header">
        <h1 id="section-title">Simulate</h1>
        <SimulateViewSwitch />
        {scorecards ? <ScorecardBar scorecards={scorecards} /> : null}
      </header>
      <div className="panel sim-controls">
        <ThresholdControls />
      </div>
      {undefinedBest && error ? (
        <div className="notice sim-info" role="status">
          <Info className="notice__icon" size={18} aria-hidden />
          <div className="notice__text">
            <strong>Best customers are not defined yet</strong>
            <span>{error.message}</span>
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void useWorkspaceStore.getState().goToSection('discover')}
          >
            Go to Discover
          </button>
        </div>
      ) : error ? (
        <ErrorNotice error={error} onDismiss={dismiss} />
      ) : null}
      {validation ? (
        <section className="panel" aria-labelledby="sim-validation-title">
          <header className="panel__header">
            <h3 id="sim-validation-title">Does it hold up on new {words.deals}?</h3>
            <p className="panel__hint">
              The saved scorecard&rsquo;s tiers on {words.deals} it was not built on, against the standard: the top tiers hold most of the{' '}
              {words.wins} and the top tier has a far higher {words.rate.toLowerCase()} than the bottom.
            </p>
          </header>
          <ValidationSummary validation={validation} suggestion={false} target={outcome} />
        </section>
      ) : null}
      {shown ? (
        <SimulateResults report={shown} inputAt={inputAt} />
      ) : loading || scorecards === null ? (
        <p className="empty-note" role="status">
          Scoring every closed deal…
        </p>
      ) : null}
    </section>
  )
}
