// @vitest-environment happy-dom
/**
 * The print route's handshake with the host that prints it (backend/export/chromium-printer.ts):
 * the host hands in the content and waits for <html data-print-state="ready">. Content handed in
 * after the page's first render but before it listened for the event must still be taken: once,
 * on a loaded machine, an export waited 15 s for a "ready" that never came.
 */
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OnePagerContent } from '@shared/domain/one-pager'
import { PRINT_CONTENT_EVENT, PRINT_CONTENT_GLOBAL, PRINT_STATE_ATTRIBUTE } from '@shared/export/print-route'
import { noEvidenceContent } from '../../src-main/backend/export/no-evidence-content'
import { PrintRoot } from '../../src-renderer/features/export/PrintRoot'

const content = (clientName: string): OnePagerContent =>
  noEvidenceContent({ clientName, date: '2026-01-31', statements: ['Accounts in Texas win more often.'] })

const host = window as unknown as Record<string, unknown>

beforeEach(() => {
  // What a headless page has and happy-dom lacks: the page waits for fonts and watches its size.
  Object.defineProperty(document, 'fonts', { value: { ready: Promise.resolve() }, configurable: true })
  Object.defineProperty(document, 'images', { value: [], configurable: true })
  ;(globalThis as Record<string, unknown>)['ResizeObserver'] ??= class {
    observe(): void {}
    disconnect(): void {}
  }
})

afterEach(() => {
  cleanup()
  delete host[PRINT_CONTENT_GLOBAL]
  document.documentElement.removeAttribute(PRINT_STATE_ATTRIBUTE)
})

async function settled(): Promise<void> {
  // The fonts promise, then two animation frames.
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
}

describe('the print route', () => {
  it('takes content handed in with its event, and says when it is ready', async () => {
    const { container } = render(<PrintRoot />)
    expect(container.textContent).toBe('')
    await act(async () => {
      host[PRINT_CONTENT_GLOBAL] = content('Acme Holdings')
      window.dispatchEvent(new Event(PRINT_CONTENT_EVENT))
    })
    await settled()
    expect(container.textContent).toContain('Acme Holdings')
    expect(document.documentElement.getAttribute(PRINT_STATE_ATTRIBUTE)).toBe('ready')
  })

  it('takes content handed in after its first render but before it listened', async () => {
    // The first read (the first render) finds nothing; the content is there by the time the page
    // listens, and its event has already gone by.
    let reads = 0
    const handed = content('Globex Corporation')
    Object.defineProperty(window, PRINT_CONTENT_GLOBAL, { get: () => (reads++ === 0 ? undefined : handed), configurable: true })
    const { container } = render(<PrintRoot />)
    await settled()
    expect(container.textContent).toContain('Globex Corporation')
    expect(document.documentElement.getAttribute(PRINT_STATE_ATTRIBUTE)).toBe('ready')
  })
})
