// Lists the components the app ships (the runtime dependencies and everything they pull in, the
// Electron runtime, the Inter font) with version and licence, for the About dialog. Read from
// package-lock.json and node_modules only — never the network. Platform-only binaries (optional
// packages restricted by os/cpu) are left out so the list is the same on every machine.
//   node scripts/bundled-components.mjs          writes resources/bundled-components.json
//   node scripts/bundled-components.mjs --check  exits 1 when the file is out of date
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const OUTPUT = join(ROOT, 'resources', 'bundled-components.json')

function licenseOf(entry, folder) {
  if (typeof entry.license === 'string') return entry.license
  const manifest = join(ROOT, folder, 'package.json')
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'))
    if (typeof pkg.license === 'string') return pkg.license
    if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type
    if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ')
  }
  return 'not stated'
}

export function bundledComponents() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))
  const seen = new Map()
  const add = (name, version, license, note) => {
    const key = `${name}@${version}`
    if (!seen.has(key)) seen.set(key, { name, version, license, ...(note ? { note } : {}) })
  }
  for (const [folder, entry] of Object.entries(lock.packages)) {
    if (!folder.startsWith('node_modules/') || entry.dev || entry.link) continue
    if (entry.optional && (entry.os || entry.cpu)) continue
    const name = folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length)
    add(name, entry.version, licenseOf(entry, folder))
  }
  const electron = lock.packages['node_modules/electron']
  if (electron) add('electron', electron.version, electron.license ?? 'MIT', 'the desktop runtime (Chromium and Node.js)')
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const components = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  components.push({ name: 'Inter (font)', version: '4', license: 'OFL-1.1', note: 'resources/fonts' })
  return { app: { name: pkg.productName, version: pkg.version }, components }
}

export function renderBundledComponents() {
  return `${JSON.stringify(bundledComponents(), null, 1)}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderBundledComponents()
  if (process.argv.includes('--check')) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : ''
    if (current !== text) {
      console.error('resources/bundled-components.json is out of date: run "node scripts/bundled-components.mjs".')
      process.exit(1)
    }
  } else {
    writeFileSync(OUTPUT, text)
    console.log(`Wrote ${OUTPUT} (${bundledComponents().components.length} components).`)
  }
}
