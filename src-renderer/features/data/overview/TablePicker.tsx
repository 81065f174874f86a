import type { TableKind } from '@shared/domain/dataset'
import type { StoredTable } from '@shared/domain/import'
import { useOutcomeWords } from '../../../queries/dataset-queries'
import { tableKindLabel } from '../data-labels'
import { formatCount } from '../data-format'

interface TablePickerProps {
  tables: readonly StoredTable[]
  selected: TableKind
  onSelect(kind: TableKind): void
}

/** Which stored table a view shows; radio buttons so arrow keys move between tables. */
export function TablePicker({ tables, selected, onSelect }: TablePickerProps) {
  const outcome = useOutcomeWords()
  return (
    <div className="segmented segmented--tables" role="radiogroup" aria-label="Table">
      {tables.map((table) => (
        <label key={table.kind} className="segmented__option">
          <input type="radio" name="data-table-picker" checked={table.kind === selected} onChange={() => onSelect(table.kind)} />
          <span>
            {tableKindLabel(table.kind, outcome)} <span className="segmented__count">{formatCount(table.rowCount)}</span>
          </span>
        </label>
      ))}
    </div>
  )
}

/** The selected table if it still exists, else the first one (a table can be removed under the view). */
export function pickTable(tables: readonly StoredTable[], wanted: TableKind | null): StoredTable | undefined {
  return tables.find((t) => t.kind === wanted) ?? tables[0]
}
