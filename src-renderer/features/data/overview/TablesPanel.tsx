import { FolderOpen } from 'lucide-react'
import type { TableKind } from '@shared/domain/dataset'
import type { DatasetSummary } from '@shared/domain/import'
import { useDataStore } from '../../../stores/data-store'
import { FilePickerButton } from '../FilePickerButton'
import { JoinPanel } from './JoinPanel'
import { TableCard } from './TableCard'

/** The stored tables, what is still missing, and how deals find their account. */
export function TablesPanel({ summary }: { summary: DatasetSummary }) {
  const startImport = useDataStore((s) => s.startImport)
  const has = (kind: TableKind): boolean => summary.tables.some((t) => t.kind === kind)
  const hasFlat = has('flat')
  const missing: TableKind[] = hasFlat ? [] : (['accounts', 'deals'] as const).filter((k) => !has(k))

  return (
    <div className="stack">
      <div className="table-cards">
        {summary.tables.map((table) => (
          <TableCard key={table.kind} table={table} />
        ))}
        {missing.map((kind) => (
          <div key={kind} className="table-card table-card--missing">
            <p className="table-card__title">{kind === 'accounts' ? 'No accounts table yet' : 'No deals table yet'}</p>
            <p className="muted">
              {kind === 'accounts'
                ? 'Import the accounts export to analyse firmographics, tech stack and triggers per account.'
                : 'Import the deals or opportunities export: outcomes (won/lost) are what the ICP is learned from.'}
            </p>
            <FilePickerButton
              inputLabel={`Choose a ${kind} file`}
              multiple={false}
              className="button button--secondary"
              onFiles={(files) => void startImport(files, kind)}
            >
              <FolderOpen size={16} aria-hidden />
              Import {kind}…
            </FilePickerButton>
          </div>
        ))}
      </div>
      {has('accounts') && has('deals') ? <JoinPanel key={JSON.stringify(summary.join?.settings ?? null)} summary={summary} /> : null}
    </div>
  )
}
