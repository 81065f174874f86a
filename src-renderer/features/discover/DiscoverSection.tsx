import { useEffect, useState } from 'react'
import { CheckCircle2, RotateCw, SlidersHorizontal, Telescope, X } from 'lucide-react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { errorShapeOf } from '../../api/api-client'
import { useBestDefinition, useDiscoverReport } from '../../queries/discover-queries'
import { useDiscoverStore } from '../../stores/discover-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { AntiIcpPanel } from './AntiIcpPanel'
import { BestCohortPanel } from './BestCohortPanel'
import { BestDefinitionDialog } from './BestDefinitionDialog'
import { CheckPanel } from './CheckPanel'
import { Evidence } from './Evidence'
import { SignalBanner } from './SignalBanner'
import { SuggestPanel } from './SuggestPanel'
import { TargetPicker } from './TargetPicker'

/** The Discover section: which account traits really separate the target from the rest, and what to do about it. */
export function DiscoverSection() {
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  const target = useDiscoverStore((s) => s.target)
  const report = useDiscoverReport(target)
  const defined = (useBestDefinition().data ?? null) !== null
  const note = useDiscoverStore((s) => s.savedNote)
  const leakError = useDiscoverStore((s) => s.errors.report ?? null)
  const { open, setTarget, dismiss, clearNote } = useDiscoverStore.getState()
  const [defining, setDefining] = useState(false)
  const value = report.data ?? null
  const error = report.error ? errorShapeOf(report.error) : null
  // Before best customers are defined the backend cannot analyse them; that is a next step, not a failure.
  const undefinedBest = target === 'best' && error?.code === 'NOT_SUPPORTED' && !defined

  useEffect(() => {
    if (path) open(path)
  }, [path, open])

  // Nothing to analyse yet is a next step, not an error: point to where the data comes in.
  if (error?.code === 'NOT_FOUND') {
    return (
      <section className="section" aria-labelledby="section-title">
        <header className="section__header">
          <h1 id="section-title">Discover</h1>
        </header>
        <div className="section-intro">
          <Telescope className="section-intro__icon" size={40} strokeWidth={1.5} aria-hidden />
          <p className="section-intro__purpose">
            Discover shows which account traits really separate won from lost deals. It needs the client&apos;s deals first: import a deals
            export (or one table of deals with account columns) in the Data section.
          </p>
          <button type="button" className="button button--primary" onClick={() => void useWorkspaceStore.getState().goToSection('data')}>
            Go to Data
          </button>
        </div>
      </section>
    )
  }

  return (
    <section className="section discover" aria-labelledby="section-title">
      <header className="section__header discover__header">
        <h1 id="section-title">Discover</h1>
        <div className="discover__controls">
          <TargetPicker value={target} onChange={setTarget} />
          {target === 'best' ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setDefining(true)}>
              <SlidersHorizontal size={14} aria-hidden />
              Define best customers…
            </button>
          ) : null}
        </div>
      </header>
      {note ? (
        <div className="notice notice--success" role="status">
          <CheckCircle2 className="notice__icon" size={18} aria-hidden />
          <div className="notice__text">{note}</div>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={clearNote}>
            <X size={16} aria-hidden />
          </button>
        </div>
      ) : null}
      {target === 'best' ? <BestCohortPanel /> : null}
      {leakError ? <ErrorNotice error={leakError} onDismiss={() => dismiss('report')} /> : null}
      {undefinedBest ? null : error ? (
        <div className="stack">
          <ErrorNotice error={error} />
          <div>
            <button type="button" className="button button--secondary button--small" onClick={() => void report.refetch()}>
              <RotateCw size={14} aria-hidden />
              Try again
            </button>
          </div>
        </div>
      ) : null}
      {value ? (
        <>
          <SignalBanner report={value} />
          <Evidence report={value} />
        </>
      ) : report.isFetching ? (
        <p className="empty-note" role="status">
          Analysing every attribute…
        </p>
      ) : null}
      <div className="discover__actions">
        <SuggestPanel />
        <CheckPanel />
      </div>
      <AntiIcpPanel />
      {defining ? <BestDefinitionDialog onClose={() => setDefining(false)} /> : null}
    </section>
  )
}
