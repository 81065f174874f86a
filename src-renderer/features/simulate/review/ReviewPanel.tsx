import { useLayoutEffect, useRef, useState } from 'react'
import { CalendarCheck, Download, History } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import type { ReviewReport } from '@shared/domain/review'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import { api } from '../../../api/api'
import { errorShapeOf } from '../../../api/api-client'
import { callApi, useApiQuery } from '../../../queries/api-queries'
import { useOutcomeWords } from '../../../queries/dataset-queries'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { ScorecardSelect } from '../../../components/ScorecardSelect'
import { downloadFile } from '../../../stores/export-store'
import { useSimulateStore } from '../../../stores/simulate-store'
import { PAPER, previewScale } from '../../export/one-pager/page-geometry'
import { DECISION_LABEL, ReviewPage } from './ReviewPage'

const SOURCE_WORDS: Readonly<Record<ReviewReport['sinceSource'], string>> = {
  built: 'the day after the last deal it was built on closed',
  chosen: 'the date you chose',
  'latest-quarter': 'the start of the latest quarter (this scorecard was made before built periods were recorded)'
}

/**
 * The 90-day review: the deals closed since the scorecard was built, against the ones it was
 * built on, as the page that prints; download it, or record it as a version of the scorecard.
 */
export function ReviewPanel({ scorecards, desktop }: { scorecards: readonly ScorecardSummary[]; desktop: boolean }) {
  const scorecardId = useSimulateStore((s) => s.scorecardId)
  // A churn study's records are customers who renewed or left: it has no deals to close.
  const churn = useOutcomeWords().kind === 'retained'
  const [since, setSince] = useState<string>('')
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [busy, setBusy] = useState<'pdf' | 'record' | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const frame = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)

  const ask = scorecardId === null ? null : since ? { scorecardId, since } : { scorecardId }
  const reviewQuery = useApiQuery('simulate-review', ask)
  const documentQuery = useApiQuery('export-document-get', scorecardId === null ? null : { scorecardId })
  const report: ReviewReport | null = reviewQuery.data ?? null
  const brand = {
    clientName: documentQuery.data?.document.clientName ?? '',
    brandColor: documentQuery.data?.document.brandColor ?? '#1f3a5f'
  }
  const queryError = reviewQuery.error ?? documentQuery.error
  const shownError = error ?? (queryError ? errorShapeOf(queryError) : null)

  useLayoutEffect(() => {
    const el = frame.current
    if (!el) return
    const observer = new ResizeObserver(() => setWidth(el.clientWidth))
    observer.observe(el)
    setWidth(el.clientWidth)
    return () => observer.disconnect()
  }, [])

  async function pdf(): Promise<void> {
    if (scorecardId === null) return
    setBusy('pdf')
    setError(null)
    try {
      const file = await api().call('export-review-pdf', since ? { scorecardId, since } : { scorecardId })
      if (desktop) {
        const saved = await api().call('export-save-as', { fileName: file.fileName, bytes: file.bytes as Uint8Array<ArrayBuffer> })
        setNote(saved ? `Saved “${saved.path}”.` : null)
      } else {
        downloadFile(file.fileName, file.bytes, 'application/pdf')
        setNote(`Downloaded “${file.fileName}”.`)
      }
    } catch (e) {
      setError(errorShapeOf(e))
    } finally {
      setBusy(null)
    }
  }

  async function record(): Promise<void> {
    if (scorecardId === null) return
    setBusy('record')
    setError(null)
    try {
      const versions = await callApi('simulate-review-record', since ? { scorecardId, since } : { scorecardId })
      setNote(`Saved the version “${versions[0]?.note ?? ''}”: it keeps the period the scorecard was built on and the one just reviewed.`)
    } catch (e) {
      setError(errorShapeOf(e))
    } finally {
      setBusy(null)
    }
  }

  const paper = PAPER.letter
  const scale = previewScale('letter', width - 2)
  return (
    <div className="rv-panel">
      <div className="panel rv-controls">
        <ScorecardSelect
          scorecards={scorecards}
          value={scorecardId}
          onChange={(id) => void useSimulateStore.getState().select(id)}
          className="field rv-controls__picker"
        />
        <label className="field">
          <span className="field__label">{churn ? 'Customers who renewed or left since' : 'New deals closed since'}</span>
          <input
            className="input"
            type="date"
            value={since || report?.since || ''}
            onChange={(e) => setSince(e.target.value)}
            aria-describedby="rv-since-hint"
          />
        </label>
        <div className="rv-controls__actions">
          <button type="button" className="button button--primary" disabled={!report || busy !== null} onClick={() => void pdf()}>
            <Download size={16} aria-hidden />
            {busy === 'pdf' ? 'Printing…' : `${desktop ? 'Save' : 'Download'} the review (PDF)`}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!report || busy !== null || report.review.deals === 0}
            onClick={() => void record()}
          >
            <History size={16} aria-hidden />
            {busy === 'record' ? 'Saving…' : 'Record this review as a version'}
          </button>
        </div>
        {report && (
          <p id="rv-since-hint" className="field__hint rv-controls__hint">
            <CalendarCheck size={14} aria-hidden /> The review starts on {report.since}:{' '}
            {report.sinceSource === 'built' && churn
              ? 'the day after the last customer it was built on renewed or left'
              : SOURCE_WORDS[report.sinceSource]}
            .
          </p>
        )}
      </div>
      {shownError && <ErrorNotice error={shownError} onDismiss={() => setError(null)} />}
      {note && !error && (
        <div className="notice" role="status">
          <span className="notice__text">{note}</span>
        </div>
      )}
      {report && (
        <p className={`rv-headline rv-headline--${report.verdict.decision}`} role="status">
          <strong>{DECISION_LABEL[report.verdict.decision]}.</strong> {report.verdict.sentence}
        </p>
      )}
      {report?.caveat && (
        <div className="notice notice--warning" role="note">
          <span className="notice__text">{report.caveat}</span>
        </div>
      )}
      <div ref={frame} className="rv-preview" data-testid="review-preview">
        {report && (
          <div className="ex-preview__sheet" style={{ width: paper.width * scale, height: paper.height * scale }}>
            <div style={{ transform: `scale(${scale})`, transformOrigin: 'top left', width: paper.width }}>
              <ReviewPage review={report} clientName={brand.clientName} brandColor={brand.brandColor} paper="letter" />
            </div>
          </div>
        )}
      </div>
    </div>
  )
}
