import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

interface VirtualGridProps {
  label: string
  headers: readonly string[]
  rowCount: number
  /** The row's cells, or undefined while its page is still being fetched. */
  getRow(index: number): readonly string[] | undefined
  /** Told which rows are on screen (plus overscan), so pages can be fetched as the user scrolls. */
  onRangeChange?(first: number, last: number): void
  widths: readonly number[]
  /** Numbers shown in the first column: a file's own row numbers read better than 1, 2, 3. */
  rowNumber?(index: number): number
  height?: number
}

const ROW_HEIGHT = 30
const NUMBER_WIDTH = 64

/** Widths from the header and a sample of values: wide enough to read, never so wide one column owns the screen. */
export function columnWidths(headers: readonly string[], sample: ReadonlyArray<readonly string[]>): number[] {
  return headers.map((header, column) => {
    let longest = header.length + 2
    for (const row of sample.slice(0, 200)) longest = Math.max(longest, (row[column] ?? '').length)
    return Math.round(Math.min(280, Math.max(88, longest * 7.4 + 24)))
  })
}

/**
 * A table of any length: only the rows on screen exist in the DOM, the header stays on top
 * while scrolling, long cells are cut with an ellipsis and shown whole in a tooltip.
 */
export function VirtualGrid({ label, headers, rowCount, getRow, onRangeChange, widths, rowNumber, height = 420 }: VirtualGridProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  const totalWidth = NUMBER_WIDTH + widths.reduce((sum, w) => sum + w, 0)

  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last)
  }, [first, last, onRangeChange])

  const template = `${NUMBER_WIDTH}px ${widths.map((w) => `${w}px`).join(' ')}`

  return (
    <div
      ref={scroller}
      className="vgrid"
      style={{ height: Math.min(height, ROW_HEIGHT * (rowCount + 1) + 2) }}
      role="table"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      tabIndex={0}
    >
      <div className="vgrid__header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width: totalWidth }}>
        <span className="vgrid__cell vgrid__cell--number" role="columnheader">
          Row
        </span>
        {headers.map((header, column) => (
          <span key={column} className="vgrid__cell" role="columnheader" title={header}>
            {header || <em className="muted">(no name)</em>}
          </span>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }} role="rowgroup">
        {items.map((item) => {
          const row = getRow(item.index)
          return (
            <div
              key={item.key}
              className={`vgrid__row${item.index % 2 === 1 ? ' vgrid__row--alt' : ''}`}
              role="row"
              aria-rowindex={item.index + 2}
              style={{ gridTemplateColumns: template, width: totalWidth, transform: `translateY(${item.start}px)` }}
            >
              <span className="vgrid__cell vgrid__cell--number" role="cell">
                {(rowNumber ? rowNumber(item.index) : item.index + 1).toLocaleString()}
              </span>
              {row ? (
                headers.map((_header, column) => {
                  const value = row[column] ?? ''
                  return (
                    <span
                      key={column}
                      className="vgrid__cell"
                      role="cell"
                      title={value.length * 7.2 > (widths[column] ?? 0) - 18 ? value : undefined}
                    >
                      {value}
                    </span>
                  )
                })
              ) : (
                <span className="vgrid__cell vgrid__cell--loading" role="cell">
                  Loading…
                </span>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
