import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../../../src-main/backend/export/chromium-path'

export { CHROMIUM_ARGS }

/** The system Chromium (CHROMIUM_PATH wins); Playwright's own browser download is never used. */
export function chromiumPath(): string {
  const found = findChromium()
  if (!found) throw new Error(NO_CHROMIUM)
  return found
}
