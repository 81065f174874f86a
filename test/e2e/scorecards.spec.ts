import { test, expect } from './support/fixtures'
import { ScorecardsPage } from './pages/scorecards-page'

test('a scorecard is built by drag and drop, edited, reordered by keyboard, undone, redone and persisted', async ({
  page,
  host,
  startPage,
  workspacePage
}) => {
  await startPage.openSampleAt(host.url)

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
  await scorecards.dragAttribute('Tech Stack', 'Technographic')
  await expect(scorecards.cards('Technographic')).toHaveCount(1)
  await expect(scorecards.cards('Technographic').first()).toHaveAccessibleName(/^Tech Stack has any of /)

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
  await expect(scorecards.cards('Technographic')).toHaveCount(1)
})

test('values and bands dragged from the palette, a card moved between categories, a knockout backtested, live figures following', async ({
  page,
  host,
  startPage,
  workspacePage
}) => {
  await startPage.openSampleAt(host.url)
  const scorecards = new ScorecardsPage(page)
  await scorecards.open()
  await scorecards.create('Values ICP')

  // A category value: the criterion is exactly that value.
  const industries = await scorecards.showValues('Industry')
  const industry = (await industries.first().locator('.sc-value__label').innerText()).trim()
  await scorecards.drag(industries.first(), page.getByRole('region', { name: 'Firmographic', exact: true }))
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)
  await expect(scorecards.cards('Firmographic').first()).toHaveAccessibleName(`Industry is ${industry}`)

  // A band of a number: the criterion is the band's range, drawn on the card's histogram.
  const bands = await scorecards.showValues('Employees')
  await scorecards.drag(bands.nth(1), page.getByRole('region', { name: 'Firmographic', exact: true }))
  await expect(scorecards.cards('Firmographic')).toHaveCount(2)
  const employees = scorecards.cards('Firmographic').nth(1)
  await expect(employees).toHaveAccessibleName(/^Employees [\d.]+-[\d.]+$/)
  await expect(employees.getByRole('img', { name: /^Distribution of Employees; the highlighted bars/ })).toBeVisible()
  await expect(employees.locator('.sc-histogram__bar--in').first()).toBeVisible()

  // The Industry card moves to another category by mouse.
  await scorecards.drag(
    scorecards
      .cards('Firmographic')
      .first()
      .getByRole('button', { name: /^Move Industry/ }),
    page.getByRole('region', { name: 'Technographic', exact: true })
  )
  await expect(scorecards.cards('Technographic')).toHaveCount(1)
  await expect(scorecards.cards('Technographic').first()).toHaveAccessibleName(`Industry is ${industry}`)
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)

  // The live figures beside the editor follow a points change.
  const live = page.getByRole('region', { name: 'Live figures' })
  await expect(live.getByRole('group', { name: 'AUC' })).toContainText(/0\.\d{3}/, { timeout: 30_000 })
  const aucBefore = await live.getByRole('group', { name: 'AUC' }).innerText()
  const card = scorecards.cards('Technographic').first()
  for (let i = 0; i < 10; i++) await card.getByRole('button', { name: 'More points' }).click()
  await expect(live.getByRole('group', { name: 'AUC' })).not.toHaveText(aucBefore)

  // An attribute dropped on Knockouts becomes a knockout, and Simulate backtests it.
  await scorecards.dragAttribute('Industry', 'Knockouts', 40)
  await expect(page.getByRole('list', { name: 'Knockouts' }).getByRole('listitem')).toHaveCount(1)
  await page.keyboard.press('Alt+4')
  await expect(page.locator('#section-title')).toHaveText('Simulate')
  await expect(page.getByRole('combobox', { name: 'Scorecard' }).locator('option:checked')).toHaveText('Values ICP')
  const backtest = page.getByRole('region', { name: 'Knockout backtest' }).getByRole('table', { name: 'Knockout backtest' })
  await expect(backtest.getByRole('row')).toHaveCount(2, { timeout: 30_000 })

  // All of it was saved as it happened.
  await page.reload()
  await workspacePage.expectOpen('Sample — Stackwise')
  await scorecards.open()
  await expect(scorecards.picker.locator('option:checked')).toHaveText('Values ICP')
  await expect(scorecards.cards('Technographic')).toHaveCount(1)
  await expect(scorecards.cards('Firmographic')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Knockouts' }).getByRole('listitem')).toHaveCount(1)
})
