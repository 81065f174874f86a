import type { DatasetSummary } from '@shared/domain/import'
import { useDataStore } from '../../../stores/data-store'
import { OutcomeMappingTable } from '../OutcomeMappingTable'
import { useOutcomeWords } from '../../../queries/dataset-queries'

/** The saved outcome mapping; a change re-counts won, lost and open at once. */
export function OutcomesPanel({ summary }: { summary: DatasetSummary }) {
  const setOutcome = useDataStore((s) => s.setOutcome)
  const { records } = useOutcomeWords()
  const outcomeColumn = summary.tables
    .filter((t) => t.kind !== 'accounts')
    .flatMap((t) => t.columns)
    .find((c) => c.role === 'outcome')

  return (
    <section className="panel" aria-labelledby="outcomes-title">
      <header className="panel__header">
        <h3 id="outcomes-title">Outcome mapping</h3>
        <p className="panel__hint">
          {outcomeColumn ? (
            <>
              What each value of <strong>{outcomeColumn.name}</strong> means. Changes are saved at once.
            </>
          ) : (
            'No column has the role Outcome (won/lost). Set it on the deals column that holds the stage or status, under Columns.'
          )}
        </p>
      </header>
      {summary.outcomeMapping.length > 0 ? (
        <OutcomeMappingTable
          entries={summary.outcomeMapping}
          records={records}
          onChange={(value, outcome) => void setOutcome(value, outcome)}
        />
      ) : (
        <p className="empty-note">There are no outcome values to map yet.</p>
      )}
    </section>
  )
}
