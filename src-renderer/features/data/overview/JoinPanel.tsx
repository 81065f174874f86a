import { useId, useState } from 'react'
import { Link2 } from 'lucide-react'
import type { ColumnProfile } from '@shared/domain/dataset'
import type { DatasetSummary, JoinSettings } from '@shared/domain/import'
import { useDataStore, type JoinList } from '../../../stores/data-store'
import { JoinListDialog } from './JoinListDialog'
import { JoinReportView } from './JoinReportView'

/** The column most likely to link the tables: an id beats a name, a name beats nothing. */
function guessKey(columns: readonly ColumnProfile[]): string {
  const byRole = (role: string): ColumnProfile | undefined => columns.find((c) => c.role === role)
  return (byRole('account-id') ?? byRole('account-name') ?? byRole('domain') ?? columns[0])?.name ?? ''
}

/** How deals find their account, and how well that works on this data. */
export function JoinPanel({ summary }: { summary: DatasetSummary }) {
  const ids = useId()
  const setJoin = useDataStore((s) => s.setJoin)
  const accounts = summary.tables.find((t) => t.kind === 'accounts')?.columns ?? []
  const deals = summary.tables.find((t) => t.kind === 'deals')?.columns ?? []
  const saved = summary.join?.settings ?? null
  const [draft, setDraft] = useState<JoinSettings>(
    () => saved ?? { accountsKey: guessKey(accounts), dealsKey: guessKey(deals), mode: 'normalized' }
  )
  const [busy, setBusy] = useState(false)
  const [list, setList] = useState<JoinList | null>(null)
  const changed = !saved || saved.accountsKey !== draft.accountsKey || saved.dealsKey !== draft.dealsKey || saved.mode !== draft.mode

  const apply = async (): Promise<void> => {
    setBusy(true)
    await setJoin(draft)
    setBusy(false)
  }

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <header className="panel__header">
        <h3 id={`${ids}-title`}>How deals find their account</h3>
        <p className="panel__hint">
          Each deal is linked to the account whose key matches. Normalised matching ignores case, spaces, punctuation and web-address forms.
        </p>
      </header>
      <form
        className="join-form"
        onSubmit={(event) => {
          event.preventDefault()
          void apply()
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-accounts`}>
            Key in accounts
          </label>
          <select
            id={`${ids}-accounts`}
            className="select"
            value={draft.accountsKey}
            onChange={(e) => setDraft({ ...draft, accountsKey: e.target.value })}
          >
            {accounts.map((c) => (
              <option key={c.index} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <Link2 className="join-form__link" size={18} aria-hidden />
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-deals`}>
            Key in deals
          </label>
          <select
            id={`${ids}-deals`}
            className="select"
            value={draft.dealsKey}
            onChange={(e) => setDraft({ ...draft, dealsKey: e.target.value })}
          >
            {deals.map((c) => (
              <option key={c.index} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field join-form__mode">
          <legend className="field__label">Matching</legend>
          <div className="segmented">
            {(['exact', 'normalized'] as const).map((mode) => (
              <label key={mode} className="segmented__option">
                <input type="radio" name={`${ids}-mode`} checked={draft.mode === mode} onChange={() => setDraft({ ...draft, mode })} />
                <span>{mode === 'exact' ? 'Exact' : 'Normalised'}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {changed ? (
          <button type="submit" className="button button--primary" disabled={busy || !draft.accountsKey || !draft.dealsKey}>
            {saved ? 'Match with these keys' : 'Match deals to accounts'}
          </button>
        ) : null}
      </form>
      {summary.join ? (
        <JoinReportView report={summary.join} onOpen={setList} />
      ) : (
        <p className="empty-note">Deals are not linked to accounts yet.</p>
      )}
      {list && summary.join ? <JoinListDialog list={list} settings={summary.join.settings} onClose={() => setList(null)} /> : null}
    </section>
  )
}
