import { useMemo } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { columnWidths, VirtualGrid } from '../../../components/VirtualGrid'
import { usePagedRows, type FetchPage } from './use-paged-rows'

/**
 * A grid of any number of rows fetched a page at a time as it scrolls. `fetchPage` must keep
 * its identity for as long as the same rows are shown (mount under a key of what is shown).
 */
export function PagedGrid({ label, fetchPage, loading }: { label: string; fetchPage: FetchPage; loading: string }) {
  const { meta, error, getRow, onRangeChange, sample } = usePagedRows(fetchPage)
  const widths = useMemo(() => (meta ? columnWidths(meta.headers, sample ?? []) : []), [meta, sample])
  if (error) return <ErrorNotice error={error} />
  if (!meta) {
    return (
      <p className="empty-note" role="status">
        {loading}
      </p>
    )
  }
  return (
    <VirtualGrid
      label={label}
      headers={meta.headers}
      rowCount={meta.total}
      getRow={getRow}
      onRangeChange={onRangeChange}
      widths={widths}
      height={520}
    />
  )
}
