import { useCallback, useLayoutEffect, useRef, type CSSProperties } from 'react'
import type { OnePagerBlockId, OnePagerContent, PaperSize } from '@shared/domain/one-pager'
import { printedBlocks } from './block-content'
import { renderBlock, WIDE_BLOCKS } from './OnePagerBlocks'
import { overflowAmount, overflowingBlocks, PAPER, printableHeight, type MeasuredBlock } from './page-geometry'
import './one-pager.css'

export interface PageMeasure {
  overflow: OnePagerBlockId[]
  /** CSS pixels past the printable area. */
  amount: number
}

interface OnePagerPageProps {
  content: OnePagerContent
  paper?: PaperSize
  /** Called after every layout (content, fonts, size) with what runs past the page. */
  onMeasure?(measure: PageMeasure): void
  /** Outlines overflowing blocks and marks where the page ends (the editor's preview). */
  showOverflow?: readonly OnePagerBlockId[]
}

type Segment = { kind: 'wide'; id: OnePagerBlockId } | { kind: 'columns'; ids: OnePagerBlockId[] }

/** Consecutive narrow blocks share a two-column run; a wide block breaks it. */
function segments(ids: readonly OnePagerBlockId[]): Segment[] {
  const result: Segment[] = []
  for (const id of ids) {
    const last = result[result.length - 1]
    if (WIDE_BLOCKS.has(id)) result.push({ kind: 'wide', id })
    else if (last?.kind === 'columns') last.ids.push(id)
    else result.push({ kind: 'columns', ids: [id] })
  }
  return result
}

/**
 * The ICP one-pager exactly as it prints: one page of paper at 96 CSS pixels per inch. The
 * editor shows it scaled; the print route prints it as it is. Always light: it is paper.
 */
export function OnePagerPage({ content, paper = content.document.paper, onMeasure, showOverflow = [] }: OnePagerPageProps) {
  const geometry = PAPER[paper]
  const contentRef = useRef<HTMLDivElement>(null)
  const limit = printableHeight(paper)
  const ids = printedBlocks(content)
  const chartWidth = Math.round((geometry.width - 2 * geometry.margin) * 0.58)

  const measure = useCallback(() => {
    const root = contentRef.current
    if (!root || !onMeasure) return
    const box = root.getBoundingClientRect()
    // The preview is scaled with a transform; layout sizes are not, so compare in page pixels.
    const scale = root.offsetWidth > 0 ? box.width / root.offsetWidth : 1
    const blocks: MeasuredBlock[] = Array.from(root.querySelectorAll<HTMLElement>('[data-block]')).map((el) => ({
      id: el.dataset['block'] as OnePagerBlockId,
      bottom: (el.getBoundingClientRect().bottom - box.top) / scale
    }))
    onMeasure({ overflow: overflowingBlocks(blocks, limit), amount: overflowAmount(blocks, limit) })
  }, [onMeasure, limit])

  useLayoutEffect(() => {
    measure()
    const root = contentRef.current
    if (!root) return
    const observer = new ResizeObserver(() => measure())
    observer.observe(root)
    let live = true
    // Inter may arrive after the first layout; its metrics change line breaks.
    void document.fonts.ready.then(() => live && measure())
    return () => {
      live = false
      observer.disconnect()
    }
  })

  const style = {
    '--op-brand': content.document.brandColor,
    width: `${geometry.width}px`,
    height: `${geometry.height}px`,
    padding: `${geometry.margin}px`
  } as CSSProperties
  const block = (id: OnePagerBlockId) => (
    <div key={id} data-block={id} className={showOverflow.includes(id) ? 'op-block op-block--overflow' : 'op-block'}>
      {renderBlock(id, content, chartWidth)}
    </div>
  )

  return (
    <article className="op-page" style={style} data-paper={paper} aria-label="ICP one-pager">
      <style>{`@page { size: ${geometry.cssSize}; margin: 0; }`}</style>
      <div className="op-bleed" aria-hidden="true" />
      <div ref={contentRef} className="op-content" style={{ height: `${limit}px` }}>
        {segments(ids).map((segment) =>
          segment.kind === 'wide' ? (
            block(segment.id)
          ) : (
            <div key={segment.ids.join('+')} className={segment.ids.length > 1 ? 'op-columns' : 'op-single'}>
              {segment.ids.map(block)}
            </div>
          )
        )}
      </div>
      {showOverflow.length > 0 && <div className="op-page-end" style={{ top: `${geometry.margin + limit}px` }} aria-hidden="true" />}
      <footer className="op-footer" style={{ left: geometry.margin, right: geometry.margin, bottom: geometry.margin / 2 - 6 }}>
        <span>{content.document.clientName.trim() || 'Client'} · Ideal Customer Profile</span>
        <span>Figures from {content.evidence.deals.toLocaleString('en-US')} decided deals · ICP Workbench</span>
      </footer>
    </article>
  )
}
