import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { DataPage } from './pages/data-page'
import { ScorecardsPage } from './pages/scorecards-page'

// Regressions for backend data that one section cached and another section changed: each
// screen must show what is stored now, not what it read on its first visit.

test('a column set to Ignore in Data leaves the Scorecards palette at once, without a reload', async ({
  page,
  host,
  startPage,
  workspacePage
}) => {
  await startPage.goto(host.url)
  await startPage.openSample()

  const scorecards = new ScorecardsPage(page)
  await scorecards.open()
  await scorecards.create('Palette ICP')
  await expect(scorecards.palette.getByRole('button', { name: /^Industry,/ })).toBeVisible()

  const data = new DataPage(page)
  await workspacePage.goTo('Data')
  await data.openTab('Columns')
  await data.pickTable('Accounts')
  await data.roleOf('Industry').selectOption({ label: 'Ignore' })
  await expect(data.roleOf('Industry')).toHaveValue('ignore')

  await scorecards.open()
  await expect(scorecards.palette.getByRole('button', { name: /^Employees,/ })).toBeVisible()
  await expect(scorecards.palette.getByRole('button', { name: /^Industry,/ })).toHaveCount(0)
})

/** The live strip's figures once they have settled (the engine answers after each edit). */
async function liveFigures(page: Page): Promise<string> {
  const live = page.getByRole('region', { name: 'Live figures' })
  await expect(live.getByRole('group', { name: 'Deals passing' })).toBeVisible({ timeout: 30_000 })
  let last = ''
  // Settled: the same text twice, half a second apart.
  await expect(async () => {
    const now = await live.innerText()
    const same = now === last
    last = now
    expect(same).toBe(true)
  }).toPass({ intervals: [500], timeout: 30_000 })
  return last
}

/** What a fresh page shows for the scorecard now selected: the figures the live strip must match. */
async function figuresAfterReload(page: Page, scorecards: ScorecardsPage): Promise<string> {
  const url = page.url()
  const other = await page.context().newPage()
  await other.goto(url)
  const fresh = new ScorecardsPage(other)
  await fresh.open()
  const id = await scorecards.picker.inputValue()
  await expect(fresh.picker.locator(`option[value="${id}"]`)).toHaveCount(1)
  await fresh.picker.selectOption(id)
  await expect(fresh.picker).toHaveValue(id)
  const figures = await liveFigures(other)
  await other.close()
  return figures
}

test('the live figures follow a switch of scorecard, a new knockout and a points step, as a reload would show them', async ({
  page,
  host,
  startPage
}) => {
  await startPage.goto(host.url)
  await startPage.openSample()
  const scorecards = new ScorecardsPage(page)
  await scorecards.open()

  await scorecards.create('First ICP')
  await scorecards.dragAttribute('Industry', 'Firmographic')
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)
  await scorecards.dragAttribute('Employees', 'Firmographic')
  await expect(scorecards.cards('Firmographic')).toHaveCount(2)
  await page.waitForTimeout(800)
  expect(await liveFigures(page)).toBe(await figuresAfterReload(page, scorecards))

  // A new, empty scorecard: its own figures, not the last one's.
  await scorecards.create('Second ICP')
  expect(await liveFigures(page)).toBe(await figuresAfterReload(page, scorecards))

  // Points on the new scorecard's first criterion.
  await scorecards.dragAttribute('Industry', 'Firmographic')
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)
  await scorecards.cards('Firmographic').first().getByRole('button', { name: 'More points' }).click()
  await page.waitForTimeout(800)
  expect(await liveFigures(page)).toBe(await figuresAfterReload(page, scorecards))

  // A knockout, through "Add … to a category…" (a drop into Knockouts is scorecards.spec's): it
  // must disqualify what a drop would, and the figures must follow it.
  // The button shows on hover or focus, as the keyboard reaches it.
  await scorecards.palette.getByRole('button', { name: 'Add Employees to a category…' }).focus()
  await page.keyboard.press('Enter')
  const add = page.getByRole('dialog', { name: 'Add Employees' })
  await add.getByLabel('Add to').selectOption({ label: 'Knockouts (disqualify)' })
  await add.getByRole('button', { name: 'Add' }).click()
  const knockouts = page.getByRole('list', { name: 'Knockouts' }).getByRole('listitem')
  await expect(knockouts).toHaveCount(1)
  await page.waitForTimeout(800)
  expect(await liveFigures(page)).toBe(await figuresAfterReload(page, scorecards))

  // Back to the first scorecard.
  await scorecards.picker.selectOption({ label: 'First ICP' })
  await expect(scorecards.cards('Firmographic')).toHaveCount(2)
  expect(await liveFigures(page)).toBe(await figuresAfterReload(page, scorecards))
})
