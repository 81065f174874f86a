/**
 * What the print route prints: the ICP one-pager, or the 90-day review page. Both are handed to
 * the renderer's print route the same way; the review says which it is.
 */

import type { OnePagerContent, PaperSize } from './one-pager'
import type { ReviewReport } from './review'

export interface ReviewPrintContent {
  kind: 'review'
  review: ReviewReport
  /** The client's name, as on the one-pager (the workspace's name until it is set there). */
  clientName: string
  brandColor: string
  document: { paper: PaperSize }
}

export type PrintContent = OnePagerContent | ReviewPrintContent

export function isReviewPrint(content: PrintContent): content is ReviewPrintContent {
  return 'kind' in content && content.kind === 'review'
}
