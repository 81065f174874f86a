import { expect, type Locator, type Page } from '@playwright/test'

/** The Simulate section: scorecard and outcome, threshold and capacity, headline cards and tables. */
export class SimulatePage {
  readonly threshold: Locator
  readonly thresholdValue: Locator
  readonly capacity: Locator
  readonly dealsPassing: Locator
  readonly winRateAbove: Locator
  readonly bandTable: Locator
  readonly knockoutPanel: Locator

  constructor(readonly page: Page) {
    this.threshold = page.getByRole('slider', { name: 'Threshold' })
    this.thresholdValue = page.getByRole('spinbutton', { name: 'Threshold value' })
    this.capacity = page.getByRole('spinbutton', { name: 'Capacity' })
    this.dealsPassing = page.getByRole('group', { name: 'Deals passing' })
    this.winRateAbove = page.getByRole('group', { name: 'Win rate above threshold' })
    this.bandTable = page.getByRole('table', { name: 'Band table' })
    this.knockoutPanel = page.getByRole('region', { name: 'Knockout backtest' })
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+4')
    await expect(this.page.locator('#section-title')).toHaveText('Simulate')
  }

  /** Builds a scorecard from the evidence when the workspace has none, so there is something to simulate. */
  async ensureScorecard(): Promise<void> {
    const suggest = this.page.getByRole('button', { name: 'Suggest one from the data' })
    // Wait for a settled screen: the offer to suggest (no scorecard) or figures (one exists).
    // The slider alone is not enough: it shows, disabled, while the list is still loading.
    await expect(suggest.or(this.dealsPassing)).toBeVisible({ timeout: 30_000 })
    if (await suggest.isVisible()) await suggest.click()
    await expect(this.threshold).toBeEnabled({ timeout: 30_000 })
    await expect(this.dealsPassing).toBeVisible({ timeout: 30_000 })
  }

  async thresholdNow(): Promise<number> {
    return Number(await this.threshold.inputValue())
  }
}
