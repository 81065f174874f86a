import { useCallback, useLayoutEffect, useRef, type CSSProperties } from 'react'
import type { OnePagerBlockId, OnePagerContent, PaperSize } from '@shared/domain/one-pager'
import { printedBlocks } from './block-content'
import { renderBlock, WIDE_BLOCKS } from './OnePagerBlocks'
import {
  fitTypeScale,
  overflowAmount,
  overflowingBlocks,
  PAPER,
  printableHeight,
  shareSpareHeight,
  type MeasuredBlock
} from './page-geometry'
import { Value } from './Value'
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

/** The preview is scaled with a transform; layout sizes are not, so compare in page pixels. */
function previewScaleOf(root: HTMLElement): number {
  return root.offsetWidth > 0 ? root.getBoundingClientRect().width / root.offsetWidth : 1
}

/** How far the blocks reach down the printable area, in page pixels (forces a layout). */
function contentHeight(root: HTMLElement): number {
  const top = root.getBoundingClientRect().top
  let bottom = top
  for (const child of Array.from(root.children)) bottom = Math.max(bottom, child.getBoundingClientRect().bottom)
  return (bottom - top) / previewScaleOf(root)
}

/**
 * Fills the page: the largest type scale at which every block fits (a short scorecard prints
 * larger, a long one smaller, within TYPE_SCALE), then the spare height to the evidence chart's
 * rows and the gaps between blocks. Set as CSS variables straight on the element, synchronously
 * before paint and before the page measures itself, so React never re-renders for it.
 */
function fitToPage(root: HTMLElement, limit: number): void {
  root.style.setProperty('--op-row-extra', '0px')
  root.style.setProperty('--op-gap-extra', '0px')
  const fit = fitTypeScale((scale) => {
    root.style.setProperty('--op-fit', String(scale))
    return contentHeight(root)
  }, limit)
  root.style.setProperty('--op-fit', String(fit))
  const rows = root.querySelectorAll('.op-chart__row').length
  const spare = shareSpareHeight(limit - contentHeight(root), rows, root.children.length - 1, 40 * fit, 22 * fit)
  root.style.setProperty('--op-row-extra', `${spare.row}px`)
  root.style.setProperty('--op-gap-extra', `${spare.gap}px`)
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

  const layout = useCallback(() => {
    const root = contentRef.current
    if (!root) return
    fitToPage(root, limit)
    if (!onMeasure) return
    const box = root.getBoundingClientRect()
    const scale = previewScaleOf(root)
    const blocks: MeasuredBlock[] = Array.from(root.querySelectorAll<HTMLElement>('[data-block]')).map((el) => ({
      id: el.dataset['block'] as OnePagerBlockId,
      bottom: (el.getBoundingClientRect().bottom - box.top) / scale
    }))
    onMeasure({ overflow: overflowingBlocks(blocks, limit), amount: overflowAmount(blocks, limit) })
  }, [onMeasure, limit])

  useLayoutEffect(() => {
    layout()
    const root = contentRef.current
    if (!root) return
    const observer = new ResizeObserver(() => layout())
    observer.observe(root)
    let live = true
    // Inter may arrive after the first layout; its metrics change line breaks.
    void document.fonts.ready.then(() => live && layout())
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
      {renderBlock(id, content)}
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
        <span>
          <Value text={content.document.clientName.trim() || 'Client'} /> · Ideal Customer Profile
        </span>
        <span>
          Figures from {content.evidence.deals.toLocaleString('en-US')} {content.outcomeWords.decided} · ICP Workbench
        </span>
      </footer>
    </article>
  )
}
