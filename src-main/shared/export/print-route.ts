/**
 * The print route's protocol, in one place for the renderer page and both printers (Electron's
 * printToPDF, headless Chromium): how the page is opened, how the content is handed in, and how
 * it says it is ready. A name changed on one side only would hang every PDF export.
 */

/** The query parameter that opens index.html as the print route (index.html?print=1). */
export const PRINT_QUERY = { name: 'print', value: '1' } as const
/** The route's search string, for hosts that build a URL. */
export const PRINT_SEARCH = `?${PRINT_QUERY.name}=${PRINT_QUERY.value}`
/** The global the print route reads its content from (set before the page's scripts run, or before the event below). */
export const PRINT_CONTENT_GLOBAL = '__ICP_PRINT_CONTENT__'
/** Fired on the print route's window after the global is set: render this content. */
export const PRINT_CONTENT_EVENT = 'icp-print-content'
/** Set by the print route on <html> to "ready" once fonts are in and the page is measured. */
export const PRINT_STATE_ATTRIBUTE = 'data-print-state'
/** Set with the state: a JSON array of the blocks reaching below the page's bottom margin. */
export const PRINT_OVERFLOW_ATTRIBUTE = 'data-print-overflow'

/** Whether a page's search string opens the print route. */
export function isPrintSearch(search: string): boolean {
  return new URLSearchParams(search).get(PRINT_QUERY.name) === PRINT_QUERY.value
}
