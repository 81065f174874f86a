import { expect, type Locator, type Page } from '@playwright/test'

/** The Discover section: target choice, signal banner, attribute table, and the action panels. */
export class DiscoverPage {
  readonly signal: Locator
  readonly attributes: Locator
  readonly suggestAuc: Locator
  readonly cohortSize: Locator

  constructor(readonly page: Page) {
    this.signal = page.getByRole('region', { name: 'Signal' })
    this.attributes = page.locator('.attr-table')
    this.suggestAuc = page.getByTestId('validation-auc')
    this.cohortSize = page.getByTestId('cohort-size')
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+2')
    await expect(this.page.locator('#section-title')).toHaveText('Discover')
    await expect(this.signal).toBeVisible({ timeout: 30_000 })
  }

  /** Attribute names in table order (strongest evidence first). */
  async attributeNames(): Promise<string[]> {
    return this.attributes.locator('.attr-table__toggle').allInnerTexts()
  }

  async expand(attribute: string): Promise<Locator> {
    const toggle = this.page.getByRole('button', { name: attribute, exact: true })
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    return this.page.getByRole('table', { name: `Values of ${attribute}` })
  }

  async target(label: 'Won vs lost' | 'Best customers vs the rest' | 'Retained vs churned'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Compare' }).getByRole('radio', { name: label }).check()
  }

  async suggest(name: string): Promise<void> {
    await this.page.getByLabel('Scorecard name').fill(name)
    await this.page.getByRole('button', { name: 'Suggest a scorecard' }).click()
    await expect(this.suggestAuc).toBeVisible({ timeout: 30_000 })
  }

  async defineBest(metric: string, topPercent: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Define best customers…' }).first().click()
    const dialog = this.page.getByRole('dialog', { name: 'Define best customers' })
    await dialog.getByRole('checkbox', { name: metric }).check()
    await dialog.getByLabel(`Better when ${metric} is`).selectOption('higher')
    await dialog.getByLabel('Top percent of won accounts').fill(String(topPercent))
    await dialog.getByRole('button', { name: 'Show the cohort' }).click()
  }
}
