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

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
]

export const NO_CHROMIUM =
  'Printing the one-pager needs Chromium or Google Chrome, and none was found. Install it (on Debian/Ubuntu: "apt-get install -y chromium") or set CHROMIUM_PATH to its executable.'

/** The system Chromium (CHROMIUM_PATH wins), or null; Playwright's own browser download is never used. */
export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null
}
