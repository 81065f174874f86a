import { Building2, Columns3, Eraser, Rows3, Table2, Trophy } from 'lucide-react'
import type { DatasetSummary } from '@shared/domain/import'
import { tabPanelId, Tabs, tabId, type TabItem } from '../../../components/Tabs'
import { useApiQuery } from '../../../queries/api-queries'
import { useDataStore, type DataTab } from '../../../stores/data-store'
import { formatCount } from '../data-format'
import { HygienePanel } from '../hygiene/HygienePanel'
import { AccountsPanel } from './AccountsPanel'
import { OutcomesPanel } from './OutcomesPanel'
import { RowsPanel } from './RowsPanel'
import { StoredColumns } from './StoredColumns'
import { SummaryStrip } from './SummaryStrip'
import { TablesPanel } from './TablesPanel'

const PREFIX = 'data'

/** The stored data: the headline numbers, then one tab per job the user does on it. */
export function DataOverview({ summary }: { summary: DatasetSummary }) {
  const tab = useDataStore((s) => s.tab)
  const rules = useApiQuery('hygiene-list', {}).data?.length ?? 0
  const setTab = useDataStore((s) => s.setTab)
  const unmapped = summary.outcomeMapping.filter((e) => e.outcome === null).length
  const items: ReadonlyArray<TabItem<DataTab>> = [
    { id: 'tables', label: 'Tables', icon: <Table2 size={16} aria-hidden />, badge: formatCount(summary.tables.length) },
    ...(summary.dealCount > 0 ? [{ id: 'accounts' as const, label: 'Accounts', icon: <Building2 size={16} aria-hidden /> }] : []),
    { id: 'columns', label: 'Columns', icon: <Columns3 size={16} aria-hidden /> },
    {
      id: 'outcomes',
      label: 'Outcomes',
      icon: <Trophy size={16} aria-hidden />,
      ...(unmapped > 0 ? { badge: <span title={`${unmapped} values not mapped`}>{formatCount(unmapped)} to map</span> } : {})
    },
    { id: 'rows', label: 'Rows', icon: <Rows3 size={16} aria-hidden /> },
    { id: 'hygiene', label: 'Data hygiene', icon: <Eraser size={16} aria-hidden />, badge: formatCount(rules) }
  ]

  return (
    <>
      <SummaryStrip summary={summary} />
      <div className="overview">
        <Tabs idPrefix={PREFIX} label="Data views" items={items} selected={tab} onSelect={setTab} />
        <div className="overview__panel" role="tabpanel" id={tabPanelId(PREFIX, tab)} aria-labelledby={tabId(PREFIX, tab)}>
          {tab === 'tables' ? <TablesPanel summary={summary} /> : null}
          {tab === 'accounts' ? <AccountsPanel /> : null}
          {tab === 'columns' ? <StoredColumns summary={summary} /> : null}
          {tab === 'outcomes' ? <OutcomesPanel summary={summary} /> : null}
          {tab === 'rows' ? <RowsPanel summary={summary} /> : null}
          {tab === 'hygiene' ? <HygienePanel summary={summary} /> : null}
        </div>
      </div>
    </>
  )
}
