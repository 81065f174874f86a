import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { OnePagerBlockId, OnePagerContent } from '@shared/domain/one-pager'
import { OnePagerPage, type PageMeasure } from './one-pager/OnePagerPage'
import { PAPER, previewScale } from './one-pager/page-geometry'

interface PagePreviewProps {
  content: OnePagerContent
  overflow: readonly OnePagerBlockId[]
  onMeasure(overflow: OnePagerBlockId[], amount: number): void
}

/** The printed page itself, scaled down to fit the space beside the editor (never re-laid out). */
export function PagePreview({ content, overflow, onMeasure }: PagePreviewProps) {
  const frame = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState({ width: 0, height: 0 })
  const paper = PAPER[content.document.paper]

  useLayoutEffect(() => {
    const el = frame.current
    if (!el) return
    // The whole page stays in view: as wide as the column, as tall as the window below the frame.
    const update = () => setBox({ width: el.clientWidth, height: window.innerHeight - el.getBoundingClientRect().top - 24 })
    const observer = new ResizeObserver(update)
    observer.observe(el)
    window.addEventListener('resize', update)
    update()
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', update)
    }
  }, [])

  const measure = useCallback((m: PageMeasure) => onMeasure(m.overflow, m.amount), [onMeasure])
  // Fit the window's height while the page stays legible; below that, the column scrolls.
  const scale = previewScale(content.document.paper, box.width - 2, Math.max(box.height, 0.55 * paper.height))
  return (
    <div ref={frame} className="ex-preview" data-testid="one-pager-preview">
      <div className="ex-preview__sheet" style={{ width: paper.width * scale, height: paper.height * scale }}>
        <div style={{ transform: `scale(${scale})`, transformOrigin: 'top left', width: paper.width }}>
          <OnePagerPage content={content} onMeasure={measure} showOverflow={overflow} />
        </div>
      </div>
    </div>
  )
}
