import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8'
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Reads a file of the built renderer. Paths are decoded and normalised first, and anything that
 * would resolve outside the renderer folder is treated as not found.
 */
export async function readStaticFile(rendererDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relativePath = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^[/\\]+/, '')
  const root = resolve(rendererDir)
  const file = resolve(join(root, relativePath))
  if (file !== root && !file.startsWith(root + sep)) return null
  try {
    const body = await readFile(file)
    return { body, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
