import { expect, type Locator, type Page } from '@playwright/test'

/** The sample workspace's name as it opens (its client is generated from a fixed seed). */
export const SAMPLE_NAME = 'Sample — Stackwise'

/** The start screen and its dialogs (browser mode). */
export class StartPage {
  readonly heading: Locator
  readonly recentList: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'ICP Workbench', level: 1 })
    this.recentList = page.getByRole('list', { name: 'Recent workspaces' })
    this.error = page.getByRole('alert')
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.heading).toBeVisible()
  }

  /** Opens the sample workspace (a copy of the shipped file, so it opens at once). */
  async openSample(): Promise<void> {
    await this.page.getByRole('button', { name: /Open the sample workspace/ }).click()
    await expect(this.page.getByRole('button', { name: /^Rename workspace/ })).toHaveText(SAMPLE_NAME)
  }

  /** The start screen at `url`, then the sample: where most journeys begin. */
  async openSampleAt(url: string): Promise<void> {
    await this.goto(url)
    await this.openSample()
  }

  async createWorkspace(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /New workspace/ }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New workspace' })
    await dialog.getByLabel('Workspace name').fill(name)
    await dialog.getByRole('button', { name: 'Create workspace' }).click()
    await expect(dialog).toBeHidden()
  }

  recent(name: string | RegExp): Locator {
    return this.recentList.getByRole('listitem').filter({ hasText: name })
  }

  async openRecent(name: string): Promise<void> {
    await this.recentList.getByRole('button', { name: `Open ${name}`, exact: true }).click()
  }

  async openFromFolder(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: /Open workspace/ }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Open workspace' })
    await dialog.getByRole('button', { name: new RegExp(fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click()
  }
}
