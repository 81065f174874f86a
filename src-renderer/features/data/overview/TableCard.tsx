import { useState } from 'react'
import { Building2, Handshake, RefreshCw, Sheet, Trash2 } from 'lucide-react'
import type { StoredTable } from '@shared/domain/import'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { relativeTime } from '../../../components/format'
import { useDataStore } from '../../../stores/data-store'
import { useOutcomeWords } from '../../../queries/dataset-queries'
import { FORMAT_LABELS, tableKindLabel } from '../data-labels'
import { formatCount } from '../data-format'
import { FilePickerButton } from '../FilePickerButton'

const ICONS = { accounts: Building2, deals: Handshake, flat: Sheet } as const

/** One stored table: where it came from, how big it is, and the two things one does to it. */
export function TableCard({ table }: { table: StoredTable }) {
  const [confirming, setConfirming] = useState(false)
  const { startImport, removeTable } = useDataStore.getState()
  const Icon = ICONS[table.kind]
  const label = tableKindLabel(table.kind, useOutcomeWords())
  const imported = new Date(table.importedAt)

  return (
    <article className="table-card" aria-label={`${label} table`}>
      <header className="table-card__header">
        <span className={`table-card__icon table-card__icon--${table.kind}`} aria-hidden>
          <Icon size={20} />
        </span>
        <div className="table-card__heading">
          <h3 className="table-card__title">{label}</h3>
          <p className="table-card__file" title={table.fileName}>
            {table.fileName}
          </p>
        </div>
      </header>
      <dl className="table-card__facts">
        <div>
          <dt>Rows</dt>
          <dd>{formatCount(table.rowCount)}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{formatCount(table.columns.length)}</dd>
        </div>
        <div>
          <dt>{table.sheetName ? 'Sheet' : 'Format'}</dt>
          <dd title={table.sheetName ?? FORMAT_LABELS[table.format]}>{table.sheetName ?? table.format.toUpperCase()}</dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd title={imported.toLocaleString()}>{relativeTime(table.importedAt)}</dd>
        </div>
      </dl>
      <footer className="table-card__actions">
        <FilePickerButton
          inputLabel={`Choose a new file for the ${label.toLowerCase()} table`}
          multiple={false}
          className="button button--secondary button--small"
          onFiles={(files) => void startImport(files, table.kind)}
        >
          <RefreshCw size={14} aria-hidden />
          Refresh from a new file…
        </FilePickerButton>
        <button type="button" className="button button--ghost-danger button--small" onClick={() => setConfirming(true)}>
          <Trash2 size={14} aria-hidden />
          Remove
        </button>
      </footer>
      {confirming ? (
        <ConfirmDialog
          title={`Remove the ${label.toLowerCase()} table?`}
          confirmLabel="Remove table"
          danger
          onConfirm={() => void removeTable(table.kind)}
          onClose={() => setConfirming(false)}
        >
          <p>
            {formatCount(table.rowCount)} rows from <strong>{table.fileName}</strong> will be removed from this workspace, with the column
            settings made for them. {table.kind === 'flat' ? '' : 'Deals will no longer be linked to accounts. '}
            Hygiene rules, categories and the outcome mapping are kept for the next import.
          </p>
        </ConfirmDialog>
      ) : null}
    </article>
  )
}
