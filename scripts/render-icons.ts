/**
 * Renders resources/icon.svg into every icon the app and its installers use, with the Chromium
 * the app prints with (system, else npm's):
 *   resources/icon.png      512 px, the window and dock icon at run time
 *   build/icons/NxN.png     16…1024 px, the Linux icon theme sizes (AppImage, deb)
 *   build/icon.ico          16…256 px, Windows (NSIS installer, .exe, the .icpw file type)
 *   build/icon.icns         16…1024 px incl. @2x, macOS (app bundle, dmg, the .icpw file type)
 * Run by hand when the icon changes: `npm run icons`. The results are committed, so packaging
 * never needs a browser.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from '../src-main/backend/export/chromium-path'
import { ICNS_ENTRIES, ICO_SIZES, icnsFile, icoFile, PNG_SIZES } from './icon-files'

const ROOT = join(__dirname, '..')
const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'), 'utf8')

async function main(): Promise<void> {
  const { executablePath, env } = findChromium()
  const browser = await chromium.launch({ executablePath, args: chromiumArgs('nothing'), ...(env ? { env } : {}) })
  const pngs = new Map<number, Buffer>()
  try {
    const page = await browser.newPage()
    const sizes = [...new Set([...PNG_SIZES, ...ICO_SIZES, ...ICNS_ENTRIES.map((entry) => entry.size)])]
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size })
      // The SVG is drawn at the target size (not a scaled bitmap), so small icons stay crisp.
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`)
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`)
      pngs.set(size, await page.locator('svg').screenshot({ omitBackground: true }))
    }
  } finally {
    await browser.close()
  }
  mkdirSync(join(ROOT, 'build', 'icons'), { recursive: true })
  for (const size of PNG_SIZES) writeFileSync(join(ROOT, 'build', 'icons', `${size}x${size}.png`), pngs.get(size)!)
  writeFileSync(join(ROOT, 'build', 'icon.ico'), icoFile(ICO_SIZES.map((size) => pngs.get(size)!)))
  writeFileSync(join(ROOT, 'build', 'icon.icns'), icnsFile(ICNS_ENTRIES.map((entry) => ({ type: entry.type, png: pngs.get(entry.size)! }))))
  writeFileSync(join(ROOT, 'resources', 'icon.png'), pngs.get(512)!)
  console.log(`Icons written: ${PNG_SIZES.length} PNGs, icon.ico, icon.icns, resources/icon.png`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
