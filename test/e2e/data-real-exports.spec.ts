import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataPage } from './pages/data-page'
import { DiscoverPage } from './pages/discover-page'
import { expect, test } from './support/fixtures'

let files: string
test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'icp-e2e-leads-'))
})
test.afterAll(() => rmSync(files, { recursive: true, force: true }))

/** A marketing leads export: one row per lead, no account key, a 0/1 "Converted" flag. */
function writeLeads(rows: number, flag = 'Converted', name = 'leads.csv'): { path: string; won: number } {
  const lines = [`Lead ID,Industry,Employees,Lead Source,${flag}`]
  let won = 0
  for (let i = 0; i < rows; i++) {
    const converted = i % 3 === 0 ? 1 : 0
    won += converted
    lines.push(`L-${i},${['SaaS', 'Retail', 'Media'][i % 3]},${10 + ((i * 37) % 900)},${i % 2 ? 'Inbound' : 'Outbound'},${converted}`)
  }
  const path = join(files, name)
  writeFileSync(path, lines.join('\n'))
  return { path, won }
}

test('a leads file with a 0/1 outcome imports with no changes, and again after re-picking the outcome column', async ({
  host,
  page,
  startPage
}) => {
  test.setTimeout(90_000)
  const { path, won } = writeLeads(240)
  const data = new DataPage(page)
  await startPage.goto(host.url)
  await startPage.createWorkspace('Leads — campaign review')

  await data.upload([path])
  await data.expectReview('leads.csv')
  await expect(data.roleOf('Converted')).toHaveValue('outcome')
  await expect(data.columnRow('Converted')).toContainText('two values, 1 and 0; name “Converted” reads as a result')
  await expect(data.outcome('1', 'Won')).toBeChecked()
  await expect(data.outcome('0', 'Lost')).toBeChecked()
  await data.commit()
  await expect(data.tab('Tables')).toBeVisible({ timeout: 20_000 })
  await expect(data.stat('Accounts')).toHaveText('240')
  await expect(data.summary).toContainText(`Won ${won}`)
  await expect(data.summary).toContainText(`Lost ${240 - won}`)

  // The path that used to fail: a flag whose name says nothing, picked as the outcome by hand.
  // The review shows its values as Yes and No while the file stores 1 and 0.
  const other = writeLeads(240, 'Moved To Pipeline', 'leads-q2.csv')
  await data.upload([other.path])
  await data.expectReview('leads-q2.csv')
  await expect(data.roleOf('Moved To Pipeline')).toHaveValue('attribute')
  await data.roleOf('Moved To Pipeline').selectOption({ label: 'Outcome (won/lost)' })
  await expect(data.outcome('Yes', 'Won')).toBeChecked()
  await expect(data.outcome('No', 'Lost')).toBeChecked()
  await expect(page.getByRole('complementary', { name: 'Deals by outcome' })).toContainText(`Won ${won}`)
  await data.commit()
  await expect(data.tab('Tables')).toBeVisible({ timeout: 20_000 })
  await expect(data.summary).toContainText(`Won ${won}`)
  await expect(data.summary).toContainText(`Lost ${240 - won}`)
})

test('raw column names get client-facing labels, editable in the Data section and used in Discover', async ({ host, page, startPage }) => {
  test.setTimeout(90_000)
  const lines = ['account_id,hq_country,num_employees,closed_won']
  for (let i = 0; i < 240; i++)
    lines.push(`A${i},${['US', 'DE', 'FR'][i % 3]},${10 + ((i * 37) % 900)},${i % 3 === 0 || i % 7 === 0 ? 'true' : 'false'}`)
  const path = join(files, 'snake.csv')
  writeFileSync(path, lines.join('\n'))
  const data = new DataPage(page)
  await startPage.goto(host.url)
  await startPage.createWorkspace('Labels')
  await data.upload([path])
  await data.expectReview('snake.csv')
  await expect(data.columnRow('hq_country')).toContainText('Shown as “HQ country”')
  await data.commit()
  await expect(data.tab('Tables')).toBeVisible({ timeout: 20_000 })

  await data.openTab('Columns')
  const field = page.getByLabel('Label of hq_country on screens and deliverables')
  await expect(field).toHaveValue('HQ country')
  await field.fill('Headquarters')
  await field.press('Enter')
  await expect(field).toHaveValue('Headquarters')

  const discover = new DiscoverPage(page)
  await discover.open()
  // The file has no real signal: Discover says so and keeps the ranking folded away.
  await page.getByText('Show the attributes anyway').click()
  await expect.poll(() => discover.attributeNames()).toContain('Headquarters')
  expect(await discover.attributeNames()).not.toContain('hq_country')
})
