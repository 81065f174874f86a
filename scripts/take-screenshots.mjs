// Regenerates the README screenshots (docs/screenshots/) from the real app in browser mode.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildIfStale, ROOT } from './build-if-stale.mjs'

buildIfStale({ quiet: true })
const data = mkdtempSync(join(tmpdir(), 'icp-shots-'))
const host = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'web.ts'), '--port', '0', '--data', data], {
  cwd: ROOT,
  env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
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
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
await page.goto(url)
for (const name of ['Northwind Analytics — Q3 ICP', 'Globex — Adjacent ICP']) {
  await page.getByRole('button', { name: /New workspace/ }).click()
  await page.getByLabel('Workspace name').fill(name)
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await page.getByRole('button', { name: /Close workspace/ }).click()
}
await page.screenshot({ path: join(out, 'start-screen.png') })
await page.getByRole('button', { name: 'Open Northwind Analytics — Q3 ICP' }).click()
await page.getByRole('button', { name: /^Discover/ }).click()
await page.waitForTimeout(600)
await page.screenshot({ path: join(out, 'discover-empty.png') })
await page.getByRole('button', { name: /^Scorecards/ }).click()
await page.waitForTimeout(200)
await page.screenshot({ path: join(out, 'workspace.png') })
await page.getByRole('button', { name: /Close workspace/ }).click()
await page.getByRole('button', { name: /Open the sample workspace/ }).click()
await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor()
await page.getByRole('tab', { name: /Tables/ }).waitFor()
await page.waitForTimeout(500)
await page.screenshot({ path: join(out, 'data-overview.png') })
await page.getByRole('tab', { name: /Columns/ }).click()
await page.waitForTimeout(500)
await page.screenshot({ path: join(out, 'data-columns.png') })
await page.getByRole('button', { name: /^Discover/ }).click()
await page.getByText(/Information value/i).first().waitFor()
await page.waitForTimeout(800)
await page.screenshot({ path: join(out, 'discover.png') })
await page.getByRole('button', { name: /^Suggest a scorecard/ }).click()
await page.getByText(/Saved as/).waitFor()
await page.getByRole('button', { name: /^Scorecards/ }).click()
await page.waitForTimeout(1500)
await page.screenshot({ path: join(out, 'scorecards.png') })
await page.getByRole('button', { name: /^Simulate/ }).click()
await page.getByRole('slider', { name: 'Threshold' }).waitFor()
await page.getByLabel('Threshold value').fill('55')
await page.keyboard.press('Enter')
await page.waitForTimeout(1500)
await page.screenshot({ path: join(out, 'simulate.png') })
await browser.close()
host.kill()
rmSync(data, { recursive: true, force: true })
console.log(`Screenshots written to ${out}`)
