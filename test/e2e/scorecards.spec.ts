import { test, expect } from './support/fixtures'
import { ScorecardsPage } from './pages/scorecards-page'

test('a scorecard is built by drag and drop, edited, reordered by keyboard, undone, redone and persisted', async ({ page, host, startPage, workspacePage }) => {
  await startPage.goto(host.url)
  await page.getByRole('button', { name: /Open the sample workspace/ }).click()
  await workspacePage.expectOpen('Sample — Stackwise')

  const scorecards = new ScorecardsPage(page)
  await scorecards.open()
  await scorecards.create('Workshop ICP')
  await expect(scorecards.picker).toHaveValue(/\d+/)
  await expect(scorecards.palette.getByRole('button', { name: /^Industry,/ })).toBeVisible()

  // Two attributes dragged with the mouse; the conditions are pre-filled from the data.
  await scorecards.dragAttribute('Industry', 'Firmographic')
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(/^Industry is /)
  await scorecards.dragAttribute('Employees', 'Firmographic')
  await expect(scorecards.cards('Firmographic')).toHaveCount(2)
  await expect(scorecards.cards('Firmographic').nth(1)).toHaveAccessibleName(/^Employees \d+-\d+$/)

  // Points: three clicks on + take the new criterion from 5 to 8.
  const employees = scorecards.cards('Firmographic').nth(1)
  for (let i = 0; i < 3; i++) await employees.getByRole('button', { name: 'More points' }).click()
  await expect(employees.locator('output')).toHaveText('+8')
  await expect(employees.getByLabel('Evidence')).toContainText('deals')

  // Keyboard reorder: Employees moves above Industry.
  await employees.getByRole('button', { name: /^Move Employees/ }).focus()
  // dnd-kit measures the lists after the pick-up and after each move; give it a frame or two.
  await page.keyboard.press('Space')
  await page.waitForTimeout(200)
  await page.keyboard.press('ArrowUp')
  await page.waitForTimeout(300)
  await page.keyboard.press('Space')
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(/^Employees/)

  // Undo puts Industry back on top; redo moves Employees up again.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(/^Industry/)
  await page.keyboard.press('Control+Shift+z')
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(/^Employees/)

  // Every edit is saved as it happens: after a reload the scorecard is as we left it.
  await page.waitForTimeout(500)
  await page.reload()
  await workspacePage.expectOpen('Sample — Stackwise')
  await scorecards.open()
  await expect(scorecards.picker.locator('option:checked')).toHaveText('Workshop ICP')
  await expect(scorecards.cards('Firmographic')).toHaveCount(2)
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(/^Employees/)
  await expect(scorecards.cards('Firmographic').first().locator('output')).toHaveText('+8')
})
