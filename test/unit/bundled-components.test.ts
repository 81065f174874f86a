import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_NAME, APP_VERSION } from '@shared/app-info'

// The About dialog's list of bundled components (resources/bundled-components.json) is generated
// from package-lock.json and node_modules by scripts/bundled-components.mjs; it must be current.

const root = join(__dirname, '..', '..')
const list = JSON.parse(readFileSync(join(root, 'resources', 'bundled-components.json'), 'utf8')) as {
  app: { name: string; version: string }
  components: Array<{ name: string; version: string; license: string; note?: string }>
}

describe('the bundled components list', () => {
  it('is what the generator makes from the installed dependencies now', () => {
    const check = spawnSync(process.execPath, [join(root, 'scripts', 'bundled-components.mjs'), '--check'], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('names the app and every runtime dependency with its installed version and a licence', () => {
    expect(list.app).toEqual({ name: APP_NAME, version: APP_VERSION })
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    for (const dependency of Object.keys(pkg.dependencies)) {
      const installed = JSON.parse(readFileSync(join(root, 'node_modules', dependency, 'package.json'), 'utf8')) as {
        name: string
        version: string
      }
      // xlsx is installed under its own name from the maintained @e965/xlsx build.
      const entry = list.components.find((c) => c.name === dependency)
      expect(entry, dependency).toBeDefined()
      expect(entry!.version, dependency).toBe(installed.version)
    }
    for (const component of list.components) {
      expect(component.license, component.name).toMatch(/\S/)
    }
    // Only packages that state no licence at all say so (checked by hand: buffers, via exceljs/unzipper).
    expect(list.components.filter((c) => c.license === 'not stated').map((c) => c.name)).toEqual(['buffers'])
    expect(list.components.map((c) => c.name)).toEqual(expect.arrayContaining(['react', 'better-sqlite3', 'electron', 'Inter (font)']))
    // Development tools are not shipped and not listed.
    for (const devTool of ['vite', 'vitest', 'eslint', 'typescript', '@playwright/test']) {
      expect(
        list.components.some((c) => c.name === devTool),
        devTool
      ).toBe(false)
    }
  })
})
