import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const SECTIONS = ['Data', 'Discover', 'Scorecards', 'Simulate', 'Export']

test('create a workspace, use every section, close, reopen from recent: state intact', async ({
  host,
  restartHost,
  page,
  startPage,
  workspacePage
}) => {
  await startPage.goto(host.url)
  await expect(startPage.page.getByText('Workspaces you create or open will be listed here.')).toBeVisible()

  await startPage.createWorkspace('Acme Corp — Q3 ICP')
  await workspacePage.expectOpen('Acme Corp — Q3 ICP')
  await expect(workspacePage.sectionTitle).toHaveText('Data')
  for (const section of SECTIONS) {
    await workspacePage.goTo(section)
    // Sections still to come say in one line what they will hold; no numbers pretend to be data.
    if (section === 'Export') {
      await expect(page.locator('.section-intro__purpose')).toHaveText(/\w.{40,}/)
    }
  }
  await workspacePage.goTo('Simulate')
  await workspacePage.rename('Acme — ICP refresh')
  await expect(workspacePage.saved).toBeVisible()

  await workspacePage.close()
  await expect(startPage.heading).toBeVisible()
  await expect(startPage.recent('Acme — ICP refresh')).toBeVisible()

  // A new host process on the same folder: nothing survives in memory, only on disk.
  const next = await restartHost()
  await startPage.goto(next.url)
  await startPage.openRecent('Acme — ICP refresh')
  await workspacePage.expectOpen('Acme — ICP refresh')
  await expect(workspacePage.sectionTitle).toHaveText('Simulate')
  await expect(workspacePage.nav.locator('[aria-current="page"]')).toHaveText(/Simulate/)
})

test('a reload keeps the open workspace and section', async ({ host, page, startPage, workspacePage }) => {
  await startPage.goto(host.url)
  await startPage.createWorkspace('Reload Co')
  await workspacePage.goTo('Export')
  await page.reload()
  await workspacePage.expectOpen('Reload Co')
  await expect(workspacePage.sectionTitle).toHaveText('Export')
})

test('opening a damaged workspace or a file that is not one shows a clear error and changes nothing', async ({
  host,
  page,
  startPage,
  workspacePage
}) => {
  await startPage.goto(host.url)
  await startPage.createWorkspace('Broken client')
  await workspacePage.close()
  // Keep the valid SQLite header, scramble every page after it.
  const broken = join(host.dataDir, 'Broken client.icpw')
  const bytes = readFileSync(broken)
  for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 131) % 251
  writeFileSync(broken, bytes)
  writeFileSync(join(host.dataDir, 'Notes.icpw'), 'Account,Industry\nAcme,SaaS\n')

  await startPage.openRecent('Broken client')
  await expect(startPage.error).toContainText('The workspace is damaged')
  await expect(startPage.error).toContainText('Broken client.icpw is damaged and cannot be opened')
  expect(readFileSync(broken).equals(bytes)).toBe(true)

  await startPage.openFromFolder('Notes.icpw')
  const dialog = page.getByRole('dialog', { name: 'Open workspace' })
  await expect(dialog.getByRole('alert')).toContainText('Notes.icpw is not an ICP Workbench workspace')
  expect(readFileSync(join(host.dataDir, 'Notes.icpw'), 'utf8')).toBe('Account,Industry\nAcme,SaaS\n')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(startPage.heading).toBeVisible()
})

test('a recent workspace whose file is gone is marked missing and can be removed', async ({ host, page, startPage, workspacePage }) => {
  await startPage.goto(host.url)
  await startPage.createWorkspace('Vanishing')
  await workspacePage.close()
  const { rmSync } = await import('node:fs')
  rmSync(join(host.dataDir, 'Vanishing.icpw'))
  await page.reload()
  const entry = startPage.recent('Vanishing')
  await expect(entry.getByText('Missing')).toBeVisible()
  await expect(entry.getByRole('button', { name: 'Vanishing (file missing)' })).toBeDisabled()
  await entry.getByRole('button', { name: 'Remove Vanishing from recent workspaces' }).click()
  await expect(startPage.recentList).toHaveCount(0)
})

test('keyboard shortcuts drive the same commands', async ({ host, page, startPage, workspacePage }) => {
  await startPage.goto(host.url)
  await page.keyboard.press('Alt+Shift+N')
  const dialog = page.getByRole('dialog', { name: 'New workspace' })
  await expect(dialog.getByLabel('Workspace name')).toBeFocused()
  await page.keyboard.type('Keys Inc')
  await page.keyboard.press('Enter')
  await workspacePage.expectOpen('Keys Inc')
  for (const [key, title] of [
    ['Alt+2', 'Discover'],
    ['Alt+4', 'Simulate'],
    ['Alt+1', 'Data']
  ] as const) {
    await page.keyboard.press(key)
    await expect(workspacePage.sectionTitle).toHaveText(title)
  }
  await page.keyboard.press('Control+/')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('F1')
  await expect(page.getByRole('dialog', { name: 'About ICP Workbench' })).toContainText('No data leaves this computer')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Alt+Shift+W')
  await expect(startPage.heading).toBeVisible()
})

test('the app makes no request to anything but its own host', async ({ host, page, startPage, workspacePage, foreignRequests }) => {
  await startPage.goto(host.url)
  await startPage.createWorkspace('Offline')
  for (const section of SECTIONS) await workspacePage.goTo(section)
  await page.keyboard.press('F1')
  await page.keyboard.press('Escape')
  expect(foreignRequests).toEqual([])
})

test('a page opened without the token explains how to get in', async ({ host, page }) => {
  const bare = host.url.replace(/\?token=.*/, '')
  await page.goto(bare)
  await expect(page.getByRole('alert')).toContainText('needs the link printed by npm run web')
})
