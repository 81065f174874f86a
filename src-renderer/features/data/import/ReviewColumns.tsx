import type { ImportPreview } from '@shared/domain/import'
import { useDataStore } from '../../../stores/data-store'
import { ColumnRow, ColumnTable } from '../ColumnRow'
import { plural } from '../data-format'
import type { ImportDraft } from '../../../stores/import/import-draft'

/** Every column of the staged file with the guesses the user can correct before anything is saved. */
export function ReviewColumns({
  preview,
  draft,
  pendingColumn
}: {
  preview: ImportPreview
  draft: ImportDraft
  pendingColumn: number | null
}) {
  const { setColumnType, setColumnRole, setColumnCategory, setColumnLevel } = useDataStore.getState()
  const unreadable = preview.columns.filter((c) => c.unparsedCount > 0).length
  return (
    <section className="panel" aria-labelledby="review-columns-title">
      <header className="panel__header">
        <h3 id="review-columns-title">Columns</h3>
        <p className="panel__hint">
          {plural(preview.columns.length, 'column')}. Types and roles were guessed from the values; correct any guess here.
          {unreadable > 0 ? ` ${plural(unreadable, 'column')} ${unreadable === 1 ? 'has' : 'have'} values that could not be read.` : ''}
        </p>
      </header>
      <ColumnTable label="Columns of the file">
        {preview.columns.map((profile) => {
          const setting = draft.columns[profile.index]
          if (!setting) return null
          return (
            <ColumnRow
              key={profile.index}
              profile={profile}
              setting={setting}
              pending={pendingColumn === profile.index}
              onType={(index, type, dateOrder) => void setColumnType(index, type, dateOrder)}
              onRole={setColumnRole}
              onCategory={setColumnCategory}
              onLevel={setColumnLevel}
            />
          )
        })}
      </ColumnTable>
    </section>
  )
}
