import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiErrorShape } from '@shared/contract'
import type { TableRowsPage } from '@shared/domain/data-views'
import { errorShapeOf } from '../../../api/api-client'

const PAGE = 500
/** Pages kept in memory; far ones are dropped so scrolling a million rows stays light. */
const KEEP = 40

export type FetchPage = (offset: number, limit: number) => Promise<TableRowsPage>

/**
 * Rows fetched a page at a time as the grid scrolls. Mount it under a key of what is shown
 * and the data version, so a change to the data starts from a clean cache; `fetchPage` must
 * keep its identity while that key does.
 */
export function usePagedRows(fetchPage: FetchPage) {
  const [pages, setPages] = useState<ReadonlyMap<number, string[][]>>(new Map())
  const [meta, setMeta] = useState<{ total: number; headers: string[] } | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const requested = useRef(new Set<number>())

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return
      requested.current.add(page)
      fetchPage(page * PAGE, PAGE).then(
        (result) => {
          setMeta((current) => current ?? { total: result.total, headers: result.headers })
          setPages((previous) => {
            const next = new Map(previous).set(page, result.rows)
            if (next.size > KEEP) {
              const far = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page)).slice(0, next.size - KEEP)
              for (const key of far) {
                next.delete(key)
                requested.current.delete(key)
              }
            }
            return next
          })
        },
        (failure: unknown) => {
          requested.current.delete(page)
          setError(errorShapeOf(failure))
        }
      )
    },
    [fetchPage]
  )

  useEffect(() => {
    loadPage(0)
  }, [loadPage])

  const onRangeChange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) loadPage(page)
    },
    [loadPage]
  )
  const getRow = useCallback((index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE], [pages])
  const sample = pages.get(0)

  return { meta, error, getRow, onRangeChange, sample }
}
