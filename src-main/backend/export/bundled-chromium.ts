import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { processIsRunning } from '../process-running'

/**
 * The Chromium that npm brings where no system browser exists: @sparticuz/chromium ships a
 * headless build (Linux x64) brotli-compressed inside the package, so `npm install` needs
 * nothing beyond the registry.
 *
 * Its own executablePath() is not used: it unpacks to a fixed /tmp/chromium shared by every
 * version and user, writes the binary in place (two test workers unpacking at once, or a kill
 * mid-write, leave a truncated browser that is then reused forever), and sets up the NSS
 * libraries and the fonts the build needs only when it detects AWS Lambda. Here each version is
 * unpacked into its own folder under a temporary name and renamed into place when complete,
 * with those libraries and fonts always beside it. SwiftShader stays packed: printing runs with
 * the GPU off.
 *
 * The fonts matter even though the one-pager embeds Inter: on a machine with no system font at
 * all, Chromium draws no text, web fonts included (measured: a blank page with its bars only).
 */
export const BUNDLED_CHROMIUM_PACKAGE = '@sparticuz/chromium'

/** Only an x64 Linux build is published in the package. */
export const bundledChromiumSupported = (): boolean => process.platform === 'linux' && process.arch === 'x64'

export interface BundledChromium {
  executablePath: string
  /** The NSS/NSPR/expat libraries the build links against, for LD_LIBRARY_PATH. */
  libraryDir: string
  /** For FONTCONFIG_FILE: the system's fonts where there are any, and the package's Open Sans. */
  fontConfig: string
}

/** The package's folder of compressed files and its version, or null when it is not installed. */
function installedPackage(): { bin: string; version: string } | null {
  let entry: string
  try {
    entry = createRequire(__filename).resolve(BUNDLED_CHROMIUM_PACKAGE)
  } catch {
    return null
  }
  // The entry is build/cjs/index.cjs; the compressed browser is in bin/ at the package root.
  const root = join(dirname(entry), '..', '..')
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  return { bin: join(root, 'bin'), version }
}

/** A per-user cache that survives reboots (unlike /tmp, which may also be mounted noexec). */
function cacheRoot(): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache')
  return join(base, 'icp-workbench')
}

/** The regular files of an uncompressed tar archive (ustar headers, 512-byte blocks). */
export function* tarFiles(tar: Uint8Array): Generator<{ name: string; data: Uint8Array }> {
  const text = (start: number, length: number): string =>
    new TextDecoder().decode(tar.subarray(start, start + length)).replace(/\0.*$/s, '')
  let offset = 0
  while (offset + 512 <= tar.length) {
    if (tar.subarray(offset, offset + 512).every((byte) => byte === 0)) return
    const name = text(offset, 100)
    const prefix = text(offset + 345, 155)
    const size = parseInt(text(offset + 124, 12).trim() || '0', 8)
    const type = tar[offset + 156]
    offset += 512
    // '0' or NUL: a regular file. Directories, links and pax headers are not needed here.
    if (type === 0x30 || type === 0) yield { name: prefix ? `${prefix}/${name}` : name, data: tar.subarray(offset, offset + size) }
    offset += Math.ceil(size / 512) * 512
  }
}

/** Removes what an unpack killed halfway left behind (each is ~190 MB). */
function removeAbandoned(root: string, prefix: string): void {
  for (const entry of readdirSync(root)) {
    const pid = Number(/\.partial-(\d+)-/.exec(entry)?.[1])
    if (entry.startsWith(prefix) && pid && !processIsRunning(pid)) rmSync(join(root, entry), { recursive: true, force: true })
  }
}

function unpack(bin: string, target: string): void {
  const root = dirname(target)
  mkdirSync(root, { recursive: true })
  removeAbandoned(root, `${basename(target)}.partial-`)
  const partial = `${target}.partial-${process.pid}-${Date.now()}`
  try {
    mkdirSync(join(partial, 'lib'), { recursive: true })
    writeFileSync(join(partial, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 })
    for (const file of tarFiles(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))))) {
      writeFileSync(join(partial, 'lib', basename(file.name)), file.data, { mode: 0o755 })
    }
    mkdirSync(join(partial, 'fonts'))
    for (const file of tarFiles(brotliDecompressSync(readFileSync(join(bin, 'fonts.tar.br'))))) {
      if (/\.(ttf|otf)$/i.test(file.name)) writeFileSync(join(partial, 'fonts', basename(file.name)), file.data)
    }
    // The paths are those after the rename below; the package's own fonts.conf names /tmp/fonts.
    writeFileSync(
      join(partial, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${xmlText(join(target, 'fonts'))}</dir>`,
        `  <cachedir>${xmlText(join(target, 'fonts-cache'))}</cachedir>`,
        '</fontconfig>',
        ''
      ].join('\n')
    )
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { recursive: true, force: true })
    // Another process finished the same unpack first: its copy is complete, use it.
    if (!existsSync(join(target, 'chromium'))) throw error
  }
}

const xmlText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function unpacked(dir: string): BundledChromium {
  return { executablePath: join(dir, 'chromium'), libraryDir: join(dir, 'lib'), fontConfig: join(dir, 'fonts.conf') }
}

/**
 * The bundled Chromium, unpacked on first use (a few seconds; later calls find it in place),
 * or null where the package is not installed or has no build for this platform.
 */
export function bundledChromium(): BundledChromium | null {
  if (!bundledChromiumSupported()) return null
  const installed = installedPackage()
  if (!installed) return null
  const folder = `chromium-${installed.version}`
  const preferred = join(cacheRoot(), folder)
  if (existsSync(join(preferred, 'chromium'))) return unpacked(preferred)
  try {
    unpack(installed.bin, preferred)
    return unpacked(preferred)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw error
    // A home folder that cannot be written (some CI users): the system temp folder instead.
    const fallback = join(tmpdir(), `icp-workbench-${process.getuid?.() ?? 'user'}`, folder)
    if (!existsSync(join(fallback, 'chromium'))) unpack(installed.bin, fallback)
    return unpacked(fallback)
  }
}
