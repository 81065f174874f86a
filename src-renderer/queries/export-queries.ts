import { useMemo } from 'react'
import type { OnePagerContent } from '@shared/domain/one-pager'
import { useExportStore } from '../stores/export-store'
import { useApiQuery } from './api-queries'

/**
 * The one-pager of the scorecard Export shows: the stored content (refetched when the scorecard,
 * the data or the document changes, here or in another window) with the consultant's unsaved
 * typing laid over it.
 */
export function useOnePagerContent() {
  const scorecardId = useExportStore((s) => s.scorecardId)
  const draft = useExportStore((s) => s.draft)
  const query = useApiQuery('export-document-get', scorecardId === null ? null : { scorecardId })
  const stored = query.data
  const content = useMemo<OnePagerContent | null>(
    () => (stored ? (draft && draft.scorecardId === scorecardId ? { ...stored, document: draft.document } : stored) : null),
    [stored, draft, scorecardId]
  )
  return { content, error: query.error }
}
