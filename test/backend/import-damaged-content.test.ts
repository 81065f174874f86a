/**
 * Regression test for a finding of the import fuzz suite (import-fuzz.test.ts): an ODS whose
 * content.xml was garbled was refused with SheetJS's own TypeError text ("Cannot read
 * properties of undefined (reading '0')"), which tells the user nothing. The refusal is still
 * BAD_INPUT and names the file, and now says what is wrong in words (and calls an .ods an
 * OpenDocument spreadsheet, not an Excel workbook).
 */
import { describe, expect, it } from 'vitest'
import { generateCrm, writeWorkbook } from '../../scripts/crm-generator/index'
import { AppError } from '../../src-main/backend/app-error'
import { readTable } from '../../src-main/backend/import/read'
import { readZip, writeZip } from '../support/zip-entries'

describe('a workbook whose XML is garbled', () => {
  it('is refused in words, not with a JavaScript error message', () => {
    const crm = generateCrm({ seed: 'fuzz', accounts: 25, mess: 'heavy', flavor: 'workbook' })
    const entries = readZip(writeWorkbook([{ name: 'Deals', table: crm.flat }], { bookType: 'ods' }))
    const content = entries.find((e) => e.name === 'content.xml')!
    content.data = Uint8Array.from(content.data, (b, k) => (k % 7 === 0 ? b ^ 0x3c : b))
    let caught: unknown
    try {
      readTable(writeZip(entries), 'garbled.ods', {}, () => undefined)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    const error = caught as AppError
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe(
      'garbled.ods is damaged or incomplete (could not be read as an OpenDocument spreadsheet: its contents are not laid out the way a spreadsheet program writes them).'
    )
    expect(error.message).not.toMatch(/undefined|TypeError|Cannot read properties/)
  })
})
