import { ChevronLeft, ChevronRight } from 'lucide-react'

const count = (n: number): string => n.toLocaleString('en-US')

/** "1–50 of 1,234" with Previous and Next: the footer of every paged list. */
export function Pager({
  offset,
  total,
  pageSize,
  onChange
}: {
  offset: number
  total: number
  pageSize: number
  onChange(offset: number): void
}) {
  return (
    <div className="pager">
      <span className="pager__range" role="status">
        {total > 0 ? `${count(offset + 1)}–${count(Math.min(total, offset + pageSize))} of ${count(total)}` : ''}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        <ChevronLeft size={14} aria-hidden />
        Previous
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset + pageSize >= total}
        onClick={() => onChange(offset + pageSize)}
      >
        Next
        <ChevronRight size={14} aria-hidden />
      </button>
    </div>
  )
}
