import { test, expect } from './support/fixtures'
import { DiscoverPage } from './pages/discover-page'

test('Discover shows the planted signal, an attribute with intervals, and a suggested scorecard', async ({ page, host, startPage }) => {
  await startPage.openSampleAt(host.url)

  const discover = new DiscoverPage(page)
  await discover.open()
  await expect(discover.signal).toContainText(/beyond chance|weak/)
  // Deals and the accounts they belong to: account facts are judged on accounts.
  await expect(discover.signal).toContainText(/[\d,]+ deals · [\d,]+ accounts/)
  await expect(discover.signal).toContainText('Base rate')

  // The planted drivers rank near the top (a leak or two may sit above them, flagged).
  const names = (await discover.attributeNames()).slice(0, 6)
  expect(names).toEqual(expect.arrayContaining(['Employees', 'Industry']))
  await expect(page.getByText('Suspected leakage').first()).toBeVisible()
  // The consultant can overrule a flag, and take that back.
  const flagged = page.locator('.attr-table__row--leak').first()
  const flaggedName = await flagged.locator('.attr-table__toggle').innerText()
  await flagged.getByRole('button', { name: 'Use anyway' }).click()
  const overruled = page.locator('.attr-table tr').filter({ hasText: flaggedName }).first()
  await expect(overruled.getByRole('button', { name: 'Restore flag' })).toBeVisible()
  await overruled.getByRole('button', { name: 'Restore flag' }).click()
  await expect(
    page.locator('.attr-table tr').filter({ hasText: flaggedName }).first().getByRole('button', { name: 'Use anyway' })
  ).toBeVisible()

  const values = await discover.expand('Industry')
  await expect(values.getByRole('row')).not.toHaveCount(1)
  // An account fact is counted in accounts, with its deals beside.
  await expect(values.getByRole('columnheader', { name: 'Accounts' })).toBeVisible()
  await expect(values.getByRole('columnheader', { name: 'Deals' })).toBeVisible()
  await expect(values).toContainText('An account fact: rates are of accounts')
  // Every value shows its Wilson interval as "lo% – hi%".
  await expect(values.getByRole('cell', { name: /\d+\.\d% – \d+\.\d%/ }).first()).toBeVisible()
  await expect(page.getByRole('figure', { name: 'Lift by value of Industry, with 95% intervals' })).toBeVisible()

  await discover.suggest('Suggested ICP')
  await expect(discover.suggestAuc).toHaveText(/^0\.\d{3}$/)
  await expect(page.getByText(/Saved as “Suggested ICP” in Scorecards/)).toBeVisible()
  // Measured on deals the fit never saw, and judged against the standard in one sentence.
  await expect(page.getByText(/measured on the [\d,]+ closed on or after it/)).toBeVisible()
  await expect(page.getByText(/^(Meets|Falls short of) the standard on the held-out deals/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Tiers on the held-out deals' })).toBeVisible()
})

test('best customers are defined from success metrics and the cohort is shown', async ({ page, host, startPage }) => {
  await startPage.openSampleAt(host.url)
  const discover = new DiscoverPage(page)
  await discover.open()
  await discover.target('Best customers vs the rest')
  await discover.defineBest('LTV', 20)

  await expect(discover.cohortSize).toContainText(/[\d,]+ best of [\d,]+ won accounts/, { timeout: 30_000 })
  // Then the analysis runs on the best-customer target instead of asking for a definition.
  await expect(page.getByText(/beyond chance/).first()).toBeVisible()
  await expect(page.getByRole('table', { name: 'Cohort members' }).getByRole('row')).not.toHaveCount(1)
})
