import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { ScorecardsPage } from './pages/scorecards-page'
import { SimulatePage } from './pages/simulate-page'

// The whole workflow with the keyboard alone: no clicks, no fills, no programmatic focus.
// Locators are only used to assert what the keyboard did (and where focus is).

/** What the focused element is called: its aria-label, else its text. */
async function focusedName(page: Page): Promise<string> {
  const focused = page.locator(':focus')
  if ((await focused.count()) !== 1) return ''
  const label = await focused.getAttribute('aria-label')
  return (label ?? (await focused.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 150 } = {}): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    const now = await focusedName(page)
    if (name.test(now)) return
    seen.push(now)
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${String(name)}; focus went through:\n${seen.slice(-40).join('\n')}`)
}

test('the whole workflow works with the keyboard alone', async ({ page, host, workspacePage }) => {
  test.setTimeout(240_000)
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'ICP Workbench', level: 1 })).toBeVisible()

  // Start screen: Tab to the sample workspace and open it.
  await tabTo(page, /^Open the sample workspace/)
  await page.keyboard.press('Enter')
  await workspacePage.expectOpen('Sample — Stackwise')

  // Discover: the strongest attribute's values, opened from the keyboard.
  await page.keyboard.press('Alt+2')
  await expect(workspacePage.sectionTitle).toHaveText('Discover')
  const firstAttribute = page.locator('.attr-table__toggle').first()
  await expect(firstAttribute).toBeVisible({ timeout: 30_000 })
  const top = (await firstAttribute.innerText()).trim()
  await tabTo(page, new RegExp(`^${top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
  await expect(firstAttribute).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(firstAttribute).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('table', { name: `Values of ${top}` })).toBeVisible()

  // Scorecards: a new scorecard from the toolbar's New button and its dialog.
  const scorecards = new ScorecardsPage(page)
  await page.keyboard.press('Alt+3')
  await expect(workspacePage.sectionTitle).toHaveText('Scorecards')
  await tabTo(page, /^New$/)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New scorecard' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Scorecard name')).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Keyboard ICP')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(scorecards.picker.locator('option:checked')).toHaveText('Keyboard ICP')
  await expect(page.getByRole('region', { name: 'Firmographic', exact: true })).toBeVisible()

  // A criterion from the palette. dnd-kit's keyboard sensor steps between drop zones by geometry
  // and from the palette does not reliably reach a chosen category, so each attribute also has
  // "Add … to a category…", which opens a dialog with the category to choose.
  await tabTo(page, /^Industry,/)
  await expect(scorecards.palette.getByRole('button', { name: /^Industry,/ })).toBeFocused()
  await page.keyboard.press('Tab')
  const add = scorecards.palette.getByRole('button', { name: 'Add Industry to a category…' })
  await expect(add).toBeFocused()
  await page.keyboard.press('Enter')
  const addDialog = page.getByRole('dialog', { name: 'Add Industry' })
  await expect(addDialog).toBeVisible()
  const where = addDialog.getByLabel('Add to')
  await expect(where).toBeFocused()
  await expect(where.locator('option:checked')).toHaveText('Firmographic')
  // Knockouts is last: the arrows walk the choices (a closed select changes on ArrowDown/ArrowUp).
  await page.keyboard.press('End')
  await expect(where.locator('option:checked')).toHaveText(/^Knockouts/)
  await page.keyboard.press('Home')
  await expect(where.locator('option:checked')).toHaveText('Firmographic')
  await tabTo(page, /^Add$/, { max: 4 })
  await page.keyboard.press('Enter')
  await expect(addDialog).toBeHidden()
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(/^Industry is /)
  // Closing the dialog gives focus back to the button that opened it.
  await expect(add).toBeFocused()

  // A value from the palette: open Industry's values, Enter on one asks where to add it.
  await page.keyboard.press('Tab')
  await expect(scorecards.palette.getByRole('button', { name: 'Show values of Industry' })).toBeFocused()
  await page.keyboard.press('Enter')
  const chips = scorecards.palette.getByRole('list', { name: 'Values of Industry' }).getByRole('button')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(chips.nth(1)).toBeFocused()
  const value = (await chips.nth(1).locator('.sc-value__label').innerText()).trim()
  await page.keyboard.press('Enter')
  const valueDialog = page.getByRole('dialog', { name: `Add Industry: ${value}` })
  await expect(valueDialog).toBeVisible()
  await tabTo(page, /^Add$/, { max: 4 })
  await page.keyboard.press('Enter')
  await expect(valueDialog).toBeHidden()
  await expect(scorecards.cards('Firmographic')).toHaveCount(2)
  await expect(scorecards.cards('Firmographic').nth(1)).toHaveAccessibleName(`Industry is ${value}`)
  await expect(chips.nth(1)).toBeFocused()

  // Its points, from 5 to 8 with the + button.
  const card = scorecards.cards('Firmographic').first()
  await tabTo(page, /^More points$/)
  await expect(card.getByRole('button', { name: 'More points' })).toBeFocused()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter')
  await expect(card.locator('output')).toHaveText('+8')

  // Simulate: the threshold moves with the arrow keys and the figures follow.
  const simulate = new SimulatePage(page)
  await page.keyboard.press('Alt+4')
  await expect(workspacePage.sectionTitle).toHaveText('Simulate')
  await expect(simulate.threshold).toBeEnabled({ timeout: 30_000 })
  await expect(simulate.dealsPassing).toBeVisible({ timeout: 30_000 })
  await tabTo(page, /^Threshold$/)
  await expect(simulate.threshold).toBeFocused()
  const before = await simulate.thresholdNow()
  const passingBefore = await simulate.dealsPassing.innerText()
  const step = before >= 95 ? 'ArrowLeft' : 'ArrowRight'
  for (let i = 0; i < 5; i++) await page.keyboard.press(step)
  await expect(simulate.threshold).toHaveValue(String(step === 'ArrowRight' ? before + 5 : before - 5))
  await expect(simulate.thresholdValue).toHaveValue(String(await simulate.thresholdNow()))
  await expect(simulate.dealsPassing).not.toHaveText(passingBefore)

  // Export: the PDF downloads from its button.
  await page.keyboard.press('Alt+5')
  await expect(workspacePage.sectionTitle).toHaveText('Export')
  await expect(page.getByTestId('one-pager-preview')).toBeVisible({ timeout: 30_000 })
  await tabTo(page, /^Download PDF$/)
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toMatch(/ICP one-pager\.pdf$/)
})
