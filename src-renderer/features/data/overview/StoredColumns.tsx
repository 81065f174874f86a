import { useState } from 'react'
import type { AttributeLevel, ColumnRole, ColumnType, DateOrder, TableKind } from '@shared/domain/dataset'
import type { DatasetSummary } from '@shared/domain/import'
import { useDataStore } from '../../../stores/data-store'
import { ColumnRow, ColumnTable } from '../ColumnRow'
import { pickTable, TablePicker } from './TablePicker'

/** The stored columns, editable in place: each change is saved at once and every view follows. */
export function StoredColumns({ summary }: { summary: DatasetSummary }) {
  const [wanted, setWanted] = useState<TableKind | null>(null)
  const [pending, setPending] = useState<number | null>(null)
  const setColumn = useDataStore((s) => s.setColumn)
  const setPlaceholder = useDataStore((s) => s.setPlaceholder)
  const table = pickTable(summary.tables, wanted)
  if (!table) return null

  const change = async (
    index: number,
    patch: {
      type?: ColumnType
      role?: ColumnRole
      category?: string | null
      dateOrder?: DateOrder | null
      level?: AttributeLevel
      label?: string | null
    }
  ) => {
    setPending(index)
    await setColumn(table.kind, index, patch)
    setPending(null)
  }
  const placeholder = async (index: number, token: string, missing: boolean) => {
    setPending(index)
    await setPlaceholder(table.kind, index, token, missing)
    setPending(null)
  }

  return (
    <div className="stack">
      <div className="toolbar">
        <TablePicker tables={summary.tables} selected={table.kind} onSelect={setWanted} />
        <p className="toolbar__hint">Changes are saved as you make them and apply to the whole table.</p>
      </div>
      <section className="panel panel--table" aria-label={`Columns of the ${table.kind} table`}>
        <ColumnTable label={`Columns of the ${table.kind} table`}>
          {table.columns.map((profile) => (
            <ColumnRow
              key={`${table.kind}-${profile.index}`}
              profile={profile}
              setting={profile}
              pending={pending === profile.index}
              onType={(index, type, dateOrder) => void change(index, dateOrder === undefined ? { type } : { type, dateOrder })}
              onRole={(index, role) => void change(index, role === 'attribute' ? { role } : { role, category: null })}
              onCategory={(index, category) => void change(index, { category })}
              onLevel={(index, level) => void change(index, { level })}
              onPlaceholder={(index, token, missing) => void placeholder(index, token, missing)}
              onLabel={(index, label) => void change(index, { label: label === '' ? null : label })}
            />
          ))}
        </ColumnTable>
      </section>
    </div>
  )
}
