// Regenerates the README screenshots (docs/screenshots/) from the real app in browser mode.
// `--theme dark` takes them in the dark theme, as NAME-dark.png beside the light ones.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildIfStale, ROOT } from './build-if-stale.mjs'

const themeArg = process.argv.indexOf('--theme')
const theme = themeArg === -1 ? 'light' : process.argv[themeArg + 1]
if (theme !== 'light' && theme !== 'dark') throw new Error(`--theme takes light or dark, not ${theme}`)
const suffix = theme === 'dark' ? '-dark' : ''

buildIfStale({ quiet: true })
const data = mkdtempSync(join(tmpdir(), 'icp-shots-'))
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
const out = join(ROOT, 'docs', 'screenshots')
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
})
// A failed step must not leave the host running (the script would never exit).
process.on('unhandledRejection', (error) => {
  console.error(error)
  host.kill()
  process.exit(1)
})
// The app's theme setting starts at System, which follows the colour scheme emulated here.
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: theme })
await page.goto(url)
for (const name of ['Northwind Analytics — Q3 ICP', 'Globex — Adjacent ICP']) {
  await page.getByRole('button', { name: /New workspace/ }).click()
  await page.getByLabel('Workspace name').fill(name)
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await page.getByRole('button', { name: /Close workspace/ }).click()
}
await page.screenshot({ path: join(out, `start-screen${suffix}.png`) })
await page.getByRole('button', { name: 'Open Northwind Analytics — Q3 ICP' }).click()
await page.getByRole('button', { name: /^Discover/ }).click()
await page.waitForTimeout(600)
await page.screenshot({ path: join(out, `discover-empty${suffix}.png`) })
await page.getByRole('button', { name: /^Scorecards/ }).click()
await page.waitForTimeout(200)
await page.screenshot({ path: join(out, `workspace${suffix}.png`) })
await page.getByRole('button', { name: /Close workspace/ }).click()
await page.getByRole('button', { name: /Open the sample workspace/ }).click()
await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor()
await page.getByRole('tab', { name: /Tables/ }).waitFor()
await page.waitForTimeout(500)
await page.screenshot({ path: join(out, `data-overview${suffix}.png`) })
await page.getByRole('tab', { name: /Columns/ }).click()
await page.waitForTimeout(500)
await page.screenshot({ path: join(out, `data-columns${suffix}.png`) })
await page.getByRole('button', { name: /^Discover/ }).click()
await page
  .getByText(/Information value/i)
  .first()
  .waitFor()
await page.waitForTimeout(800)
await page.screenshot({ path: join(out, `discover${suffix}.png`) })
await page.getByRole('button', { name: /^Suggest a scorecard/ }).click()
await page.getByText(/Saved as/).waitFor()
await page.getByRole('button', { name: /^Scorecards/ }).click()
await page.waitForTimeout(1500)
await page.screenshot({ path: join(out, `scorecards${suffix}.png`) })
// Alt+4, not the button: the editor's live-figures strip has a "Simulate" button too.
await page.keyboard.press('Alt+4')
await page.getByRole('heading', { name: 'Simulate', level: 1 }).waitFor()
await page.getByRole('group', { name: 'Deals passing' }).waitFor()
await page.getByLabel('Threshold value').fill('55')
await page.keyboard.press('Enter')
await page.waitForTimeout(1500)
await page.screenshot({ path: join(out, `simulate${suffix}.png`) })
await page.getByRole('button', { name: /^Export/ }).click()
await page.getByTestId('one-pager-preview').waitFor()
const fill = (name, text) => page.getByRole('textbox', { name, exact: true }).fill(text)
await fill('Client name', 'Northwind Analytics')
await fill('Prepared by', 'Dana Reyes, Fractional RevOps')
await fill('Economic buyer', 'VP Sales or CRO: owns the pipeline number and the tooling budget.')
await fill('Champion', 'The RevOps lead who runs Salesforce and feels the data pain first.')
await fill('Triggers', 'A new funding round; first SDR hires; a new CRO in the last 90 days.')
await fill('Outbound', 'Strong: SDR sequences to RevOps leads.')
await fill('Partners', 'Salesforce consulting partners.')
await fill('Target', 'RevOps leaders at growing FinTech companies.')
await fill('Context', 'Pipeline grows but win rates fall.')
await fill('Cost', 'A third of SDR time goes to accounts that never close.')
await fill('Change', 'A scorecard sales trusts, built from their own deals.')
// With channel fit and messaging written, the Adjacent ICP no longer fits the one page: the
// consultant would hide a block, and so does the screenshot.
await page.getByRole('checkbox', { name: /Core vs Adjacent ICP/ }).uncheck()
await page.locator('#section-title').click()
await page.locator('.main__content').evaluate((el) => el.scrollTo(0, 0))
await page.waitForTimeout(1000)
await page.screenshot({ path: join(out, `export${suffix}.png`) })
await browser.close()
host.kill()
rmSync(data, { recursive: true, force: true })
console.log(`Screenshots written to ${out}`)
