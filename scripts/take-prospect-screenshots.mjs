// The README screenshots of Simulate › Prospects (docs/screenshots/prospects-*.png): the sample
// workspace with a suggested scorecard, scoring a generated Apollo list of 18,000 prospects.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildIfStale, ROOT } from './build-if-stale.mjs'

buildIfStale({ quiet: true })
const data = mkdtempSync(join(tmpdir(), 'icp-shots-'))
const lists = mkdtempSync(join(tmpdir(), 'icp-shots-lists-'))
execFileSync(
  process.execPath,
  [
    '--import',
    'tsx',
    join(ROOT, 'scripts', 'generate-crm.ts'),
    '--out',
    lists,
    '--prospects',
    'apollo',
    '--accounts',
    '18000',
    '--seed',
    '12'
  ],
  {
    cwd: ROOT
  }
)
const host = spawn(process.execPath, [join(ROOT, 'out', 'main', 'web.js'), '--port', '0', '--data', data], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit']
})
const url = await new Promise((resolve) => {
  host.stdout.on('data', (chunk) => {
    const match = /listening on (\S+)/.exec(chunk.toString())
    if (match) resolve(match[1])
  })
})
process.on('unhandledRejection', (error) => {
  console.error(error)
  host.kill()
  process.exit(1)
})
const out = join(ROOT, 'docs', 'screenshots')
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
})
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' })
await page.goto(url)
await page.getByRole('button', { name: /Open the sample workspace/ }).click()
await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor()
await page.getByRole('button', { name: /^Discover/ }).click()
await page.getByRole('button', { name: /^Suggest a scorecard/ }).click()
await page.getByText(/Saved as/).waitFor()
await page.keyboard.press('Alt+4')
await page.getByRole('heading', { name: 'Simulate', level: 1 }).waitFor()
await page.getByRole('radio', { name: 'Prospects' }).check()
await page.locator('input[type="file"]').setInputFiles(join(lists, 'prospects-apollo.csv'))
await page.getByRole('table', { name: 'Attribute mapping' }).waitFor({ timeout: 120_000 })
await page.waitForTimeout(800)
await page.locator('.main__content').evaluate((el) => el.scrollTo(0, 0))
await page.screenshot({ path: join(out, 'prospects-mapping.png') })
await page.getByRole('button', { name: 'Use this mapping' }).click()
await page.getByTestId('prospect-market').waitFor({ timeout: 120_000 })
await page.waitForTimeout(800)
await page.locator('.main__content').evaluate((el) => el.scrollTo(0, 0))
await page.screenshot({ path: join(out, 'prospects-market.png') })
await page.getByRole('heading', { name: 'Call list' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
await page.waitForTimeout(300)
await page.screenshot({ path: join(out, 'prospects-call-list.png') })
await browser.close()
host.kill()
console.log('wrote prospects-mapping.png, prospects-market.png, prospects-call-list.png')
