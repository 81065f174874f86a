import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The project folder (the one holding package.json), found from this file's own folder. The
 * code runs from its TypeScript source (tests, scripts) and from the bundle in out/main, where
 * rollup may place it in out/main/chunks/: counting "../" would be right for only one of them.
 */
export function appRoot(): string {
  let dir = __dirname
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No package.json above ${__dirname}.`)
    dir = parent
  }
  return dir
}

/** The built renderer: served by browser mode, printed by the one-pager's Chromium. */
export const builtRendererDir = (): string => join(appRoot(), 'out', 'renderer')

/** Whether this code is the TypeScript source (under tsx or Vitest) rather than the bundle. */
export const runningFromSource = (): boolean => __filename.endsWith('.ts')
