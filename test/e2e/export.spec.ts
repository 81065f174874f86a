import { readFileSync } from 'node:fs'
import { readPdf } from '../support/pdf'
import { test, expect } from './support/fixtures'
import { ExportPage } from './pages/export-page'
import { SimulatePage } from './pages/simulate-page'

test('Export: edit the one-pager beside its preview, keep the edits, download the PDF', async ({
  page,
  host,
  startPage,
  workspacePage,
  foreignRequests
}, testInfo) => {
  await startPage.openSampleAt(host.url)
  // The sample has no scorecard until one is suggested.
  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()

  const exporter = new ExportPage(page)
  await exporter.open()
  await expect(exporter.preview).toContainText('Who we win with')
  await expect(exporter.preview).toContainText('Evidence from closed deals')

  // An edit shows in the page as it is typed.
  await exporter.clientName.fill('Northwind Analytics')
  await expect(exporter.preview.getByRole('heading', { name: 'Northwind Analytics' })).toBeVisible()

  // Hide a block: it leaves the page.
  await exporter.blockToggle('Evidence').uncheck()
  await expect(exporter.preview).not.toContainText('Evidence from closed deals')

  // Reorder with a button, then by keyboard drag (Space, arrow, Space) on a handle.
  expect((await exporter.blockOrder()).slice(0, 4)).toEqual(['header', 'statement', 'definition', 'scorecard'])
  await exporter.moveButton('Scorecard and tiers', 'up').click()
  await expect.poll(() => exporter.blockOrder().then((o) => o.slice(0, 4))).toEqual(['header', 'statement', 'scorecard', 'definition'])
  await exporter.dragHandle('ICP statement').focus()
  // dnd-kit measures the list after the pick-up and after each move; give it a frame or two.
  await page.keyboard.press('Space')
  await page.waitForTimeout(200)
  await page.keyboard.press('ArrowDown')
  await page.waitForTimeout(300)
  await page.keyboard.press('Space')
  await expect.poll(() => exporter.blockOrder().then((o) => o.slice(0, 4))).toEqual(['header', 'scorecard', 'statement', 'definition'])
  await exporter.expectSaved()

  // Every edit was saved as it happened: a reload finds them.
  await page.reload()
  await workspacePage.expectOpen('Sample — Stackwise')
  await exporter.open()
  await expect(exporter.clientName).toHaveValue('Northwind Analytics')
  await expect(exporter.blockToggle('Evidence')).not.toBeChecked()
  expect((await exporter.blockOrder()).slice(0, 4)).toEqual(['header', 'scorecard', 'statement', 'definition'])
  await expect(exporter.preview.getByRole('heading', { name: 'Northwind Analytics' })).toBeVisible()
  await expect(exporter.overflowWarning).toHaveCount(0)

  // The PDF downloads as one page with the client's name.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), exporter.downloadPdf.click()])
  expect(download.suggestedFilename()).toBe('Northwind Analytics - ICP one-pager.pdf')
  const file = testInfo.outputPath('one-pager.pdf')
  await download.saveAs(file)
  const pdf = await readPdf(readFileSync(file))
  expect(pdf.pages).toBe(1)
  expect(pdf.text).toContain('Northwind Analytics')
  await expect(page.getByRole('status').filter({ hasText: /Downloaded/ })).toBeVisible()
  expect(foreignRequests).toEqual([])
})
