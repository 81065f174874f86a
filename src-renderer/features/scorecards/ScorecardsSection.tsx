import { useEffect, useMemo } from 'react'
import type { Knockout, Tier } from '@shared/engine/scorecard/model'
import { CheckCircle2, LayoutList, Undo2, X } from 'lucide-react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../queries/api-queries'
import { readLastScorecard, writeLastScorecard } from './last-scorecard'
import { editHistory, isTextField } from '../shell/app-commands'
import { useScorecardStore } from '../../stores/scorecard-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { paletteAttributes } from './attributes'
import { LiveFiguresPanel } from '../simulate/LiveFiguresPanel'
import { EditorBoard } from './EditorBoard'
import { ScorecardToolbar } from './ScorecardToolbar'
import { TestRecord } from './TestRecord'
import { TiersEditor } from './TiersEditor'

const NO_KNOCKOUTS: Knockout[] = []
const NO_TIERS: Tier[] = []

/** The Scorecards section: the Ideal Customer Profile as points, edited by drag and drop. */
export function ScorecardsSection() {
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  const currentId = useScorecardStore((s) => s.currentId)
  // The parts the section lays out, not the scorecard: a points step replaces the scorecard but
  // keeps these, so it re-renders one category and one card instead of the whole section.
  const categories = useScorecardStore((s) => s.scorecard?.categories ?? null)
  const knockouts = useScorecardStore((s) => s.scorecard?.knockouts ?? NO_KNOCKOUTS)
  const tiers = useScorecardStore((s) => s.scorecard?.tiers ?? NO_TIERS)
  const list = useApiQuery('scorecard-list', {}).data
  const summary = useApiQuery('dataset-summary', {}).data ?? null
  // Strength badges are a nicety: the palette works without them, so a failure stays quiet.
  const discover = useApiQuery('discover-run', {}).data ?? null
  const error = useScorecardStore((s) => s.error)
  const note = useScorecardStore((s) => s.note)
  const deleted = useScorecardStore((s) => s.deleted)
  const { open, select, dismiss, restoreDeleted } = useScorecardStore.getState()
  const attributes = useMemo(() => paletteAttributes(summary, discover), [summary, discover])

  useEffect(() => {
    if (path) open(path)
  }, [path, open])

  // The working copy as stored: refetched when any window saves a scorecard, and adopted by the
  // editor when the change came from elsewhere (another tab editing the same scorecard).
  const stored = useApiQuery('scorecard-get', currentId === null ? null : { id: currentId }).data
  useEffect(() => {
    if (stored) useScorecardStore.getState().adoptStored(stored.id, stored.scorecard)
  }, [stored])

  // With nothing open, the section opens the scorecard last open here, else the first.
  const initial = list && list.length > 0 ? (list.find((s) => path !== null && s.id === readLastScorecard(path)) ?? list[0]!).id : undefined
  useEffect(() => {
    if (currentId === null && initial !== undefined) void select(initial)
  }, [currentId, initial, select])
  useEffect(() => {
    if (path !== null && currentId !== null) writeLastScorecard(path, currentId)
  }, [path, currentId])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || isTextField(event.target)) return
      event.preventDefault()
      editHistory(event.shiftKey ? 'edit-redo' : 'edit-undo', document.activeElement, 'scorecards')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <section className="section scorecards" aria-labelledby="section-title">
      <header className="section__header scorecards__header">
        <h1 id="section-title">Scorecards</h1>
        <ScorecardToolbar />
      </header>
      {error ? <ErrorNotice error={error} onDismiss={dismiss} /> : null}
      {note ? (
        <div className="notice notice--success" role="status">
          <CheckCircle2 className="notice__icon" size={18} aria-hidden />
          <div className="notice__text">{note}</div>
          {deleted ? (
            <button type="button" className="button button--secondary button--small" onClick={() => void restoreDeleted()}>
              <Undo2 size={14} aria-hidden /> Undo
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
            <X size={16} aria-hidden />
          </button>
        </div>
      ) : null}
      {categories && currentId !== null && path ? (
        <>
          <LiveFiguresPanel workspacePath={path} scorecardId={currentId} />
          <EditorBoard categories={categories} knockouts={knockouts} attributes={attributes} />
          <div className="sc-lower">
            <TiersEditor tiers={tiers} />
            <TestRecord id={currentId} />
          </div>
        </>
      ) : (
        <div className="section-intro">
          <LayoutList className="section-intro__icon" size={40} strokeWidth={1.5} aria-hidden />
          <p className="section-intro__purpose">
            A scorecard is the Ideal Customer Profile as points: criteria in categories, knockouts and tiers. Create one with “New”, or
            import an icp-scorecard/1 file.
          </p>
        </div>
      )}
    </section>
  )
}
