import { timingSafeEqual } from 'node:crypto'

/**
 * Browser mode listens on loopback only, but any page the user visits can still send requests
 * to 127.0.0.1. Two checks keep those out: the Host header must name our own origin (defeats
 * DNS rebinding) and every API call must carry the random token printed at start.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The backend method named by an API path, e.g. /api/workspace-open -> "workspace-open". */
export function methodFromPath(pathname: string): string | null {
  const match = /^\/api\/([a-z][a-z0-9-]{0,63})$/.exec(pathname)
  return match ? match[1]! : null
}
