import { ErrorNotice } from '../../components/ErrorNotice'
import { errorShapeOf } from '../../api/api-client'
import { COHORT_PAGE, useBestCohort, useBestDefinition } from '../../queries/discover-queries'
import { useDiscoverStore } from '../../stores/discover-store'
import { count, fixed, pct } from './discover-format'
import { METRIC_LABELS } from './metric-labels'

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** Who the definition selects and why: composite and metric values, best first, a page at a time. */
export function BestCohortPanel() {
  const defined = (useBestDefinition().data ?? null) !== null
  const offset = useDiscoverStore((s) => s.cohortOffset)
  const cohort = useBestCohort(offset, defined)
  const { pageCohort } = useDiscoverStore.getState()
  const value = cohort.data ?? null

  return (
    <section className="panel" aria-labelledby="cohort-title">
      <header className="panel__header">
        <h3 id="cohort-title">Best-customer cohort</h3>
        {value ? (
          <p className="panel__hint" data-testid="cohort-size">
            {count(value.cohortSize)} best of {count(value.wonAccounts)} won accounts (
            {pct(value.wonAccounts > 0 ? value.cohortSize / value.wonAccounts : null)}, top {value.definition.topPercent}% by{' '}
            {value.definition.metrics
              .map((m) => `${METRIC_LABELS[m.metric]} ${m.direction === 'higher' ? '↑' : '↓'} ×${m.weight}`)
              .join(', ')}
            )
          </p>
        ) : (
          <p className="panel__hint">
            Not defined yet: use “Define best customers…” to choose the success metrics that make a customer “best”.
          </p>
        )}
      </header>
      {cohort.error ? <ErrorNotice error={errorShapeOf(cohort.error)} /> : null}
      {value && value.missingMetrics.length > 0 ? (
        <p className="note">No column for {value.missingMetrics.map((m) => METRIC_LABELS[m]).join(', ')}: ignored.</p>
      ) : null}
      {value && value.members.length > 0 ? (
        <>
          <div className="scroll-x">
            <table className="list-table cohort-table" aria-label="Cohort members">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col" className="num">
                    Composite
                  </th>
                  {value.definition.metrics.map((m) => (
                    <th key={m.metric} scope="col" className="num">
                      {METRIC_LABELS[m.metric]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {value.members.map((member) => (
                  <tr key={member.accountId}>
                    <th scope="row">{member.accountName}</th>
                    <td className="num">{fixed(member.composite, 3)}</td>
                    {value.definition.metrics.map((m) => {
                      const v = member.metrics.find((x) => x.metric === m.metric)?.value
                      return (
                        <td key={m.metric} className="num">
                          {v === null || v === undefined ? '—' : number.format(v)}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <span className="pager__range">
              {count(offset + 1)}–{count(offset + value.members.length)} of {count(value.total)}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset === 0 || cohort.isFetching}
              onClick={() => pageCohort(offset - COHORT_PAGE)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset + COHORT_PAGE >= value.total || cohort.isFetching}
              onClick={() => pageCohort(offset + COHORT_PAGE)}
            >
              Next
            </button>
          </div>
        </>
      ) : null}
    </section>
  )
}
