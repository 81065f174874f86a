import { readFileSync } from 'node:fs'
import { readZip } from '../support/zip-entries'
import { test, expect } from './support/fixtures'
import { ExportPage } from './pages/export-page'
import { SimulatePage } from './pages/simulate-page'

test('Export: map the fields to Salesforce, refuse a name it would not accept, and download the hand-over pack', async ({
  page,
  host,
  startPage,
  workspacePage
}, testInfo) => {
  await startPage.openSampleAt(host.url)
  await new SimulatePage(page).open()
  await new SimulatePage(page).ensureScorecard()
  const exporter = new ExportPage(page)
  await exporter.open()

  await page.locator('summary', { hasText: 'CRM hand-over' }).click()
  await page.getByRole('radio', { name: 'Salesforce' }).check()
  const employees = page.getByRole('textbox', { name: /^Salesforce field for Employees/ })
  await expect(employees).toHaveValue('NumberOfEmployees')
  await expect(page.getByText('proposed').first()).toBeVisible()

  // A name Salesforce would not accept is refused in words, and nothing is saved.
  await employees.fill('Employee Count')
  await page.getByRole('button', { name: 'Save the mapping' }).click()
  await expect(page.getByRole('alert')).toContainText('"Employee Count", which is not a Salesforce field API name')
  await employees.fill('Employees__c')
  await page.getByRole('button', { name: 'Save the mapping' }).click()
  await expect(page.getByRole('button', { name: 'Save the mapping' })).toBeDisabled()
  await page.locator('.crm').screenshot({ path: testInfo.outputPath('crm-hand-over.png') })

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Download the Salesforce pack' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/ - Salesforce hand-over\.zip$/)
  const file = testInfo.outputPath('pack.zip')
  await download.saveAs(file)
  const entries = new Map(readZip(readFileSync(file)).map((e) => [e.name, new TextDecoder().decode(e.data)]))
  expect([...entries.keys()]).toEqual(
    expect.arrayContaining([
      'Salesforce setup sheet.txt',
      'ICP scores - Salesforce import.csv',
      'ICP_Score__c formula.txt',
      'ICP_Tier__c formula.txt'
    ])
  )
  // The saved name is the one the formula reads.
  expect(entries.get('ICP_Score__c formula.txt')).toContain('Employees__c')
  expect(entries.get('ICP scores - Salesforce import.csv')).toMatch(/ICP Score,ICP Tier,ICP Reasons/)

  // The mapping is kept with the workspace.
  await page.reload()
  await workspacePage.expectOpen('Sample — Stackwise')
  await exporter.open()
  await page.locator('summary', { hasText: 'CRM hand-over' }).click()
  await page.getByRole('radio', { name: 'Salesforce' }).check()
  await expect(page.getByRole('textbox', { name: /^Salesforce field for Employees/ })).toHaveValue('Employees__c')
})
