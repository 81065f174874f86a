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

  /** "One scorecard" or "Compare" in the section header. */
  async showView(view: 'One scorecard' | 'Compare' | '90-day review' | 'Prospects'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: view }).check()
  }

  /** A compared figure's card ("AUC", "Lift", …): both values and the change. */
  compareFigure(name: string): Locator {
    return this.page.getByRole('region', { name: 'Headline figures compared' }).getByRole('group', { name, exact: true })
  }

  swapTable(list: 'entering' | 'leaving'): Locator {
    return this.page.getByRole('table', { name: `Accounts ${list} the top tier` })
  }

  swapSection(list: 'entering' | 'leaving'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${list === 'entering' ? 'Entering' : 'Leaving'} the top tier`) })
  }

  /** The button that opens a band table row's deals (the row's header). */
  bandButton(name: string): Locator {
    return this.bandTable.getByRole('button', { name, exact: true })
  }

  bandDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Deals in ${name}` })
  }

  /** "1–50 of 1,234" under a paged list or dialog. */
  pageRange(scope: Locator): Locator {
    return scope.getByRole('status').filter({ hasText: / of / })
  }

  async thresholdNow(): Promise<number> {
    return Number(await this.threshold.inputValue())
  }
}
