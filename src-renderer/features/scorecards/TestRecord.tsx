import { memo, useState } from 'react'
import { Search } from 'lucide-react'
import type { ApiErrorShape } from '@shared/contract'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { api } from '../../api/api'
import { errorShapeOf } from '../../api/api-client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useScorecardStore } from '../../stores/scorecard-store'
import { useOutcomeWords } from '../../queries/dataset-queries'

type Explained = Awaited<ReturnType<typeof explain>>

const EMPTY: Scorecard = { name: '', categories: [], criteria: [], knockouts: [], tiers: [] }

function explain(id: number, query: string) {
  return api().call('scorecard-explain', { id, query, limit: 5 })
}

/** "Test a record": an account's score and tier, and which criteria gave or withheld points. */
export const TestRecord = memo(function TestRecord({ id }: { id: number }) {
  // Read here rather than passed in: the points shown follow each edit, and only this panel re-renders for them.
  const scorecard = useScorecardStore((s) => s.scorecard) ?? EMPTY
  // A churn study's rows are customers: it has no deals to search by.
  const churn = useOutcomeWords().kind === 'retained'
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Explained | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const colorOf = (tier: string): string | undefined => scorecard.tiers.find((t) => t.name === tier)?.color
  const run = async (): Promise<void> => {
    if (!query.trim()) return
    try {
      setError(null)
      setResults(await explain(id, query.trim()))
    } catch (failure) {
      setError(errorShapeOf(failure))
    }
  }

  return (
    <section className="panel sc-test" aria-labelledby="sc-test-title">
      <div className="panel__header">
        <h3 id="sc-test-title">Test a record</h3>
        <p className="panel__hint">
          {churn
            ? 'Search a customer by name or id to see how this scorecard scores it, as in Simulate and every export.'
            : 'Search an account by name or id (or one of its deal ids) to see how this scorecard scores it. An account is scored by its most recent deal, as in Simulate and every export.'}
        </p>
      </div>
      <form
        className="sc-test__form"
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <input
          className="input input--small"
          type="search"
          placeholder="Account name or id"
          aria-label="Account name or id"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button button--secondary button--small" disabled={!query.trim()}>
          <Search size={14} aria-hidden /> Test
        </button>
      </form>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {results?.length === 0 ? <p className="empty-note">No account matches “{query}”.</p> : null}
      {results?.slice(0, 3).map((record) => (
        <article
          key={`${record.accountId}\u0000${record.dealId}`}
          className="sc-record"
          aria-label={`${record.accountName} scores ${record.score}`}
        >
          <header className="sc-record__head">
            <strong>{record.accountName}</strong>
            <span className="sc-record__score">{record.score}</span>
            <span className="sc-record__tier" style={{ background: colorOf(record.tier) ?? 'var(--ink-400)' }}>
              {record.tier}
            </span>
          </header>
          <p className="sc-record__basis">
            {record.deals > 1 ? `Scored by its most recent deal of ${record.deals}` : 'Scored by its deal'}
            {record.dealId ? `, ${record.dealId}` : ''}
          </p>
          <ul className="sc-record__reasons">
            {record.reasons.map((reason) => {
              const criterion = scorecard.criteria.find((c) => c.id === reason.criterionId)
              return (
                <li key={reason.criterionId} className={reason.matched ? 'sc-reason sc-reason--matched' : 'sc-reason'}>
                  <span>{criterion ? describeCondition(criterion) : reason.attribute}</span>
                  <b>
                    {reason.matched
                      ? reason.points > 0
                        ? `+${reason.points}`
                        : reason.points
                      : `0 of ${criterion?.points ?? reason.points}`}
                  </b>
                </li>
              )
            })}
            {record.knockouts.map((name) => (
              <li key={name} className="sc-reason sc-reason--knockout">
                <span>Knocked out: {name}</span>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  )
})
