import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCrm, writeCsv, writeWorkbook } from '../../scripts/crm-generator/index'
import { DataPage } from './pages/data-page'
import { expect, test } from './support/fixtures'

/** A client's exports as they hand them over: accounts as a titled XLSX report, deals as CSV. */
function writeExports(dir: string, seed: number, accounts = 300): { accountsXlsx: string; dealsCsv: string } {
  const crm = generateCrm({ seed, accounts, mess: 'typical', flavor: 'workbook' })
  const accountsXlsx = join(dir, 'accounts.xlsx')
  const dealsCsv = join(dir, 'deals.csv')
  writeFileSync(accountsXlsx, writeWorkbook([{ name: 'Accounts', table: crm.accounts }], { bookType: 'xlsx', title: true }))
  writeFileSync(dealsCsv, writeCsv(crm.deals, {}))
  return { accountsXlsx, dealsCsv }
}

let files: string
test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'icp-e2e-files-'))
})
test.afterAll(() => rmSync(files, { recursive: true, force: true }))

test('import accounts and deals, fix a type, map outcomes, merge spellings; all of it survives a reopen', async ({
  host,
  page,
  startPage,
  workspacePage
}) => {
  test.setTimeout(180_000)
  const { accountsXlsx, dealsCsv } = writeExports(files, 11)
  const data = new DataPage(page)
  await startPage.goto(host.url)
  await startPage.createWorkspace('Northwind — Q3 ICP')
  await expect(page.getByText("Drop the client's CRM exports here")).toBeVisible()

  // Both files at once: reviewed one after the other.
  await data.upload([accountsXlsx, dealsCsv])
  await data.expectReview('accounts.xlsx')
  await expect(page.getByRole('list', { name: 'File 1 of 2' })).toBeVisible()
  await expect(data.importAs('Accounts')).toBeChecked()
  // The report's title rows are above the header, and were found.
  await expect(page.getByLabel('Header row')).toHaveValue('4')
  await expect(data.roleOf('Account ID')).toHaveValue('account-id')
  await expect(data.typeOf('Industry')).toHaveValue('category')
  await data.commit()

  await data.expectReview('deals.csv')
  await expect(page.getByRole('list', { name: 'File 2 of 2' })).toBeVisible()
  await expect(data.importAs('Deals')).toBeChecked()
  // A free-text notes column guessed as a category: read it as text instead.
  await expect(data.typeOf('Next Step')).toHaveValue('category')
  await data.setType('Next Step', 'Text')
  await expect(data.typeOf('Next Step')).toHaveValue('text')
  await expect(data.columnRow('Next Step')).toContainText('Guessed Category')
  // Outcome values come preselected; an ambiguous stage is left unmapped on purpose.
  await expect(data.outcome('Closed Won', 'Won')).toBeChecked()
  await expect(data.outcome('Closed Lost', 'Lost')).toBeChecked()
  await data.outcome('Engaging', 'Not mapped').check()
  await expect(data.outcome('Engaging', 'Not mapped')).toBeChecked()
  await data.commit()

  // The overview: both tables, the automatic join, the outcome counts.
  await expect(data.tab('Tables')).toBeVisible({ timeout: 20_000 })
  await expect(data.stat('Accounts')).toHaveText('300')
  await expect(data.tableCard('Accounts')).toContainText('accounts.xlsx')
  await expect(data.tableCard('Deals')).toContainText('deals.csv')
  await expect(data.joinReport.getByRole('button', { name: /^Matched deals: [\d,]+/ })).toBeVisible()
  const matched = await data.joinReport.getByRole('button', { name: /^Matched deals/ }).getAttribute('aria-label')
  await expect(data.summary).toContainText('Not mapped 17')
  const deals = await data.stat('Deals').innerText()

  // Hygiene: spellings that differ only by case, spacing or punctuation were merged on import,
  // as rules the consultant can see; a synonym is left for them to merge by hand.
  await data.openTab('Data hygiene')
  await expect(data.rules).toContainText('into "Healthcare" in Industry')
  const merged = await data.rules.getByRole('listitem').count()
  await data.mergeSuggested('Industry', 'Software as a Service')
  await expect(data.rules.getByRole('listitem')).toHaveCount(merged + 1)
  await expect(data.rules).toContainText('"Software as a Service"')
  await expect(data.rules).toContainText(/Changes \d+ rows/)

  // Close, reopen from the recent list: everything came from the workspace file.
  await workspacePage.close()
  await startPage.openRecent('Northwind — Q3 ICP')
  await workspacePage.expectOpen('Northwind — Q3 ICP')
  await expect(data.tab('Tables')).toBeVisible()
  await data.openTab('Tables')
  await expect(data.tableCard('Accounts')).toContainText('300')
  await expect(data.tableCard('Deals')).toContainText('deals.csv')
  await expect(data.stat('Deals')).toHaveText(deals)
  await expect(data.joinReport.getByRole('button', { name: /^Matched deals/ })).toHaveAttribute('aria-label', matched ?? '')
  await data.openTab('Outcomes')
  await expect(data.outcome('Engaging', 'Not mapped')).toBeChecked()
  await expect(data.outcome('Closed Won', 'Won')).toBeChecked()
  await data.openTab('Columns')
  await data.pickTable('Deals')
  await expect(data.typeOf('Next Step')).toHaveValue('text')
  await data.openTab('Data hygiene')
  await expect(data.rules).toContainText('into "Healthcare" in Industry')
  await expect(data.rules.getByRole('listitem')).toHaveCount(merged + 1)
})

test('a file that cannot be read names itself; Cancel leaves the workspace as it was', async ({ host, page, startPage }) => {
  const data = new DataPage(page)
  const broken = join(files, 'pipeline.xlsx')
  writeFileSync(broken, Buffer.from('PK\u0003\u0004 this is not really a workbook'))
  await startPage.goto(host.url)
  await startPage.createWorkspace('Broken exports')

  await data.upload([broken])
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('pipeline.xlsx')
  await page.getByRole('button', { name: 'Cancel import' }).click()
  await expect(page.getByText("Drop the client's CRM exports here")).toBeVisible()

  // Cancel from the review discards the staged file: still no tables.
  const { dealsCsv } = writeExports(files, 12, 120)
  await data.upload([dealsCsv])
  await data.expectReview('deals.csv')
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(page.getByText("Drop the client's CRM exports here")).toBeVisible()

  // A long read shows its progress and can be stopped; nothing is left behind.
  const { dealsCsv: bigDeals } = writeExports(files, 13, 25_000)
  await data.upload([bigDeals])
  await expect(data.progress).toBeVisible()
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(page.getByText("Drop the client's CRM exports here")).toBeVisible()
  await page.reload()
  await expect(page.getByText("Drop the client's CRM exports here")).toBeVisible()
})
