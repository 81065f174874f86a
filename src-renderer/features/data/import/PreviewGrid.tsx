import { useCallback, useMemo } from 'react'
import type { ImportPreview } from '@shared/domain/import'
import { columnWidths, VirtualGrid } from '../../../components/VirtualGrid'
import { formatCount } from '../data-format'

/** The first rows as the file has them, to check the header row and the columns at a glance. */
export function PreviewGrid({ preview }: { preview: ImportPreview }) {
  const headers = useMemo(() => preview.columns.map((c) => c.name), [preview.columns])
  const widths = useMemo(() => columnWidths(headers, preview.previewRows), [headers, preview.previewRows])
  const getRow = useCallback((index: number) => preview.previewRows[index], [preview.previewRows])
  return (
    <section className="panel" aria-labelledby="preview-title">
      <header className="panel__header">
        <h3 id="preview-title">Preview</h3>
        <p className="panel__hint">
          The first {formatCount(preview.previewRows.length)} of {formatCount(preview.rowCount)} rows, as written in the file.
        </p>
      </header>
      <VirtualGrid
        label="Preview of the file"
        headers={headers}
        rowCount={preview.previewRows.length}
        getRow={getRow}
        widths={widths}
        height={360}
      />
    </section>
  )
}
