import { useEffect, useRef, useState } from 'react'
import { isReviewPrint, type PrintContent } from '@shared/domain/print'
import {
  isPrintSearch,
  PRINT_CONTENT_EVENT,
  PRINT_CONTENT_GLOBAL,
  PRINT_OVERFLOW_ATTRIBUTE,
  PRINT_STATE_ATTRIBUTE
} from '@shared/export/print-route'
import { ReviewPage } from '../simulate/review/ReviewPage'
import { OnePagerPage } from './one-pager/OnePagerPage'

type PrintWindow = Window & { [PRINT_CONTENT_GLOBAL]?: PrintContent }

/** True when this page was opened as the print route (index.html?print=1). */
export function isPrintRoute(location: Location): boolean {
  return isPrintSearch(location.search)
}

/**
 * The print route: the one-pager alone, with the content the host hands in (set before load, or
 * set after load with an event; a host that keeps the page open for the next export sends new
 * content the same way). When fonts and images are in and the page is measured, <html> says so,
 * with what overflows, for the host to read before it prints.
 */
export function PrintRoot() {
  const [content, setContent] = useState<PrintContent | null>(() => (window as PrintWindow)[PRINT_CONTENT_GLOBAL] ?? null)
  /** The content handed in that this page has taken (set before load, or by the event). */
  const taken = useRef<PrintContent | null>(content)
  const [measured, setMeasured] = useState(false)
  /** What runs past the page: the one-pager's block ids, or "review" for the review page. */
  const latest = useRef<{ overflow: readonly string[] } | null>(null)

  useEffect(() => {
    document.body.classList.add('op-print-body')
    const take = () => {
      // Not ready until this content is laid out: the host waits for the attribute to come back.
      document.documentElement.removeAttribute(PRINT_STATE_ATTRIBUTE)
      setMeasured(false)
      taken.current = (window as PrintWindow)[PRINT_CONTENT_GLOBAL] ?? null
      setContent(taken.current)
    }
    window.addEventListener(PRINT_CONTENT_EVENT, take)
    // Content handed in after the first render but before this listener (a host that sends it as
    // soon as the page has loaded) came with an event no one heard: the host would wait for
    // "ready" until it gave up (a 15 s export failure, seen once on a loaded machine).
    if (((window as PrintWindow)[PRINT_CONTENT_GLOBAL] ?? null) !== taken.current) take()
    return () => window.removeEventListener(PRINT_CONTENT_EVENT, take)
  }, [])

  useEffect(() => {
    // The PDF's title, as viewers show it.
    if (!content) return
    document.title = isReviewPrint(content)
      ? `${content.clientName.trim() || content.review.scorecard.name} — 90-day ICP review`
      : `${content.document.clientName.trim() || content.scorecard.name} — ICP one-pager`
  }, [content])

  useEffect(() => {
    if (!content || !measured) return
    let live = true
    const images = Array.from(document.images).map((img) => img.decode().catch(() => undefined))
    void Promise.all([document.fonts.ready, ...images]).then(() => {
      // Two frames, so the page has re-measured after the fonts and images landed.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!live) return
          document.documentElement.setAttribute(PRINT_OVERFLOW_ATTRIBUTE, JSON.stringify(latest.current?.overflow ?? []))
          document.documentElement.setAttribute(PRINT_STATE_ATTRIBUTE, 'ready')
        })
      )
    })
    return () => {
      live = false
    }
  }, [content, measured])

  if (!content) return null
  if (isReviewPrint(content)) {
    return (
      <ReviewPage
        review={content.review}
        clientName={content.clientName}
        brandColor={content.brandColor}
        paper={content.document.paper}
        onMeasure={(overflow) => {
          latest.current = { overflow: overflow ? ['review'] : [] }
          setMeasured(true)
        }}
      />
    )
  }
  return (
    <OnePagerPage
      content={content}
      onMeasure={(m) => {
        latest.current = m
        setMeasured(true)
      }}
    />
  )
}
