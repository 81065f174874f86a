import { fileURLToPath } from 'node:url'
import { relative, resolve, isAbsolute } from 'node:path'

/** Where the desktop app's own pages come from: the built renderer, or the dev server. */
export interface AppOrigin {
  rendererDir: string
  devServerUrl?: string | undefined
}

/** True when `url` is one of the app's own pages or assets. Pure, so it is unit-tested. */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') {
    let file: string
    try {
      file = fileURLToPath(parsed)
    } catch {
      return false
    }
    const rel = relative(resolve(origin.rendererDir), resolve(file))
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  }
  if (origin.devServerUrl) {
    return parsed.origin === new URL(origin.devServerUrl).origin
  }
  return false
}

/**
 * Every request the renderer makes passes through here: the app's own files and in-memory
 * data/blob URLs are allowed (plus DevTools' own pages); anything else, above all the network,
 * is refused and logged.
 */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://')) return true
  return isAppUrl(url, origin)
}

/** Navigation away from the app's page (a dropped link, a stray href) is always refused. */
export function isAllowedNavigation(url: string, origin: AppOrigin): boolean {
  return isAppUrl(url, origin)
}
