import { writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { generateProspects, writeCsv } from '../../scripts/crm-generator/index'
import { test, expect } from './support/fixtures'
import { SimulatePage } from './pages/simulate-page'

/** Serious or critical axe findings (WCAG 2.0/2.1 A and AA, best practices), as accessibility.spec.ts counts them. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`))
}

test('Simulate › Prospects: a Sales Navigator list is mapped with no input, its unmapped value is mapped by hand, and the market says what it could not judge', async ({
  page,
  host,
  startPage,
  workspacePage
}, testInfo) => {
  const list = generateProspects({ shape: 'sales-navigator', count: 2000, seed: 8 })
  const file = testInfo.outputPath('sales-navigator.csv')
  writeFileSync(file, writeCsv({ headers: list.headers, rows: list.rows }, {}))

  await startPage.goto(host.url)
  await page.getByRole('button', { name: /Open the sample workspace/ }).click()
  await workspacePage.expectOpen('Sample — Stackwise')
  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()
  await simulate.showView('Prospects')
  await expect(page.getByText(/Score a prospect list/)).toBeVisible()

  await page.locator('input[type="file"]').setInputFiles(file)
  await expect(page.getByTestId('prospect-list')).toContainText('LinkedIn Sales Navigator · 2,000 prospects')
  const mapping = page.getByRole('table', { name: 'Attribute mapping' })
  await expect(mapping).toBeVisible({ timeout: 60_000 })
  // Proposed with no input: the industry from "Industry", the size from "Company size".
  await expect(page.getByLabel('List column for Industry')).toHaveValue('Industry')
  await expect(page.getByLabel(/List column for Employees/)).toHaveValue('Company size')
  // "Financial Services" is not FinTech without the consultant saying so: shown unmapped, first.
  const financial = page.getByLabel('Workspace value for Financial Services')
  await expect(financial).toHaveValue('')
  await expect(page.getByRole('note').filter({ hasText: 'did not map' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('mapping.png'), fullPage: true })
  expect(await axeFindings(page), 'the mapping step').toEqual([])

  const fintech = await financial
    .locator('option', { hasText: /fintech/i })
    .first()
    .getAttribute('value')
  await financial.selectOption(fintech!)
  await expect(page.getByLabel('Workspace value for Financial Services')).toHaveValue(fintech!)

  await page.getByRole('button', { name: 'Use this mapping' }).click()
  const market = page.getByTestId('prospect-market')
  await expect(market).toBeVisible({ timeout: 60_000 })
  await expect(page.locator('.pr-headline')).toContainText(/^The ICP as defined finds [\d,]+ of your 2,000 prospects/)
  // Sales Navigator has no revenue, tech stack or funding: named, and counted as unknown.
  await expect(page.locator('.pr-headline')).toContainText('could not be judged on every criterion')
  await expect(market.getByRole('note')).toContainText('Not in this list:')
  await expect(page.getByRole('table', { name: 'Prospects per tier' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Call list' }).getByRole('row')).toHaveCount(51)
  await page.screenshot({ path: testInfo.outputPath('market.png'), fullPage: true })
  expect(await axeFindings(page), 'the market and call list').toEqual([])

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()])
  expect(download.suggestedFilename()).toMatch(/prospects sales-navigator\.csv$/)
})
