import { useCallback, useState } from 'react'
import type { TableKind } from '@shared/domain/dataset'
import type { DatasetSummary } from '@shared/domain/import'
import { useDatasetVersion } from '../../../queries/dataset-queries'
import { useDataStore } from '../../../stores/data-store'
import { formatCount } from '../data-format'
import { pickTable, TablePicker } from './TablePicker'
import { PagedGrid } from './PagedGrid'

/** The stored rows of one table, scrolled through as far as the user likes. */
export function RowsPanel({ summary }: { summary: DatasetSummary }) {
  const [wanted, setWanted] = useState<TableKind | null>(null)
  const version = useDatasetVersion()
  const table = pickTable(summary.tables, wanted)
  if (!table) return null
  return (
    <div className="stack">
      <div className="toolbar">
        <TablePicker tables={summary.tables} selected={table.kind} onSelect={setWanted} />
        <p className="toolbar__hint">{formatCount(table.rowCount)} rows as imported, with the hygiene rules applied.</p>
      </div>
      <RowsGrid key={`${table.kind}-${version}`} kind={table.kind} />
    </div>
  )
}

function RowsGrid({ kind }: { kind: TableKind }) {
  const fetchRows = useDataStore((s) => s.fetchRows)
  const fetchPage = useCallback((offset: number, limit: number) => fetchRows(kind, offset, limit), [fetchRows, kind])
  return <PagedGrid label={`Rows of the ${kind} table`} fetchPage={fetchPage} loading="Loading rows…" />
}
