import { useEffect } from 'react'
import { AlertTriangle, CheckCircle2, FileOutput, Loader2 } from 'lucide-react'
import { ONE_PAGER_BLOCK_LABELS } from '@shared/export/default-one-pager'
import type { PaperSize } from '@shared/domain/one-pager'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ScorecardSelect } from '../../components/ScorecardSelect'
import { useExportStore } from '../../stores/export-store'
import { useWorkspaceStore } from '../../stores/workspace-store'
import { DocumentEditor } from './DocumentEditor'
import { ExportActions } from './ExportActions'
import { CrmHandOver } from './crm/CrmHandOver'
import { PagePreview } from './PagePreview'
import '../../styles/export.css'
import { useScorecardList } from '../../queries/scorecard-queries'
import { useOnePagerContent } from '../../queries/export-queries'
import { errorShapeOf } from '../../api/api-client'

/** The Export section: the one-pager's editor beside the page as it prints, and every deliverable. */
export function ExportSection() {
  const path = useWorkspaceStore((s) => s.workspace?.path ?? null)
  const desktop = useWorkspaceStore((s) => s.appInfo?.host === 'desktop')
  const scorecards = useScorecardList()
  const scorecardId = useExportStore((s) => s.scorecardId)
  const { content, error: readError } = useOnePagerContent()
  const saveState = useExportStore((s) => s.saveState)
  const overflow = useExportStore((s) => s.overflow)
  const overflowAmount = useExportStore((s) => s.overflowAmount)
  const note = useExportStore((s) => s.note)
  const error = useExportStore((s) => s.error)
  const { open, select, edit, setMeasure, dismiss, flush } = useExportStore.getState()

  useEffect(() => {
    if (path) void open(path)
    return () => void flush()
  }, [path, open, flush])

  if (scorecards !== null && scorecards.length === 0) {
    return (
      <section className="section" aria-labelledby="section-title">
        <header className="section__header">
          <h1 id="section-title">Export</h1>
        </header>
        <div className="section-intro">
          <FileOutput className="section-intro__icon" size={40} strokeWidth={1.5} aria-hidden />
          <p className="section-intro__purpose">
            Export turns a scorecard into the client&apos;s deliverables: the ICP one-pager (PDF), the workbook, scored accounts and the
            scorecard file. There is no scorecard yet: build one in Scorecards or let Simulate suggest one.
          </p>
        </div>
      </section>
    )
  }

  const paper = content?.document.paper ?? 'letter'
  return (
    <section className="section ex" aria-labelledby="section-title">
      <header className="section__header ex-header">
        <h1 id="section-title">Export</h1>
        <div className="ex-header__controls">
          {scorecards && (
            <ScorecardSelect className="field ex-picker" scorecards={scorecards} value={scorecardId} onChange={(id) => void select(id)} />
          )}
          <div className="field">
            <span className="field__label">Paper</span>
            <div className="segmented" role="radiogroup" aria-label="Paper">
              {(['letter', 'a4'] as PaperSize[]).map((size) => (
                <label key={size} className="segmented__option">
                  <input
                    type="radio"
                    name="paper"
                    value={size}
                    checked={paper === size}
                    disabled={!content}
                    onChange={() => content && edit(content.document, (d) => ({ ...d, paper: size }))}
                  />
                  <span>{size === 'a4' ? 'A4' : 'Letter'}</span>
                </label>
              ))}
            </div>
          </div>
          <span className={`ex-save ex-save--${saveState}`} role="status" aria-live="polite">
            {saveState === 'saving' ? (
              <>
                <Loader2 size={14} className="spin" aria-hidden /> Saving…
              </>
            ) : saveState === 'saved' ? (
              <>
                <CheckCircle2 size={14} aria-hidden /> Saved
              </>
            ) : (
              'Not saved'
            )}
          </span>
        </div>
      </header>
      {error && <ErrorNotice error={error} onDismiss={dismiss} />}
      {readError && !error && <ErrorNotice error={errorShapeOf(readError)} />}
      {note && !error && (
        <div className="notice ex-note" role="status">
          <span className="notice__text">{note}</span>
        </div>
      )}
      {content && (
        <div className="ex-body">
          <DocumentEditor
            content={content}
            scorecards={scorecards ?? []}
            overflow={overflow}
            onEdit={(change) => edit(content.document, change)}
          />
          <div className="ex-side">
            <ExportActions desktop={desktop} blocked={overflow.length > 0} />
            {scorecardId !== null && <CrmHandOver scorecardId={scorecardId} desktop={desktop} />}
            {overflow.length > 0 && (
              <div className="notice notice--warning ex-overflow" role="alert">
                <AlertTriangle className="notice__icon" size={18} aria-hidden />
                <span className="notice__text">
                  The page runs {overflowAmount} px past the bottom of one {paper === 'a4' ? 'A4' : 'Letter'} page:{' '}
                  <strong>{overflow.map((id) => ONE_PAGER_BLOCK_LABELS[id]).join(', ')}</strong>. Hide a block or shorten its text — the PDF
                  is always one page.
                </span>
              </div>
            )}
            <PagePreview content={content} overflow={overflow} onMeasure={setMeasure} />
          </div>
        </div>
      )}
    </section>
  )
}
