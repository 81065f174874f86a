// Renders resources/icon.svg to resources/icon.png (the window and dock icon) with the
// Chromium that the end-to-end tests use. Run by hand when the icon changes.
import { chromium } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './build-if-stale.mjs'

const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 512, height: 512 } })
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
await page.locator('svg').screenshot({ path: join(ROOT, 'resources', 'icon.png'), omitBackground: true })
await browser.close()
