import { test, expect } from './support/fixtures'
import { SimulatePage } from './pages/simulate-page'

test('Simulate follows the threshold and the capacity, with band and knockout tables', async ({ page, host, startPage }) => {
  await startPage.openSampleAt(host.url)

  const simulate = new SimulatePage(page)
  await simulate.open()
  await simulate.ensureScorecard()

  // Start low so moving up by keyboard certainly passes fewer deals.
  await simulate.thresholdValue.fill('20')
  await expect(simulate.threshold).toHaveValue('20')
  await expect(simulate.dealsPassing).toContainText(/\d+\.\d%/)
  const passingBefore = await simulate.dealsPassing.innerText()
  const winRateBefore = await simulate.winRateAbove.innerText()

  await simulate.threshold.focus()
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight')
  await expect(simulate.threshold).toHaveValue('50')
  await expect(simulate.thresholdValue).toHaveValue('50')
  await expect(simulate.dealsPassing).not.toHaveText(passingBefore)
  await expect(simulate.winRateAbove).not.toHaveText(winRateBefore)
  await expect(simulate.winRateAbove).toContainText(/\d+\.\d%/)

  // A small capacity needs a high bar; the slider follows the report's capacity threshold.
  await simulate.capacity.fill('25')
  await expect(page.getByText(/Accounts per period · \d+ fits [\d,]+ accounts/)).toBeVisible()
  await expect.poll(() => simulate.thresholdNow()).toBeGreaterThan(50)
  const tight = await simulate.thresholdNow()
  await simulate.capacity.fill('400')
  await expect.poll(() => simulate.thresholdNow()).toBeLessThan(tight)

  await expect(simulate.bandTable.getByRole('row')).not.toHaveCount(1)
  await page.getByRole('radio', { name: 'Fixed bands' }).check()
  await expect(simulate.bandTable.getByRole('rowheader', { name: /^0-20/ }).first()).toBeVisible()
  await expect(simulate.knockoutPanel).toBeVisible()
  await expect(
    simulate.knockoutPanel.getByRole('table', { name: 'Knockout backtest' }).or(simulate.knockoutPanel.getByText('no knockouts'))
  ).toBeVisible()
  await expect(page.getByRole('group', { name: 'AUC' })).toContainText(/0\.\d{3}/)
  await expect(page.getByRole('group', { name: 'Lift' })).toContainText(/\d\.\d{2}×/)
})
