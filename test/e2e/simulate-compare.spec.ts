import { test, expect } from './support/fixtures'
import { ScorecardsPage } from './pages/scorecards-page'
import { SimulatePage } from './pages/simulate-page'

const countOf = (text: string): number => Number(text.replace(/[^\d]/g, ''))

test('a saved version is compared with the changed working copy: deltas and the accounts that move', async ({ page, host, startPage }) => {
  await startPage.openSampleAt(host.url)

  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()

  const scorecards = new ScorecardsPage(page)
  await scorecards.open()
  await expect(page.getByRole('button', { name: 'More points' }).first()).toBeVisible({ timeout: 30_000 })
  await scorecards.saveVersion('Q3 review')

  // A big change to one criterion re-weights the score: some accounts cross the top tier's line.
  const more = page.getByRole('button', { name: 'More points' }).first()
  for (let i = 0; i < 15; i++) await more.click()
  await scorecards.compareWithWorkingCopy('Q3 review')

  await expect(page.locator('#section-title')).toHaveText('Simulate')
  await expect(page.getByRole('radio', { name: 'Compare' })).toBeChecked()
  await expect(page.getByRole('combobox', { name: 'Baseline version' }).locator('option:checked')).toHaveText(/^Q3 review/)
  await expect(page.getByRole('combobox', { name: 'Challenger version' }).locator('option:checked')).toHaveText('Working copy')
  await expect(page.getByText(/Working copy against .* Q3 review on [\d,]+ closed deals/)).toBeVisible({ timeout: 30_000 })

  // Both values of every figure, and a change that is not "same": the working copy differs.
  const auc = simulate.compareFigure('AUC')
  await expect(auc).toContainText(/Baseline\s*0\.\d{3}/)
  await expect(auc).toContainText(/Challenger\s*0\.\d{3}/)
  // Some figure changed (which one depends on the data: the AUC may stay the same to 3 decimals).
  await expect(
    page
      .getByRole('region', { name: 'Headline figures compared' })
      .getByLabel(/^Change [+−][\d.,]+.*: (better|worse)$/)
      .first()
  ).toBeVisible()
  await expect(simulate.compareFigure('Lift')).toContainText(/\d\.\d{2}×/)
  await expect(simulate.compareFigure('Top-tier accounts')).toBeVisible()

  // The swap set: its counts agree with the tables, and each listed account shows both tiers.
  const moves = simulate.compareFigure('Top-tier moves')
  const entering = countOf(await moves.getByRole('definition').first().innerText())
  const leaving = countOf(await moves.getByRole('definition').nth(1).innerText())
  expect(entering + leaving).toBeGreaterThan(0)
  for (const [list, total] of [
    ['entering', entering],
    ['leaving', leaving]
  ] as const) {
    const section = simulate.swapSection(list)
    await expect(section.getByRole('heading')).toContainText(String(total))
    if (total === 0) {
      await expect(section.getByText(/No account (enters|leaves) the top tier/)).toBeVisible()
      continue
    }
    const rows = simulate.swapTable(list).getByRole('row')
    await expect(rows).toHaveCount(Math.min(total, 25) + 1)
    await expect(simulate.pageRange(section)).toHaveText(`1–${Math.min(total, 25)} of ${total.toLocaleString('en-US')}`)
    const first = rows.nth(1)
    await expect(first.getByRole('rowheader')).not.toBeEmpty()
    // Entering: top tier under the challenger only; leaving: under the baseline only.
    const top = list === 'entering' ? first.getByRole('cell').nth(2) : first.getByRole('cell').nth(1)
    await expect(top).toContainText(/^A\s*\d+$/)
    if (total > 25) {
      await section.getByRole('button', { name: 'Next' }).click()
      await expect(simulate.pageRange(section)).toHaveText(new RegExp(`^26–\\d+ of `))
    }
  }

  // Swapping the sides swaps the lists.
  await page.getByRole('button', { name: 'Swap baseline and challenger' }).click()
  await expect(simulate.swapSection('entering').getByRole('heading')).toContainText(String(leaving))
  await expect(simulate.swapSection('leaving').getByRole('heading')).toContainText(String(entering))
})

test('a band of the band table lists its deals with the points each criterion gave', async ({ page, host, startPage }) => {
  await startPage.openSampleAt(host.url)

  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()
  await expect(simulate.bandTable.getByRole('row')).not.toHaveCount(1)

  // By mouse: the first tier's row.
  const firstRow = simulate.bandTable.getByRole('row').nth(1)
  const tier = (await firstRow.getByRole('rowheader').getByRole('button').innerText()).trim()
  const n = countOf(await firstRow.getByRole('cell').nth(1).innerText())
  expect(n).toBeGreaterThan(0)
  await firstRow.getByRole('cell').nth(3).click()
  const dialog = simulate.bandDialog(tier)
  await expect(dialog).toBeVisible()
  await expect(simulate.pageRange(dialog)).toHaveText(`1–${Math.min(n, 50)} of ${n.toLocaleString('en-US')}`, { timeout: 30_000 })
  const table = dialog.getByRole('table', { name: `Deals in ${tier}` })
  await expect(table.getByRole('row')).toHaveCount(Math.min(n, 50) + 1)
  // Account, deal, outcome, score, tier, the top reasons, then one column per criterion.
  const headers = await table.getByRole('columnheader').allInnerTexts()
  expect(headers.slice(0, 6)).toEqual(['ACCOUNT', 'DEAL', 'OUTCOME', 'SCORE', 'TIER', 'TOP REASONS'])
  expect(headers.length).toBeGreaterThan(6)
  const cells = table.getByRole('row').nth(1).getByRole('cell')
  await expect(cells.nth(1)).toHaveText(/^(Won|Lost)$/)
  await expect(cells.nth(3)).toHaveText(tier)
  // The reasons read as words with their points after them, strongest first.
  await expect(cells.nth(4)).toHaveText(/^(No criterion met|.+ \([+-]\d+\)(; .+ \([+-]\d+\)){0,2})$/)
  await expect(cells.nth(5)).toHaveText(/^([+−]\d+|0)$/)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // By keyboard: a fixed band, opened with Enter on its button.
  await page.getByRole('radio', { name: 'Fixed bands' }).check()
  const band = simulate.bandButton('81-100').or(simulate.bandButton('61-80')).first()
  const name = (await band.innerText()).trim()
  await band.focus()
  await page.keyboard.press('Enter')
  const bandDialog = simulate.bandDialog(name)
  await expect(bandDialog).toBeVisible()
  await expect(simulate.pageRange(bandDialog)).toHaveText(/^1–\d+ of [\d,]+$/, { timeout: 30_000 })
  const scores = await bandDialog.getByRole('row').locator('td:nth-of-type(3)').allInnerTexts()
  const [from, to] = name.split('-').map(Number)
  expect(scores.length).toBeGreaterThan(0)
  for (const score of scores.map(Number)) {
    expect(score).toBeGreaterThanOrEqual(from!)
    expect(score).toBeLessThanOrEqual(to!)
  }
})
