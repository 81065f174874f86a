import { useState } from 'react'
import type { ScorecardCheck } from '@shared/domain/discover'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { errorShapeOf } from '../../api/api-client'
import { useScorecardCheck } from '../../queries/discover-queries'
import { useDiscoverStore } from '../../stores/discover-store'
import { fixed } from './discover-format'
import { ScorecardSelect } from '../../components/ScorecardSelect'
import { useScorecardPicker } from '../../queries/scorecard-queries'

type Kind = ScorecardCheck['findings'][number]['kind']

const KIND_TITLES: Record<Kind, string> = {
  'wrong-sign': 'Points that contradict the data',
  'no-signal': 'Criteria on attributes with no signal',
  'left-out': 'Strong attributes left out',
  budget: 'Budgets far from the evidence'
}
const KINDS: readonly Kind[] = ['wrong-sign', 'no-signal', 'left-out', 'budget']

/** Checks a hand-made scorecard against the evidence; re-weights are saved only when the user accepts. */
export function CheckPanel() {
  const scorecards = useScorecardPicker()
  const target = useDiscoverStore((s) => s.target)
  const checkedId = useDiscoverStore((s) => s.checkedId)
  const check = useScorecardCheck(checkedId, target)
  const applyError = useDiscoverStore((s) => s.errors.check ?? null)
  const [picked, setPicked] = useState<number | null>(null)
  const [confirming, setConfirming] = useState(false)
  const { checkScorecard, applyProposal, dismiss } = useDiscoverStore.getState()
  const id = picked ?? checkedId ?? scorecards[0]?.id ?? null
  const result = check.data ?? null
  const error = applyError ?? (check.error ? errorShapeOf(check.error) : null)
  const name = scorecards.find((s) => s.id === checkedId)?.name ?? 'the scorecard'

  return (
    <section className="panel" aria-labelledby="check-title">
      <header className="panel__header">
        <h3 id="check-title">Check a scorecard</h3>
        <p className="panel__hint">
          Compare a hand-made scorecard with the evidence: wrong signs, weak criteria, strong attributes left out.
        </p>
      </header>
      {scorecards.length === 0 ? (
        <p className="empty-note">No scorecard yet in this workspace.</p>
      ) : (
        <div className="inline-form">
          <ScorecardSelect scorecards={scorecards} value={id} onChange={setPicked} className="field inline-form__grow" />
          <button
            type="button"
            className="button button--secondary"
            disabled={id === null || check.isFetching}
            onClick={() => {
              if (id === null) return
              // The same scorecard again: ask afresh (the answer is also refetched after every change).
              if (id === checkedId) void check.refetch()
              else checkScorecard(id)
            }}
          >
            {check.isFetching ? 'Checking…' : 'Check'}
          </button>
        </div>
      )}
      {error ? <ErrorNotice error={error} onDismiss={applyError ? () => dismiss('check') : undefined} /> : null}
      {result ? (
        <div className="check-result">
          <dl className="auc-pair">
            <div>
              <dt>AUC now</dt>
              <dd>{fixed(result.aucNow, 3)}</dd>
            </div>
            <div>
              <dt>AUC with re-weights</dt>
              <dd>{fixed(result.aucProposed, 3)}</dd>
            </div>
          </dl>
          {result.findings.length === 0 ? (
            <p className="muted">Nothing to flag: the points agree with the data.</p>
          ) : (
            KINDS.filter((k) => result.findings.some((f) => f.kind === k)).map((k) => (
              <div key={k} className="finding-group">
                <h4>{KIND_TITLES[k]}</h4>
                <ul>
                  {result.findings
                    .filter((f) => f.kind === k)
                    .map((f, i) => (
                      <li key={`${f.criterionId ?? f.attribute ?? f.category ?? ''}-${i}`}>{f.message}</li>
                    ))}
                </ul>
              </div>
            ))
          )}
          {result.aucNow !== null && result.aucProposed !== null && result.aucProposed <= result.aucNow ? (
            <p className="note">
              The re-weights do not rank these deals better than the current points (AUC {fixed(result.aucProposed, 3)} vs{' '}
              {fixed(result.aucNow, 3)}); keeping the current points is reasonable.
            </p>
          ) : null}
          <div>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              Apply proposed re-weights…
            </button>
          </div>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Apply the proposed re-weights?"
          confirmLabel="Apply re-weights"
          onConfirm={() => result?.proposal && void applyProposal(result.proposal)}
          onClose={() => setConfirming(false)}
        >
          <p>
            The points of <strong>{name}</strong> will be replaced by the proposal (AUC {fixed(result?.aucNow, 3)} →{' '}
            {fixed(result?.aucProposed, 3)}). Save a version in Scorecards first if you want to keep the current points.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
