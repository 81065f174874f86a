import { expect, type Locator, type Page } from '@playwright/test'

/** The Export section: the one-pager's editor, its live preview and the deliverables. */
export class ExportPage {
  readonly preview: Locator
  readonly clientName: Locator
  readonly blocks: Locator
  readonly saved: Locator
  readonly downloadPdf: Locator
  readonly overflowWarning: Locator

  constructor(readonly page: Page) {
    this.preview = page.getByTestId('one-pager-preview')
    this.clientName = page.getByLabel('Client name')
    this.blocks = page.getByRole('list', { name: 'Blocks in print order' })
    this.saved = page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ })
    this.downloadPdf = page.getByRole('button', { name: 'Download PDF' })
    this.overflowWarning = page.getByRole('alert').filter({ hasText: /runs .* past the bottom/ })
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+5')
    await expect(this.page.locator('#section-title')).toHaveText('Export')
    await expect(this.preview).toBeVisible({ timeout: 30_000 })
  }

  /** The block rows' labels in print order. */
  async blockOrder(): Promise<string[]> {
    return this.blocks.locator('[data-block-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-block-row') ?? ''))
  }

  blockToggle(label: string): Locator {
    return this.blocks.getByRole('checkbox', { name: label, exact: true })
  }

  moveButton(label: string, direction: 'up' | 'down'): Locator {
    return this.blocks.getByRole('button', { name: `Move ${label} ${direction}` })
  }

  dragHandle(label: string): Locator {
    return this.blocks.getByRole('button', { name: `Move ${label}`, exact: true })
  }

  /** Waits until every edit is written to the workspace. */
  async expectSaved(): Promise<void> {
    await expect(this.saved).toBeVisible({ timeout: 10_000 })
  }
}
