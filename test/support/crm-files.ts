import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateCrm, type CrmExport } from '../../scripts/crm-generator/index'
import { writeCsv } from '../../scripts/crm-generator/writers'
import { writeWorkbook } from '../../scripts/crm-generator/workbook'

/** Writes a generated client's accounts (XLSX with a title), deals (CSV) and flat export (CSV) into `dir`. */
export function writeCrmFiles(
  dir: string,
  seed: string,
  accounts = 300
): {
  crm: CrmExport
  accountsXlsx: string
  dealsCsv: string
  flatCsv: string
} {
  const crm = generateCrm({ seed, accounts, mess: 'typical', flavor: 'csv' })
  const workbookCrm = generateCrm({ seed, accounts, mess: 'typical', flavor: 'workbook' })
  const accountsXlsx = join(dir, 'accounts.xlsx')
  writeFileSync(accountsXlsx, writeWorkbook([{ name: 'Accounts', table: workbookCrm.accounts }], { bookType: 'xlsx', title: true }))
  const dealsCsv = join(dir, 'deals.csv')
  writeFileSync(dealsCsv, writeCsv(crm.deals, {}))
  const flatCsv = join(dir, 'flat.csv')
  writeFileSync(flatCsv, writeCsv(crm.flat, {}))
  return { crm, accountsXlsx, dealsCsv, flatCsv }
}
