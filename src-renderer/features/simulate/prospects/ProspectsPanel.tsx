import { useState } from 'react'
import { FileUp, ListChecks, Target } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import { PROSPECT_SOURCE_NAMES } from '@shared/domain/prospects'
import type { ScorecardSummary } from '@shared/domain/scorecards'
import { errorShapeOf } from '../../../api/api-client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { ScorecardSelect } from '../../../components/ScorecardSelect'
import { Tabs, tabId, tabPanelId } from '../../../components/Tabs'
import { callApi, useApiQuery } from '../../../queries/api-queries'
import { useSimulateStore } from '../../../stores/simulate-store'
import { MappingStep } from './MappingStep'
import { MarketView } from './MarketView'
import { count } from './prospect-words'

type Step = 'mapping' | 'market'

/**
 * A prospect list scored with the ICP: import the list, check how its columns and values map to
 * the scorecard's attributes, then read the findable market and work the call list.
 */
export function ProspectsPanel({ scorecards, desktop }: { scorecards: readonly ScorecardSummary[]; desktop: boolean }) {
  const scorecardId = useSimulateStore((s) => s.scorecardId)
  const summaryQuery = useApiQuery('prospects-summary', {})
  const summary = summaryQuery.data ?? null
  const [step, setStep] = useState<Step>('mapping')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiErrorShape | null>(null)

  async function importList(file: File): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      await callApi('prospects-import', { source: { kind: 'upload', fileName: file.name, bytes } })
      setStep('mapping')
    } catch (e) {
      setError(errorShapeOf(e))
    } finally {
      setBusy(false)
    }
  }

  const picker = (
    <label className={`button ${summary ? 'button--secondary' : 'button--primary'} pr-import`} aria-busy={busy}>
      <FileUp size={16} aria-hidden />
      {busy ? 'Reading…' : summary ? 'Import another list' : 'Import a prospect list'}
      <input
        type="file"
        className="visually-hidden"
        accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void importList(file)
        }}
      />
    </label>
  )

  return (
    <div className="pr-panel">
      <div className="panel pr-controls">
        <ScorecardSelect
          scorecards={scorecards}
          value={scorecardId}
          onChange={(id) => void useSimulateStore.getState().select(id)}
          className="field pr-controls__picker"
        />
        {summary ? (
          <div className="pr-list" data-testid="prospect-list">
            <span className="pr-list__name">{summary.fileName}</span>
            <span className="pr-list__facts">
              {PROSPECT_SOURCE_NAMES[summary.source]} · {count(summary.rowCount)} prospects · imported{' '}
              {new Date(summary.importedAt).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' })}
            </span>
            <span className="pr-list__reason">
              {summary.source === 'plain' ? 'Read as a plain CSV: ' : 'Recognised by '}
              {summary.sourceReason}
            </span>
          </div>
        ) : null}
        <div className="pr-controls__actions">{picker}</div>
      </div>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {summaryQuery.error ? <ErrorNotice error={errorShapeOf(summaryQuery.error)} /> : null}
      {!summary && !summaryQuery.isPending ? (
        <div className="section-intro pr-intro">
          <Target className="section-intro__icon" size={40} strokeWidth={1.5} aria-hidden />
          <p className="section-intro__purpose">
            Score a prospect list — accounts with no deals yet — with the ICP: how many of them fit, which tier, and whom to call first.
            Import an export from Apollo, LinkedIn Sales Navigator or ZoomInfo, or any CSV or spreadsheet of companies. Nothing leaves this
            computer.
          </p>
        </div>
      ) : null}
      {summary && scorecardId !== null ? (
        <>
          <Tabs<Step>
            idPrefix="pr"
            label="Prospect list"
            items={[
              { id: 'mapping', label: '1. Map the list', icon: <ListChecks size={14} aria-hidden /> },
              { id: 'market', label: '2. Market and call list', icon: <Target size={14} aria-hidden /> }
            ]}
            selected={step}
            onSelect={setStep}
          />
          <div role="tabpanel" id={tabPanelId('pr', step)} aria-labelledby={tabId('pr', step)} className="pr-step">
            {step === 'mapping' ? (
              <MappingStep scorecardId={scorecardId} summary={summary} onDone={() => setStep('market')} />
            ) : (
              <MarketView scorecardId={scorecardId} desktop={desktop} />
            )}
          </div>
        </>
      ) : null}
    </div>
  )
}
