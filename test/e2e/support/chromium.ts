import { existsSync } from 'node:fs'

/** Flags for headless Chromium on a machine with no network: nothing phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** The system Chromium (CHROMIUM_PATH wins); Playwright's own browser download is never used. */
export function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return fromEnv
  const found = CANDIDATES.find((candidate) => existsSync(candidate))
  if (!found) {
    throw new Error('No Chromium found. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.')
  }
  return found
}
