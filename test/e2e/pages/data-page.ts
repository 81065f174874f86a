import { expect, type Locator, type Page } from '@playwright/test'

/** The Data section: the import flow (drop zone, progress, review) and the dataset overview. */
export class DataPage {
  readonly fileInput: Locator
  readonly importButton: Locator
  readonly progress: Locator
  readonly summary: Locator
  readonly joinReport: Locator
  readonly rules: Locator

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel('Choose CRM export files')
    this.importButton = page.getByRole('button', { name: /^Import [\d,]+ (accounts|deals)$/ })
    this.progress = page.getByRole('progressbar')
    this.summary = page.getByRole('region', { name: 'Dataset summary' })
    this.joinReport = page.getByLabel('Join report')
    this.rules = page.getByRole('list', { name: 'Hygiene rules' })
  }

  async upload(paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths)
  }

  /** Waits for the review of `fileName` (reading takes a moment even for small files). */
  async expectReview(fileName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Import ${fileName}` })).toBeVisible()
    await expect(this.importButton).toBeVisible({ timeout: 20_000 })
  }

  importAs(label: string): Locator {
    return this.page.getByRole('group', { name: 'Import as' }).getByRole('radio', { name: new RegExp(`^${label}`) })
  }

  typeOf(column: string): Locator {
    return this.page.getByLabel(`Type of ${column}`, { exact: true })
  }

  roleOf(column: string): Locator {
    return this.page.getByLabel(`Role of ${column}`, { exact: true })
  }

  /** The row of a column in a column table (review or stored). */
  columnRow(column: string): Locator {
    return this.page.getByRole('row').filter({ has: this.typeOf(column) })
  }

  async setType(column: string, label: string): Promise<void> {
    await this.typeOf(column).selectOption({ label })
    await expect(this.typeOf(column)).toBeEnabled()
  }

  outcome(value: string, label: 'Won' | 'Lost' | 'Open' | 'Not mapped'): Locator {
    return this.page.getByRole('radiogroup', { name: `Outcome for ${value}`, exact: true }).getByRole('radio', { name: label })
  }

  async commit(): Promise<void> {
    await this.importButton.click()
  }

  tab(name: 'Tables' | 'Columns' | 'Outcomes' | 'Rows' | 'Data hygiene'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) })
  }

  async openTab(name: 'Tables' | 'Columns' | 'Outcomes' | 'Rows' | 'Data hygiene'): Promise<void> {
    await this.tab(name).click()
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true')
  }

  tableCard(label: 'Accounts' | 'Deals'): Locator {
    return this.page.getByRole('article', { name: `${label} table` })
  }

  stat(label: 'Accounts' | 'Deals' | 'Win rate'): Locator {
    return this.summary.locator('.summary-strip__stat').filter({ hasText: label }).locator('.summary-strip__value')
  }

  async pickTable(label: 'Accounts' | 'Deals'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Table' })
      .getByRole('radio', { name: new RegExp(`^${label}`) })
      .check()
  }

  /** Hygiene: choose a column and keep only the suggested merge that includes `spelling`. */
  async mergeSuggested(column: string, spelling: string): Promise<void> {
    const form = this.page.getByRole('region', { name: 'Add rule' })
    const select = form.getByLabel('Column', { exact: true })
    await select.selectOption({ label: column })
    await expect(select.locator('option:checked')).toHaveText(column)
    const groups = form.getByRole('list', { name: 'Suggested merges' })
    await expect(groups).toBeVisible()
    const boxes = groups.getByRole('checkbox')
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i)
      const label = (await box.getAttribute('aria-label')) ?? ''
      if (!label.split(', ').some((v) => v.replace(/^Merge /, '') === spelling)) await box.uncheck()
    }
    await form.getByRole('button', { name: /^Add (merge|\d+ merges)$/ }).click()
  }
}
