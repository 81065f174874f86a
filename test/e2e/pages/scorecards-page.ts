import { expect, type Locator, type Page } from '@playwright/test'

/** The Scorecards section: toolbar, attribute palette, category lists and criterion cards. */
export class ScorecardsPage {
  readonly picker: Locator
  readonly palette: Locator

  constructor(readonly page: Page) {
    this.picker = page.getByRole('combobox', { name: 'Scorecard' })
    this.palette = page.getByRole('complementary', { name: 'Attributes' })
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+3')
    await expect(this.page.locator('#section-title')).toHaveText('Scorecards')
  }

  async create(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New scorecard' })
    await dialog.getByLabel('Scorecard name').fill(name)
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('region', { name: 'Firmographic', exact: true })).toBeVisible()
  }

  category(name: string): Locator {
    return this.page.getByRole('list', { name, exact: true })
  }

  cards(category: string): Locator {
    return this.category(category).getByRole('listitem')
  }

  /** Drags a palette attribute into a category with the mouse, in steps so dnd-kit's pointer sensor follows. */
  async dragAttribute(attribute: string, category: string): Promise<void> {
    const source = this.palette.getByRole('button', { name: new RegExp(`^${attribute},`) })
    const target = this.page.getByRole('region', { name: category, exact: true })
    const from = await source.boundingBox()
    const to = await target.boundingBox()
    if (!from || !to) throw new Error('drag source or target is not on screen')
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 })
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height - 12, { steps: 15 })
    await this.page.mouse.up()
  }
}
