import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { generateCrm, writeCsv } from '../../scripts/crm-generator/index'
import { test, expect } from './support/fixtures'
import { DataPage } from './pages/data-page'
import { ScorecardsPage } from './pages/scorecards-page'
import { SimulatePage } from './pages/simulate-page'

// The full axe rule set (WCAG 2.0/2.1 A and AA plus best practices) on every section and its
// important states, in both themes. Serious and critical findings fail; minor and moderate ones
// are not part of this check.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/** Serious or critical violations on the page as it is now, one line per element. */
async function violations(page: Page, only?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS)
  // A dialog or a panel that just changed is scanned alone: the page behind it was scanned already.
  if (only) builder.include(only)
  // Nothing is excluded: the one-pager preview (light paper in both themes) is held to the same rules.
  const results = await builder.analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`)
    )
}

let files: string
test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'icp-a11y-files-'))
  const crm = generateCrm({ seed: 5, accounts: 120, mess: 'typical', flavor: 'workbook' })
  writeFileSync(join(files, 'deals.csv'), writeCsv(crm.deals, {}))
})
test.afterAll(() => rmSync(files, { recursive: true, force: true }))

for (const theme of ['Light', 'Dark'] as const) {
  test(`no serious or critical axe violations in any section, ${theme.toLowerCase()} theme`, async ({
    page,
    host,
    startPage,
    workspacePage
  }) => {
    // ~2 minutes of axe scans on an idle 2-core machine, several times that on a busy one.
    test.setTimeout(600_000)
    const found: string[] = []
    const scan = async (state: string, only?: string): Promise<void> => {
      for (const line of await violations(page, only)) found.push(`${state}: ${line}`)
    }
    const DIALOG = 'dialog[open]'
    const closeDialog = async (): Promise<void> => {
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
    }

    await startPage.goto(host.url)
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase())
    await scan('start screen')

    await page.getByRole('button', { name: /New workspace/ }).click()
    await expect(page.getByRole('dialog', { name: 'New workspace' })).toBeVisible()
    await scan('New workspace dialog', DIALOG)
    await closeDialog()
    await page.keyboard.press('Control+/')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await scan('Keyboard shortcuts dialog', DIALOG)
    await closeDialog()
    await page.keyboard.press('F1')
    await expect(page.getByRole('dialog', { name: 'About ICP Workbench' })).toBeVisible()
    await scan('About dialog', DIALOG)
    await closeDialog()

    // Data: every tab of the sample's overview.
    await page.getByRole('button', { name: /Open the sample workspace/ }).click()
    await workspacePage.expectOpen('Sample — Stackwise')
    const tabs = page.getByRole('tablist').getByRole('tab')
    await expect(tabs.first()).toBeVisible()
    const tabNames = await tabs.allInnerTexts()
    expect(tabNames.length).toBeGreaterThanOrEqual(6)
    for (let i = 0; i < tabNames.length; i++) {
      await tabs.nth(i).click()
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('tabpanel')).toBeVisible()
      await page.waitForTimeout(300)
      await scan(`Data, ${tabNames[i]?.replace(/\s+/g, ' ').trim()} tab`)
    }

    // Discover, with the top attribute's values open.
    await workspacePage.goTo('Discover')
    await expect(page.getByRole('figure', { name: 'Information value by attribute' })).toBeVisible({ timeout: 30_000 })
    await page.locator('.attr-table__toggle').first().click()
    await expect(page.locator('.attr-table__toggle').first()).toHaveAttribute('aria-expanded', 'true')
    await scan('Discover, attribute open')

    // Scorecards: a suggested scorecard's cards, a palette attribute's values, versions, a tested record.
    const simulate = new SimulatePage(page)
    await simulate.open()
    await simulate.ensureScorecard()
    await scan('Simulate')
    await simulate.bandTable.getByRole('button').first().click()
    await expect(page.getByRole('dialog', { name: /^Deals in / })).toBeVisible()
    await expect(page.getByRole('dialog').getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 })
    await scan("Simulate, a band's deals", DIALOG)
    await closeDialog()
    await simulate.showView('Compare')
    await expect(page.getByText(/against .* on [\d,]+ closed deals/)).toBeVisible({ timeout: 30_000 })
    await scan('Simulate, Compare')
    await simulate.showView('90-day review')
    await page.getByLabel('New deals closed since').fill('2026-01-01')
    await expect(page.getByTestId('review-preview')).toContainText('Drift since it was built', { timeout: 30_000 })
    await scan('Simulate, 90-day review')

    const scorecards = new ScorecardsPage(page)
    await scorecards.open()
    await expect(page.getByRole('button', { name: 'More points' }).first()).toBeVisible({ timeout: 30_000 })
    await scorecards.showValues('Industry')
    await scan('Scorecards, editor with values open')
    await scorecards.palette.getByRole('button', { name: /^Employees,/ }).focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: 'Add Employees' })).toBeVisible()
    await scan('Scorecards, add to a category dialog', DIALOG)
    await closeDialog()
    await scorecards.saveVersion('Workshop')
    await page.getByRole('button', { name: 'Versions', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Versions' })).toBeVisible()
    await scan('Scorecards, versions dialog', DIALOG)
    await closeDialog()
    const search = page.getByLabel('Account name or id')
    await search.fill('a')
    await search.press('Enter')
    await expect(page.locator('.sc-record').first()).toBeVisible({ timeout: 20_000 })
    await scan('Scorecards, tested record', '.sc-test')

    // Export: the editor beside the preview.
    await workspacePage.goTo('Export')
    await expect(page.getByTestId('one-pager-preview')).toBeVisible({ timeout: 30_000 })
    await scan('Export')
    await page.locator('summary', { hasText: 'CRM hand-over' }).click()
    await expect(page.getByRole('radiogroup', { name: 'CRM' })).toBeVisible()
    await expect(page.locator('.crm__table')).toBeVisible({ timeout: 20_000 })
    await scan('Export, CRM hand-over', '.crm')

    // An import under review (a deals file over the sample's deals).
    await workspacePage.goTo('Data')
    const data = new DataPage(page)
    await data.upload([join(files, 'deals.csv')])
    await data.expectReview('deals.csv')
    await scan('Data, import review')

    expect(found, found.join('\n')).toEqual([])
  })
}
