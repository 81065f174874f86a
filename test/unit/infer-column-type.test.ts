import { describe, expect, it } from 'vitest'
import type { ValueCount } from '@shared/domain/dataset'
import { inferColumnType, isMissingValue, missingTokenSet, parseNumber, readValue } from '@shared/import/values'

const tokens = missingTokenSet()

/** A column as the importer hands it over: distinct trimmed non-missing values with counts. */
function column(header: string, cells: readonly string[]): Parameters<typeof inferColumnType>[0] {
  const counts = new Map<string, number>()
  let missingCount = 0
  for (const cell of cells) {
    if (isMissingValue(cell, tokens)) missingCount++
    else counts.set(cell.trim(), (counts.get(cell.trim()) ?? 0) + 1)
  }
  const values: ValueCount[] = [...counts].map(([value, count]) => ({ value, count }))
  return { header, values, rowCount: cells.length, missingCount }
}

const repeat = (times: number, ...cells: string[]): string[] => Array.from({ length: times }, () => cells).flat()
const typeOf = (header: string, cells: readonly string[]): string => inferColumnType(column(header, cells)).type
const utc = (iso: string): number => Date.parse(iso)

describe('inferColumnType', () => {
  it('reads an employee column of bands mixed with plain counts and placeholders as range', () => {
    const cells = repeat(5, '51-200', '10,001+', '1,250', 'N/A', '11-50', '201 - 500', '1-10', '5001-10000', '')
    expect(inferColumnType(column('Employees', cells))).toEqual({
      type: 'range',
      dateOrder: null,
      dateOrderAmbiguous: false,
      multiSeparators: null
    })
  })

  it('reads revenue in every money spelling as number', () => {
    expect(typeOf('Annual Revenue', repeat(4, '$12.5M', '12.5 million', '$5K', '€1.2m', '1,250,000', '$3,400,000', 'Unknown'))).toBe(
      'number'
    )
  })

  it('keeps a number column with a few bands a number column', () => {
    const cells = [...repeat(8, '1250', '1,400', '3200', '87', '$5K'), ...repeat(2, '$10M-$50M', '51-200')]
    expect(typeOf('Revenue', cells)).toBe('number')
  })

  it('tolerates a little dirt but not a lot', () => {
    const numbers = Array.from({ length: 100 }, (_, i) => String((i % 20) * 37))
    expect(typeOf('Seats', [...numbers, 'see notes', 'ask Bob', 'approx. 5'])).toBe('number')
    expect(typeOf('Seats', [...numbers, ...repeat(10, 'see notes')])).toBe('category')
  })

  it('reads a tech stack as multi with the separators it uses', () => {
    const cells = [
      'Salesforce; HubSpot | Slack',
      'Salesforce; Slack',
      'HubSpot',
      'Slack | Zendesk',
      'Salesforce',
      'Zendesk; HubSpot',
      'Slack',
      'n/a'
    ]
    expect(inferColumnType(column('Tech Stack', cells))).toEqual({
      type: 'multi',
      dateOrder: null,
      dateOrderAmbiguous: false,
      multiSeparators: ';|'
    })
  })

  it('reads mixed boolean spellings, x-or-blank and 0/1 as boolean, but 0-3 as number', () => {
    expect(typeOf('Has SSO', repeat(5, 'Yes', 'No', 'TRUE', 'x', 'no', 'false'))).toBe('boolean')
    expect(typeOf('Attended webinar', repeat(10, 'x', '', '', 'X'))).toBe('boolean')
    expect(typeOf('Is partner', repeat(10, '1', '0', '0'))).toBe('boolean')
    expect(typeOf('Open tickets', [...repeat(30, '0', '1', '1', '0'), '2', '3'])).toBe('number')
  })

  it('reads US dates as m/d/y, European dates as d/m/y, and flags a column that never decides', () => {
    const us = ['3/5/2024', '12/25/2023', '1/31/2024 2:30 PM', '7/4/2024', 'N/A']
    expect(inferColumnType(column('Close Date', us))).toEqual({
      type: 'date',
      dateOrder: 'mdy',
      dateOrderAmbiguous: false,
      multiSeparators: null
    })
    const european = ['05/03/2024', '25/12/2023', '31/01/2024', '04/07/2024']
    expect(inferColumnType(column('Created', european))).toMatchObject({ type: 'date', dateOrder: 'dmy', dateOrderAmbiguous: false })
    const undecided = ['03/05/2024', '01/02/2024', '12/11/2023', '04/07/2024']
    expect(inferColumnType(column('Signed', undecided))).toMatchObject({ type: 'date', dateOrder: null, dateOrderAmbiguous: true })
    const iso = ['2024-03-05', '2023-12-25T10:00:00Z', '2024-01-31 09:15:00']
    expect(inferColumnType(column('Stage changed', iso))).toMatchObject({ type: 'date', dateOrder: 'ymd', dateOrderAmbiguous: false })
  })

  it('reads Excel serials as dates only under a date header', () => {
    const serials = ['45292', '45300', '45412.5', '44927']
    expect(inferColumnType(column('Created Date', serials))).toMatchObject({ type: 'date', dateOrder: null, dateOrderAmbiguous: false })
    expect(typeOf('created_at', serials)).toBe('date')
    expect(typeOf('Closed On', serials)).toBe('date')
    expect(typeOf('ARR', serials)).toBe('number')
    expect(typeOf('Closed Won Amount', serials)).toBe('number')
  })

  it('reads identifiers by header, whatever the values look like', () => {
    const codes = Array.from({ length: 40 }, (_, i) => `ACC-${String(1000 + i)}`)
    expect(typeOf('Account ID', codes)).toBe('id')
    expect(typeOf('Opportunity Id', ['0061', '0062', '0061'])).toBe('id')
    expect(
      typeOf(
        'AccountId',
        Array.from({ length: 30 }, (_, i) => String(i + 1))
      )
    ).toBe('id')
    expect(typeOf('Account Name', ['Acme, Inc.', 'Globex', 'Acme, Inc.'])).toBe('id')
    expect(typeOf('Website', ['acme.com', 'https://www.globex.com/'])).toBe('id')
    expect(typeOf('Domain', ['acme.com', 'globex.com'])).toBe('id')
    expect(typeOf('Primary Email', ['ann@acme.com'])).toBe('id')
  })

  it('reads nearly unique short codes as id, but nearly unique numbers as number', () => {
    const codes = Array.from({ length: 40 }, (_, i) => `REF-${String(7000 + i * 13)}`)
    expect(typeOf('Reference', codes)).toBe('id')
    const companies = Array.from({ length: 30 }, (_, i) => `Company ${String(i)}, Inc.`)
    expect(typeOf('Company', companies)).toBe('id')
    expect(
      typeOf(
        'Amount',
        Array.from({ length: 40 }, (_, i) => `$${String(1000 + i * 250)}`)
      )
    ).toBe('number')
  })

  it('reads repeated short names as category, including names headed "... Name" that are not entities', () => {
    expect(typeOf('Industry', repeat(6, 'Software', 'Healthcare', 'SaaS', 'Financial Services', 'Select', 'Manufacturing'))).toBe(
      'category'
    )
    expect(typeOf('Stage Name', repeat(6, 'Closed Won', 'Closed Lost', 'Negotiation'))).toBe('category')
    expect(typeOf('State', ['CA', 'California', 'NY', 'TX', 'ca'])).toBe('category')
  })

  it('reads long or sentence-like values as text', () => {
    const notes = [
      'Met the VP of Sales at Dreamforce; strong interest in the enterprise plan',
      'Champion left the company, deal stalled in legal review for two months',
      'Budget approved for next quarter, needs SSO and a security questionnaire',
      'Called twice, no answer'
    ]
    expect(typeOf('Notes', notes)).toBe('text')
    const reasons = Array.from({ length: 30 }, (_, i) => `Lost to competitor number ${String(i)} on price`)
    expect(typeOf('Loss reason', reasons)).toBe('text')
  })

  it('calls an empty column category', () => {
    expect(inferColumnType(column('Fax', ['', 'N/A', '-']))).toEqual({
      type: 'category',
      dateOrder: null,
      dateOrderAmbiguous: false,
      multiSeparators: null
    })
  })
})

describe('readValue', () => {
  const plain = { dateOrder: null, multiSeparators: null }

  it('reads numbers, and a band in a number column as its representative value', () => {
    expect(readValue('$12.5M', 'number', plain)).toBe(12_500_000)
    expect(readValue('45%', 'number', plain)).toBe(0.45)
    expect(readValue('51-200', 'number', plain)).toBe(125.5)
    expect(readValue('see notes', 'number', plain)).toBe(null)
  })

  it('reads bands, and a plain number in a range column as a band of one value', () => {
    expect(readValue('10,001+', 'range', plain)).toEqual({ low: 10001, high: null, value: 10001 })
    expect(readValue('1,250', 'range', plain)).toEqual({ low: 1250, high: 1250, value: 1250 })
    expect(readValue('lots', 'range', plain)).toBe(null)
  })

  it('reads dates in the column order, and Excel serials', () => {
    expect(readValue('05/03/2024', 'date', { dateOrder: 'dmy', multiSeparators: null })).toBe(utc('2024-03-05T00:00:00Z'))
    expect(readValue('05/03/2024', 'date', { dateOrder: 'mdy', multiSeparators: null })).toBe(utc('2024-05-03T00:00:00Z'))
    expect(readValue('45292', 'date', plain)).toBe(utc('2024-01-01T00:00:00Z'))
    expect(readValue('45292.25', 'date', plain)).toBe(utc('2024-01-01T06:00:00Z'))
    expect(readValue('$45,292', 'date', plain)).toBe(null)
    expect(readValue('soon', 'date', plain)).toBe(null)
  })

  it('reads booleans', () => {
    expect(readValue('x', 'boolean', plain)).toBe(true)
    expect(readValue('No', 'boolean', plain)).toBe(false)
    expect(readValue('maybe', 'boolean', plain)).toBe(null)
  })

  it('reads multi cells as items', () => {
    const options = { dateOrder: null, multiSeparators: ';|' }
    expect(readValue('Salesforce; HubSpot | Slack', 'multi', options)).toEqual(['Salesforce', 'HubSpot', 'Slack'])
    expect(readValue('Google  Workspace;Slack;Slack', 'multi', options)).toEqual(['Google Workspace', 'Slack'])
    expect(readValue(' ; ', 'multi', options)).toBe(null)
  })

  it('reads words trimmed with inner whitespace collapsed', () => {
    expect(readValue('  Acme   Corp \n', 'id', plain)).toBe('Acme Corp')
    expect(readValue('Financial\tServices', 'category', plain)).toBe('Financial Services')
    expect(readValue('Line one\nline two', 'text', plain)).toBe('Line one line two')
    expect(readValue('Software', 'category', plain)).toBe('Software')
    expect(readValue('   ', 'text', plain)).toBe(null)
  })
})

describe('speed (printed, not asserted)', () => {
  it('parses a million typical number strings and infers a million-value id column', () => {
    const forms = (i: number): string => {
      switch (i % 6) {
        case 0:
          return String(i)
        case 1:
          return `$${String(i % 1000)},${String(100 + (i % 900))}`
        case 2:
          return `${String(i % 10_000)}.${String(i % 100)}`
        case 3:
          return `$${String(i % 100)}.5M`
        case 4:
          return `${String(i % 100)}%`
        default:
          return `(${String(i % 1000)},${String(100 + (i % 900))})`
      }
    }
    const strings = Array.from({ length: 1_000_000 }, (_, i) => forms(i))
    let sum = 0
    for (const text of strings) sum += parseNumber(text) ?? 0
    expect(Number.isFinite(sum)).toBe(true)

    const ids: ValueCount[] = Array.from({ length: 1_000_000 }, (_, i) => ({ value: `ACC-${String(i).padStart(7, '0')}`, count: 1 }))
    const guess = inferColumnType({ header: 'Ref', values: ids, rowCount: ids.length, missingCount: 0 })
    expect(guess.type).toBe('id')
  })
})
