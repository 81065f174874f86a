import { readFileSync } from 'node:fs'
import { readPdf } from '../support/pdf'
import { test, expect } from './support/fixtures'
import { SimulatePage } from './pages/simulate-page'

test('Simulate: the 90-day review says when it is too early, reviews the deals since a date, prints one page and records a version', async ({
  page,
  host,
  startPage
}, testInfo) => {
  await startPage.openSampleAt(host.url)
  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()
  await simulate.showView('90-day review')

  // Built on every deal the sample has: no deal closed since, and the screen says so in words.
  const headline = page.locator('.rv-headline')
  await expect(headline).toContainText('Too early to tell. Not enough to go on yet: 0 decided deals closed since')
  await expect(page.getByRole('button', { name: 'Record this review as a version' })).toBeDisabled()

  // The last quarters of the sample as the "new" deals.
  const since = page.getByLabel('New deals closed since')
  await since.fill('2026-01-01')
  await expect(headline).toContainText(/^(Keep|Re-weight|Rebuild)\./, { timeout: 30_000 })
  // The sample's scorecard was fitted on these deals too, and the screen says the review flatters it.
  await expect(page.getByRole('note')).toContainText('include deals it was fitted on: the review flatters it')
  const preview = page.getByTestId('review-preview')
  await expect(preview).toContainText('Tiers: the new deals against the earlier ones')
  await expect(preview).toContainText('Drift since it was built')
  await expect(preview).toContainText('Wins it placed in the lowest tier')
  await page.screenshot({ path: testInfo.outputPath('review.png'), fullPage: true })

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download the review (PDF)' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/ - 90-day review \d{4}-\d{2}-\d{2}\.pdf$/)
  const file = testInfo.outputPath('review.pdf')
  await download.saveAs(file)
  const pdf = await readPdf(readFileSync(file))
  expect(pdf.pages).toBe(1)
  expect(pdf.text).toContain('90-day ICP review')
  expect(pdf.text).toMatch(/Keep|Re-weight|Rebuild/)

  await page.getByRole('button', { name: 'Record this review as a version' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved the version “90-day review of 2026-' })).toBeVisible()

  // The version keeps both periods, and the versions list says so.
  await page.keyboard.press('Alt+3')
  await page.getByRole('button', { name: 'Versions', exact: true }).click()
  const versions = page.getByRole('dialog', { name: 'Versions' })
  await expect(versions.getByRole('listitem').filter({ hasText: '90-day review of 2026-' })).toContainText(
    /Built on deals closed \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2} · reviewed on 2026-\d{2}-\d{2} – 2026-\d{2}-\d{2}/
  )
})
