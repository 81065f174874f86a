/**
 * Text that used to import as silent garbage, and a huge cell that was misnamed (issue 17,
 * items 3 and 9): UTF-32 (with and without its byte-order mark) imported as rows of
 * NUL-separated characters; a UTF-8 mark over a Latin-1 body imported as "Soci\uFFFDt\uFFFD";
 * a correctly quoted cell over the size limit was called "closing quote is missing".
 */
import { describe, expect, it } from 'vitest'
import { readTable } from '../../src-main/backend/import/read'
import { latin1WithUtf8Bom, utf32 } from '../support/hostile-files'
import { readRefusal } from '../support/read-refusal'

const TEXT = 'Account,City,Employees\r\nSociété Générale,Zürich,120\r\nÅngström AB,Malmö,45\r\n'

function read(bytes: Uint8Array, name = 'accounts.csv') {
  const rows: string[][] = []
  const result = readTable(bytes, name, {}, (cells) => rows.push([...cells]))
  return { ...result, rows }
}

const refusal = readRefusal

describe('encodings', () => {
  it.each([
    ['le', true],
    ['le', false],
    ['be', true],
    ['be', false]
  ] as const)('reads UTF-32%s (byte-order mark: %s) as the text it is', (endian, bom) => {
    const result = read(utf32(TEXT, endian, bom))
    expect(result.encoding).toBe(`utf-32${endian}`)
    expect(result.headers).toEqual(['Account', 'City', 'Employees'])
    expect(result.rows).toEqual([
      ['Société Générale', 'Zürich', '120'],
      ['Ångström AB', 'Malmö', '45']
    ])
    expect(result.rows.flat().join('')).not.toContain('\0')
  })

  it('reads a Latin-1 body behind a UTF-8 mark as Windows-1252, and says so', () => {
    const result = read(latin1WithUtf8Bom(TEXT))
    expect(result.encoding).toBe('windows-1252')
    expect(result.headers[0]).toBe('Account')
    expect(result.rows[0]).toEqual(['Société Générale', 'Zürich', '120'])
    expect(result.rows.flat().join('')).not.toContain('\uFFFD')
    expect(result.warnings).toContain(
      'accounts.csv starts with a UTF-8 mark but its text is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters in the preview.'
    )
  })

  it('keeps UTF-8 behind a UTF-8 mark with one broken byte, and says so', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(TEXT.repeat(5), 'utf8'),
      Buffer.from([0x41, 0xe9, 0x0d, 0x0a])
    ])
    const result = read(new Uint8Array(body))
    expect(result.encoding).toBe('utf-8-bom')
    expect(result.rows[0]).toEqual(['Société Générale', 'Zürich', '120'])
    expect(result.warnings.some((w) => w.includes('a byte that is not valid UTF-8'))).toBe(true)
  })
})

describe('a cell larger than one cell may be', () => {
  const bigCell = (closing: string): Uint8Array =>
    new Uint8Array(
      Buffer.concat([
        Buffer.from('Account,Notes\r\nAcme,"'),
        Buffer.alloc(9 * 1024 * 1024, 'a'),
        Buffer.from(`${closing}\r\nGlobex,short\r\n`)
      ])
    )

  it('is named as too large, with its row and column, when its quotes are right', () => {
    const error = refusal(bigCell('"'), 'notes.csv')
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe(
      'notes.csv, row 2, column 2: this cell holds more than 8 million characters, more than one cell can be imported; export the table without that column (long notes or attached files) or shorten the text.'
    )
    expect(error.details).toMatchObject({ reason: 'cell-too-large', row: 2, column: 2 })
  })

  it('with doubled quotes inside is still one cell', () => {
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from('Account,Notes\r\nAcme,"'),
        Buffer.alloc(9 * 1024 * 1024, 'a'),
        Buffer.from('say ""hi"" ""'),
        Buffer.from('"\r\n')
      ])
    )
    expect(refusal(bytes, 'quotes.csv').details?.['reason']).toBe('cell-too-large')
  })

  it('is still a missing closing quote when the quote never closes', () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from('Account,Notes\r\nAcme,"'), Buffer.alloc(9 * 1024 * 1024, 'a'), Buffer.from('\r\nGlobex,short\r\n')])
    )
    const error = refusal(bytes, 'stray.csv')
    expect(error.message).toContain('closing quote is missing')
  })
})
