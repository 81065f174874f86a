import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { SimulatePage } from './pages/simulate-page'

/** Serious or critical colour-contrast failures on the page as it is now, summarised for the message. */
async function contrastFailures(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withRules(['color-contrast'])
    // The one-pager preview is a scaled sheet of paper with its own (always light) colours.
    .exclude('[data-testid="one-pager-preview"]')
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').pop() ?? ''}`))
}

async function useTheme(page: Page, theme: 'System' | 'Light' | 'Dark', expected: 'light' | 'dark'): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', expected)
}

async function expectReadableInBothThemes(page: Page, view: string): Promise<void> {
  await useTheme(page, 'Dark', 'dark')
  expect(await contrastFailures(page), `${view}, dark`).toEqual([])
  await useTheme(page, 'Light', 'light')
  expect(await contrastFailures(page), `${view}, light`).toEqual([])
  await useTheme(page, 'Dark', 'dark')
}

test('the theme follows the system, persists, and every section keeps readable contrast in light and dark', async ({
  page,
  host,
  startPage,
  workspacePage
}) => {
  // Fourteen axe scans take ~45 s on an idle 2-core machine and several times that on a busy
  // one: the default made this a test of the machine's load.
  test.setTimeout(360_000)
  await page.emulateMedia({ colorScheme: 'dark' })
  await startPage.goto(host.url)
  // System is the default, and follows the operating system live.
  await expect(page.getByRole('radio', { name: 'System' })).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')

  // A chosen theme outlives a reload, whatever the system says.
  await useTheme(page, 'Dark', 'dark')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true')
  await expectReadableInBothThemes(page, 'start screen')

  await page.getByRole('button', { name: /Open the sample workspace/ }).click()
  await workspacePage.expectOpen('Sample — Stackwise')
  await expect(page.getByRole('tab', { name: /Tables/ })).toBeVisible()
  await expectReadableInBothThemes(page, 'Data')

  await workspacePage.goTo('Discover')
  await expect(page.getByRole('figure', { name: 'Information value by attribute' })).toBeVisible({ timeout: 30_000 })
  await expectReadableInBothThemes(page, 'Discover')

  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()
  await expectReadableInBothThemes(page, 'Simulate')
  await simulate.showView('Compare')
  await expect(page.getByText(/against .* on [\d,]+ closed deals/)).toBeVisible({ timeout: 30_000 })
  await expectReadableInBothThemes(page, 'Simulate, Compare')

  await workspacePage.goTo('Scorecards')
  await expect(page.getByRole('button', { name: 'More points' }).first()).toBeVisible({ timeout: 30_000 })
  await expectReadableInBothThemes(page, 'Scorecards')

  await workspacePage.goTo('Export')
  await expect(page.getByTestId('one-pager-preview')).toBeVisible()
  await expectReadableInBothThemes(page, 'Export')
  // The one-pager is paper: it stays light in the dark theme.
  const sheet = page.getByTestId('one-pager-preview').locator('.op-page').first()
  await expect(sheet).toHaveCSS('background-color', 'rgb(255, 255, 255)')
})
