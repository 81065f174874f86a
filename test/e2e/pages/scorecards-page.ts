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

  /**
   * Drags `source` onto `target` with the mouse, in steps so dnd-kit's pointer sensor follows.
   * Drops near the target's bottom (after its cards), or `fromTop` pixels below its top edge
   * when it sits low on screen, where dnd-kit would start auto-scrolling.
   */
  async drag(source: Locator, target: Locator, fromTop?: number): Promise<void> {
    // Centre the source: the sticky live-figures strip covers the top of the scrolled page.
    await source.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    const pointOf = async () => {
      const from = await source.boundingBox()
      const to = await target.boundingBox()
      if (!from || !to) throw new Error('drag source or target is not on screen')
      return { from, to, y: fromTop === undefined ? to.y + to.height - 12 : to.y + fromTop }
    }
    // The palette re-sorts when Discover's strengths arrive, and a wheel scroll takes a while:
    // wait until the source and the target stop moving.
    const settled = async () => {
      let at = await pointOf()
      for (let i = 0; i < 20; i++) {
        await this.page.waitForTimeout(150)
        const again = await pointOf()
        const still = again.from.y === at.from.y && again.to.y === at.to.y
        at = again
        if (still) break
      }
      return at
    }
    const onTop = (box: { x: number; y: number; width: number; height: number }) =>
      source.evaluate(
        (el, p) => {
          const hit = document.elementFromPoint(p.x, p.y)
          return hit !== null && el.contains(hit)
        },
        { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      )
    let { from, to, y } = await settled()
    // dnd-kit auto-scrolls while the pointer is in the viewport's bottom fifth; bring the drop point above it first.
    const height = this.page.viewportSize()?.height ?? 800
    if (y > height * 0.75) {
      await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await this.page.mouse.wheel(0, Math.min(y - height * 0.55, from.y - 230))
      ;({ from, to, y } = await settled())
    }
    // A loaded machine may still be scrolling, or the page may have moved under the sticky strip
    // or header: press only where the source itself is the topmost element.
    if (!(await onTop(from))) {
      await source.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      ;({ from, to, y } = await settled())
    }
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 })
    await this.page.mouse.move(to.x + to.width / 2, y, { steps: 15 })
    // If dnd-kit scrolled the page meanwhile, the target moved: aim again before dropping.
    await this.page.waitForTimeout(120)
    ;({ to, y } = await pointOf())
    await this.page.mouse.move(to.x + to.width / 2, y, { steps: 3 })
    await this.page.waitForTimeout(80)
    await this.page.mouse.up()
  }

  /** Drags a palette attribute into a category (or "Knockouts"). */
  async dragAttribute(attribute: string, category: string, fromTop?: number): Promise<void> {
    await this.drag(
      this.palette.getByRole('button', { name: new RegExp(`^${attribute},`) }),
      this.page.getByRole('region', { name: category, exact: true }),
      fromTop
    )
  }

  /** Opens an attribute's values in the palette and returns its value/band chips. */
  async showValues(attribute: string): Promise<Locator> {
    await this.palette.getByRole('button', { name: `Show values of ${attribute}` }).click()
    const list = this.palette.getByRole('list', { name: `Values of ${attribute}` })
    await expect(list).toBeVisible()
    return list.getByRole('button')
  }

  async saveVersion(note: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save version' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Save a version' })
    await dialog.getByLabel('Note').fill(note)
    await dialog.getByRole('button', { name: 'Save version' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByText(`Version “${note}” saved.`)).toBeVisible()
  }

  /** From the versions dialog: the version beside the working copy in Simulate's compare view. */
  async compareWithWorkingCopy(note: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Versions', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Versions' })
    await dialog.getByRole('listitem', { name: note }).getByRole('button', { name: 'Compare with working copy' }).click()
    await expect(dialog).toBeHidden()
  }
}
