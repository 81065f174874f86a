import { useEffect, useState } from 'react'
import type { ApiErrorShape } from '@shared/contract'
import type { JoinListPage } from '@shared/domain/data-views'
import type { JoinSettings } from '@shared/domain/import'
import { errorShapeOf } from '../../../api/api-client'
import { Pager } from '../../../components/Pager'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useDataStore, type JoinList } from '../../../stores/data-store'

const PAGE = 50
const TITLES: Record<JoinList, string> = {
  'matched-deals': 'Matched deals',
  'unmatched-deals': 'Unmatched deals',
  'accounts-without-deals': 'Accounts without deals'
}

/** One list behind the join report, a page at a time. */
export function JoinListDialog({ list, settings, onClose }: { list: JoinList; settings: JoinSettings; onClose(): void }) {
  const fetchJoinList = useDataStore((s) => s.fetchJoinList)
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<JoinListPage | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)

  useEffect(() => {
    let live = true
    fetchJoinList(list, offset, PAGE).then(
      (next) => {
        if (!live) return
        setPage(next)
        setError(null)
      },
      (failure: unknown) => {
        if (live) setError(errorShapeOf(failure))
      }
    )
    return () => {
      live = false
    }
  }, [fetchJoinList, list, offset])

  const total = page?.total ?? 0
  const accounts = list === 'accounts-without-deals'
  const pager = <Pager offset={offset} total={total} pageSize={PAGE} onChange={setOffset} />
  return (
    <Dialog title={TITLES[list]} width="wide" onClose={onClose} footer={pager}>
      {error ? <ErrorNotice error={error} /> : null}
      {page && page.rows.length === 0 ? <p className="empty-note">Nothing in this list.</p> : null}
      {page && page.rows.length > 0 ? (
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">{accounts ? settings.accountsKey : `${settings.dealsKey} on the deal`}</th>
              <th scope="col">{accounts ? 'Account' : 'Deal'}</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row, i) => (
              <tr key={`${row.key}-${i}`}>
                <td className="mono">{row.key || <em className="muted">(blank)</em>}</td>
                <td>{row.name}</td>
                <td className="muted">{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!page && !error ? (
        <p className="empty-note" role="status">
          Loading…
        </p>
      ) : null}
    </Dialog>
  )
}
