import { test, expect } from './support/fixtures'
import { ExportPage } from './pages/export-page'
import { SimulatePage } from './pages/simulate-page'

// Offline: every request the page makes is routed through here and recorded. Anything not for the
// app's own host is aborted; at the end there must be none at all, and nothing that left 127.0.0.1.

test("a walk through every section makes no request to anything but the app's own host", async ({
  page,
  host,
  startPage,
  workspacePage
}) => {
  test.setTimeout(240_000)
  const own = `${new URL(host.url).origin}/`
  expect(own).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  const seen: string[] = []
  const foreign: string[] = []
  await page.context().route('**/*', async (route) => {
    const url = route.request().url()
    seen.push(url)
    if (url.startsWith(own)) await route.continue()
    else {
      foreign.push(url)
      await route.abort('blockedbyclient')
    }
  })
  // Also what routing does not see: WebSockets, and requests from workers.
  page.on('websocket', (ws) => foreign.push(ws.url()))
  page.context().on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(own) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
  })

  await startPage.goto(host.url)
  await page.getByRole('button', { name: /^About/ }).click()
  const about = page.getByRole('dialog', { name: 'About ICP Workbench' })
  await expect(about).toContainText('This app makes no network connections')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: /Open the sample workspace/ }).click()
  await workspacePage.expectOpen('Sample — Stackwise')
  await workspacePage.goTo('Data')
  await expect(page.locator('#section-title')).toHaveText('Data')
  await workspacePage.goTo('Discover')
  await expect(page.locator('#section-title')).toHaveText('Discover')
  await expect(page.getByRole('button', { name: /Suggest/ }).first()).toBeVisible({ timeout: 30_000 })

  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()
  await simulate.showView('Compare')
  await expect(page.getByRole('radio', { name: 'Compare' })).toBeChecked()

  await workspacePage.goTo('Scorecards')
  await expect(page.getByRole('button', { name: 'More points' }).first()).toBeVisible({ timeout: 30_000 })

  const exporter = new ExportPage(page)
  await exporter.open()
  await expect(exporter.preview).toContainText('Who we win with')
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), exporter.downloadPdf.click()])
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  await download.path()

  // Help → About from the shell (the same command path as the menu item and F1): the component list.
  await page.getByRole('button', { name: 'About ICP Workbench' }).click()
  const dialog = page.getByRole('dialog', { name: 'About ICP Workbench' })
  await dialog.getByText(/^Bundled components \(\d+\)/).click()
  const components = dialog.getByRole('table', { name: 'Bundled components' })
  await expect(components.getByRole('row', { name: /^better-sqlite3 12\.\d+\.\d+ MIT$/ })).toBeVisible()
  await expect(components.getByRole('row', { name: /^react 19\.\d+\.\d+ MIT$/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('F1')
  await expect(dialog).toContainText('This app makes no network connections')

  expect(seen.length).toBeGreaterThan(10)
  expect(seen.filter((url) => !url.startsWith(own) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([])
  expect(foreign).toEqual([])
  // Nothing left the loopback address at all.
  for (const url of seen) {
    if (url.startsWith('http')) expect(new URL(url).hostname, url).toBe('127.0.0.1')
  }
})
