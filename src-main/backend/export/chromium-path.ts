import { accessSync, constants, statSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../app-error'
import { BUNDLED_CHROMIUM_PACKAGE, bundledChromium, bundledChromiumSupported } from './bundled-chromium'

/**
 * Switches that keep Chromium from reaching out on its own. Playwright already turns off much
 * of its background traffic, yet a full Chromium still looks up update.googleapis.com and
 * accounts.google.com after start; mapping every host name to "not found" stops any lookup
 * whatever feature asks for it. Pages are never fetched by name: the printer answers its
 * made-up origin from Playwright's router, which fulfils requests before any lookup.
 *
 * Not taken from @sparticuz/chromium's recommended list: --single-process (unstable with
 * several pages, which the tests open), --disable-web-security and
 * --allow-running-insecure-content (they remove protections this app relies on).
 */
const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-first-run',
  '--no-pings',
  '--disable-quic'
]

/**
 * What the browser may reach: nothing at all (printing), or the app's own host on 127.0.0.1 as
 * well (the end-to-end tests and the latency benchmark drive browser mode there).
 */
export function chromiumArgs(reach: 'nothing' | 'loopback'): string[] {
  const rules = reach === 'nothing' ? 'MAP * ~NOTFOUND' : 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
  // Printing lays text out without hinting: a headless build that hints rounds each glyph's
  // advance to whole pixels, and the PDF then reads "Account s wit h" on the page and in search.
  const print = reach === 'nothing' ? ['--font-render-hinting=none'] : []
  return [...QUIET_ARGS, ...print, `--host-resolver-rules=${rules}`]
}

const SYSTEM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge'
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'
  ]
}

function systemCandidates(): string[] {
  const found = [...(SYSTEM_CANDIDATES[process.platform] ?? [])]
  const local = process.env['LOCALAPPDATA']
  if (process.platform === 'win32' && local) found.push(join(local, 'Google', 'Chrome', 'Application', 'chrome.exe'))
  return found
}

/** A regular file this process may run: a path that merely exists (a /dev/null mounted over it, a folder) is no browser. */
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export interface ChromiumLaunch {
  executablePath: string
  /** The browser's environment, when it needs more than this process's (the bundled build's libraries). */
  env: Record<string, string> | undefined
  source: 'CHROMIUM_PATH' | 'system' | 'bundled'
}

export const NO_CHROMIUM = bundledChromiumSupported()
  ? `Printing the one-pager needs Chromium, and none was found: neither a system Chromium, Google Chrome or Microsoft Edge nor the optional ${BUNDLED_CHROMIUM_PACKAGE} package (run "npm install" without --omit=optional, or set CHROMIUM_PATH to a browser's executable).`
  : 'Printing the one-pager needs Chromium, Google Chrome or Microsoft Edge, and none was found. Install one, or set CHROMIUM_PATH to its executable.'

/**
 * The Chromium to print with and to test in: CHROMIUM_PATH when set, else a system Chromium,
 * Chrome or Edge, else the one npm installed (Linux x64, unpacked on first use). Playwright's
 * own browser download is never used. Throws NOT_SUPPORTED, saying what to do, when there is none.
 */
export function findChromium(): ChromiumLaunch {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) {
    if (!isExecutableFile(fromEnv))
      throw new AppError('NOT_SUPPORTED', `CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`)
    return { executablePath: fromEnv, env: undefined, source: 'CHROMIUM_PATH' }
  }
  const system = systemCandidates().find(isExecutableFile)
  if (system) return { executablePath: system, env: undefined, source: 'system' }
  const bundled = bundledChromium()
  if (!bundled) throw new AppError('NOT_SUPPORTED', NO_CHROMIUM)
  const libraries = [bundled.libraryDir, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':')
  return {
    executablePath: bundled.executablePath,
    env: { ...stringEnv(), LD_LIBRARY_PATH: libraries, FONTCONFIG_FILE: bundled.fontConfig },
    source: 'bundled'
  }
}

function stringEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
