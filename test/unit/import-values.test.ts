import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  detectDateOrder,
  detectMultiSeparators,
  excelSerialToMs,
  isMissingValue,
  missingTokenSet,
  parseBoolean,
  parseDate,
  parseNumber,
  parseNumericRange,
  splitMultiValue
} from '@shared/import/values'
import { parseDateBytes } from '@shared/import/values/parse-date'

const utc = (iso: string): number => Date.parse(iso)
const counted = (...values: string[]): Array<{ value: string; count: number }> => values.map((value) => ({ value, count: 1 }))

describe('missing values', () => {
  const tokens = missingTokenSet()

  it('treats blanks and the default placeholders as missing, trimmed and case-insensitively', () => {
    for (const raw of [
      '',
      '   ',
      'N/A',
      ' n/a ',
      '#N/A',
      '-',
      '--',
      'NULL',
      'None',
      'Select',
      '--Select--',
      'Unknown',
      'TBD',
      'NaN',
      '\t'
    ]) {
      expect(isMissingValue(raw, tokens), raw).toBe(true)
    }
  })

  it('keeps real values, including ones that contain a placeholder', () => {
    for (const raw of ['0', 'No', 'Acme', 'N/A Corp', 'unknown vendor', '- 5']) expect(isMissingValue(raw, tokens), raw).toBe(false)
  })

  it('uses a custom token list, lower-cased and trimmed, with blank always missing', () => {
    const custom = missingTokenSet(['  Pending ', 'X'])
    expect([...custom].sort()).toEqual(['', 'pending', 'x'])
    expect(isMissingValue('PENDING', custom)).toBe(true)
    expect(isMissingValue('x', custom)).toBe(true)
    expect(isMissingValue('N/A', custom)).toBe(false)
    expect(isMissingValue(' ', custom)).toBe(true)
  })
})

describe('parseNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['42', 42],
    ['-17', -17],
    ['+5', 5],
    ['3.14', 3.14],
    ['.5', 0.5],
    ['0.45', 0.45],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['1 234', 1234],
    ['1 234 567,89', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['12,50', 12.5],
    ['1.234.567', 1234567],
    ['$1,200', 1200],
    ['$ 1,200.50', 1200.5],
    ['USD 1,200', 1200],
    ['1,200 USD', 1200],
    ['€1.200,50', 1200.5],
    ['£99', 99],
    ['¥5000', 5000],
    ['(1,200)', -1200],
    ['($1,200.00)', -1200],
    ['-$1,200', -1200],
    ['$-1,200', -1200],
    ['$12.5M', 12_500_000],
    ['CA$271m', 271_000_000],
    ['$5K', 5000],
    ['5k', 5000],
    ['€1.2m', 1_200_000],
    ['$3MM', 3_000_000],
    ['2B', 2_000_000_000],
    ['1.5bn', 1_500_000_000],
    ['1T', 1_000_000_000_000],
    ['12.5 million', 12_500_000],
    ['12.5 thousand', 12_500],
    ['3 billion', 3_000_000_000],
    ['45%', 0.45],
    ['112 %', 1.12],
    ['12.5%', 0.125],
    ['1.5E+06', 1_500_000],
    ['  7  ', 7],
    ['0', 0],
    ['-0', 0],
    // Not numbers.
    ['', null],
    ['$', null],
    ['abc', null],
    ['Acme 5', null],
    ['2024-01-05', null],
    ['3/5/2024', null],
    ['51-200', null],
    ['10,001+', null],
    ['1 2', null],
    ['1, 2', null],
    ['1.2.3', null],
    ['12,3456', null],
    ['1,23', 1.23],
    ['1,2345', null],
    ['05.03.2024', null],
    ['0x1F', null],
    ['Infinity', null],
    ['1e400', null],
    ['1,,2', null],
    ['EURO 5', null]
  ]
  it.each(cases)('%j -> %j', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected)
  })
})

describe('parseNumericRange', () => {
  const cases: Array<[string, { low: number | null; high: number | null; value: number } | null]> = [
    ['51-200', { low: 51, high: 200, value: 125.5 }],
    ['51 – 200', { low: 51, high: 200, value: 125.5 }],
    ['51—200', { low: 51, high: 200, value: 125.5 }],
    ['1,001-5,000', { low: 1001, high: 5000, value: 3000.5 }],
    ['10,001+', { low: 10001, high: null, value: 10001 }],
    ['10001+', { low: 10001, high: null, value: 10001 }],
    ['10K+', { low: 10000, high: null, value: 10000 }],
    ['1K-5K', { low: 1000, high: 5000, value: 3000 }],
    ['$10M-$50M', { low: 10_000_000, high: 50_000_000, value: 30_000_000 }],
    ['$10M - $50M', { low: 10_000_000, high: 50_000_000, value: 30_000_000 }],
    ['$1-5M', { low: 1_000_000, high: 5_000_000, value: 3_000_000 }],
    ['500-5K', { low: 500, high: 5000, value: 2750 }],
    ['< 10', { low: null, high: 10, value: 5 }],
    ['<10', { low: null, high: 10, value: 5 }],
    ['<= 10', { low: null, high: 10, value: 5 }],
    ['Under 10', { low: null, high: 10, value: 5 }],
    ['Less than 50', { low: null, high: 50, value: 25 }],
    ['10 or fewer', { low: null, high: 10, value: 5 }],
    ['Up to 10', { low: null, high: 10, value: 5 }],
    ['1-10 employees', { low: 1, high: 10, value: 5.5 }],
    ['201 to 500', { low: 201, high: 500, value: 350.5 }],
    ['Between 10 and 50', { low: 10, high: 50, value: 30 }],
    ['Over 10,000', { low: 10000, high: null, value: 10000 }],
    ['> $1B', { low: 1_000_000_000, high: null, value: 1_000_000_000 }],
    ['5,000 or more', { low: 5000, high: null, value: 5000 }],
    ['10K+ employees', { low: 10000, high: null, value: 10000 }],
    // Not ranges.
    ['1250', null],
    ['1,250', null],
    ['+5', null],
    ['-5', null],
    ['200-51', null],
    ['2024-01-05', null],
    ['2024-01', null],
    ['3-5 years', null],
    ['Acme-Globex', null],
    ['', null],
    ['Over the moon', null]
  ]
  it.each(cases)('%j -> %j', (raw, expected) => {
    expect(parseNumericRange(raw)).toEqual(expected)
  })
})

describe('parseDate', () => {
  const cases: Array<[string, 'mdy' | 'dmy' | null, string | null]> = [
    ['2024-03-05', null, '2024-03-05T00:00:00Z'],
    ['2024-03-05T14:30:00Z', null, '2024-03-05T14:30:00Z'],
    ['2024-03-05T14:30:00.250Z', null, '2024-03-05T14:30:00.250Z'],
    ['2024-03-05T14:30:00+02:00', null, '2024-03-05T12:30:00Z'],
    ['2024-03-05T14:30:00-0500', null, '2024-03-05T19:30:00Z'],
    ['2024-03-05 14:30', null, '2024-03-05T14:30:00Z'],
    ['2024-03-05 14:30:15', null, '2024-03-05T14:30:15Z'],
    ['2024/03/05', 'dmy', '2024-03-05T00:00:00Z'],
    ['3/5/2024', null, '2024-03-05T00:00:00Z'],
    ['3/5/2024', 'mdy', '2024-03-05T00:00:00Z'],
    ['03/05/24', null, '2024-03-05T00:00:00Z'],
    ['1/2/69', null, '2069-01-02T00:00:00Z'],
    ['12/31/99', null, '1999-12-31T00:00:00Z'],
    ['01/01/70', null, '1970-01-01T00:00:00Z'],
    ['05/03/2024', 'dmy', '2024-03-05T00:00:00Z'],
    ['05/03/2024', null, '2024-05-03T00:00:00Z'],
    ['25/12/2024', null, '2024-12-25T00:00:00Z'],
    ['25/12/2024', 'mdy', null],
    ['12/25/2024', 'dmy', null],
    ['05.03.2024', null, '2024-03-05T00:00:00Z'],
    ['05-03-2024', 'dmy', '2024-03-05T00:00:00Z'],
    ['5 Mar 2024', null, '2024-03-05T00:00:00Z'],
    ['05-MAR-24', null, '2024-03-05T00:00:00Z'],
    ['Mar 5, 2024', 'dmy', '2024-03-05T00:00:00Z'],
    ['March 5 2024', null, '2024-03-05T00:00:00Z'],
    ['Sept 30, 2023', null, '2023-09-30T00:00:00Z'],
    ['Tue, Mar 5, 2024', null, '2024-03-05T00:00:00Z'],
    ['5th March 2024', null, '2024-03-05T00:00:00Z'],
    ['3/5/2024 2:30 PM', null, '2024-03-05T14:30:00Z'],
    ['3/5/2024 12:15 AM', null, '2024-03-05T00:15:00Z'],
    ['3/5/2024 12:15 pm', null, '2024-03-05T12:15:00Z'],
    ['3/5/2024 14:30:15', null, '2024-03-05T14:30:15Z'],
    ['2024-02-29', null, '2024-02-29T00:00:00Z'],
    // The spellings read by position (see matchCommonCodes).
    ['2025-05-25 08:41:00', null, '2025-05-25T08:41:00Z'],
    ['2025-05-25T08:41Z', null, '2025-05-25T08:41:00Z'],
    ['7/24/2025 7:17 AM', null, '2025-07-24T07:17:00Z'],
    ['12/31/2024 11:59:30 pm', null, '2024-12-31T23:59:30Z'],
    ['1/2/2024 12:00 AM', 'dmy', '2024-02-01T00:00:00Z'],
    // Not dates.
    ['2024-02-30', null, null],
    ['2023-02-29', null, null],
    ['02/30/2024', null, null],
    ['13/13/2024', null, null],
    ['2024-13-01', null, null],
    ['3/5/2024 13:30 PM', null, null],
    ['3/5/2024 25:00', null, null],
    ['3/5/2024 0:15 AM', null, null],
    ['2024-03-05 24:00', null, null],
    ['2024-03-05 23:60', null, null],
    ['2024-03-05 23:59:60', null, null],
    ['2024', null, null],
    ['45292', null, null],
    ['51-200', null, null],
    ['1.234.567', null, null],
    ['Mar 2024', null, null],
    ['3/5', null, null],
    ['3/5/202', null, null],
    ['Acme Corp', null, null],
    ['2024-03-05 Acme', null, null]
  ]
  it.each(cases)('%j (%s) -> %s', (raw, order, expected) => {
    expect(parseDate(raw, order)).toBe(expected === null ? null : utc(expected))
    // The same value as bytes in place (a CSV timestamp still held as the file's bytes).
    if (isAscii(raw)) expect(parseDateBytes(...inFile(raw), order)).toBe(expected === null ? null : utc(expected))
  })

  it('reads any ASCII value from its bytes exactly as it reads the string', () => {
    const piece = fc.constantFrom(
      ...['2024', '03', '5', '12', '31', '99', '-', '/', '.', ':', ',', '+', ' ', 'T', 'Z', 'UTC', 'pm', 'AM', 'Mar', 'sept'],
      ...['march', 'Tue', 'th', 'x', '\u00a0', '250', '0500', '02:00', 'é', '7']
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.constantFrom('mdy', 'dmy', 'ymd', null), (pieces, order) => {
        const raw = pieces.join('')
        // Only ASCII entries are read from their bytes (EntryList.asciiSpan).
        fc.pre(isAscii(raw))
        // Digits before and after the value in the file: only bytes[from, end) are the value.
        expect(parseDateBytes(...inFile(raw, '1111', '11111111'), order)).toBe(parseDate(raw, order))
      }),
      { numRuns: 3000 }
    )
  })

  it('reads the common timestamp spellings by position exactly as the tokenizer reads them', () => {
    // Near misses too: one digit where two belong, other separators, out-of-range times.
    const digitsOf = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max })
    const time = fc.tuple(
      fc.constantFrom(' ', 'T', 't', '  ', ''),
      digitsOf(1, 3),
      fc.constantFrom(':', '.'),
      digitsOf(1, 3),
      fc.option(
        fc.tuple(fc.constant(':'), digitsOf(1, 3)).map((p) => p.join('')),
        { nil: '' }
      ),
      fc.constantFrom('', 'Z', 'z', ' AM', ' pm', ' Pm', 'PM', ' XM', '+02:00')
    )
    const iso = fc.tuple(digitsOf(3, 5), fc.constantFrom('-', '/'), digitsOf(1, 3), fc.constantFrom('-', '/'), digitsOf(1, 3))
    const us = fc.tuple(digitsOf(1, 3), fc.constantFrom('/', '-'), digitsOf(1, 3), fc.constantFrom('/', '-'), digitsOf(2, 5))
    fc.assert(
      fc.property(fc.oneof(iso, us), fc.option(time, { nil: null }), fc.constantFrom('mdy', 'dmy', null), (date, at, order) => {
        const raw = date.join('') + (at === null ? '' : at.join(''))
        // Around the value the file holds other timestamps: none of them may be read as part of it.
        expect(parseDateBytes(...inFile(raw, '2024-01-12,', '1/12/2024 11:59:30 PM'), order)).toBe(parseDate(raw, order))
      }),
      { numRuns: 5000 }
    )
  })
})

function isAscii(text: string): boolean {
  return [...text].every((c) => c.charCodeAt(0) < 0x80)
}

/** An ASCII value's bytes in place in a file, between `before` and `after`: [bytes, from, end). */
function inFile(value: string, before = '', after = ''): [Uint8Array, number, number] {
  return [Buffer.from(before + value + after, 'latin1'), before.length, before.length + value.length]
}

describe('excelSerialToMs', () => {
  it('reads 1900-system serials, time of day from the fraction', () => {
    expect(excelSerialToMs(45292)).toBe(utc('2024-01-01T00:00:00Z'))
    expect(excelSerialToMs(45292.5)).toBe(utc('2024-01-01T12:00:00Z'))
    expect(excelSerialToMs(45292.604166666664)).toBe(utc('2024-01-01T14:30:00Z'))
    expect(excelSerialToMs(1)).toBe(utc('1900-01-01T00:00:00Z'))
    expect(excelSerialToMs(2958465)).toBe(utc('9999-12-31T00:00:00Z'))
  })

  it('skips the fictitious 1900-02-29 (serial 60) that Excel inherited from Lotus 1-2-3', () => {
    expect(excelSerialToMs(59)).toBe(utc('1900-02-28T00:00:00Z'))
    expect(excelSerialToMs(60)).toBe(null)
    expect(excelSerialToMs(61)).toBe(utc('1900-03-01T00:00:00Z'))
  })

  it('refuses serials outside 1..2958465', () => {
    for (const serial of [0, 0.5, -1, 2958466, Number.NaN, Infinity]) expect(excelSerialToMs(serial)).toBe(null)
  })
})

describe('detectDateOrder', () => {
  it('finds d/m/y from a first part over 12 and m/d/y from a second part over 12', () => {
    expect(detectDateOrder(['03/04/2024', '25/04/2024'])).toEqual({ order: 'dmy', ambiguous: false })
    expect(detectDateOrder(['03/04/2024', '4/25/2024 2:30 PM'])).toEqual({ order: 'mdy', ambiguous: false })
    expect(detectDateOrder(['01.02.2024', '31.01.2024'])).toEqual({ order: 'dmy', ambiguous: false })
  })

  it('calls a column that mixes both conventions, or never decides, ambiguous', () => {
    expect(detectDateOrder(['25/04/2024', '4/25/2024'])).toEqual({ order: null, ambiguous: true })
    expect(detectDateOrder(['03/04/2024', '01/02/2024', '12/12/2024'])).toEqual({ order: null, ambiguous: true })
  })

  it('says y-m-d for ISO and named months, and nothing for no dates', () => {
    expect(detectDateOrder(['2024-03-05', 'Mar 5, 2024', '2024-03-05T10:00:00Z'])).toEqual({ order: 'ymd', ambiguous: false })
    expect(detectDateOrder(['2024-03-05', '3/25/2024'])).toEqual({ order: 'mdy', ambiguous: false })
    expect(detectDateOrder(['Acme', '51-200'])).toEqual({ order: null, ambiguous: false })
  })
})

describe('parseBoolean', () => {
  const cases: Array<[string, boolean | null]> = [
    ['Yes', true],
    ['yes', true],
    [' YES ', true],
    ['Y', true],
    ['TRUE', true],
    ['t', true],
    ['1', true],
    ['x', true],
    ['X', true],
    ['✓', true],
    ['✔', true],
    ['On', true],
    ['Checked', true],
    ['No', false],
    ['n', false],
    ['False', false],
    ['F', false],
    ['0', false],
    ['off', false],
    ['UNCHECKED', false],
    ['', null],
    ['maybe', null],
    ['2', null],
    ['yes please', null],
    ['Nope', null]
  ]
  it.each(cases)('%j -> %j', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected)
  })
})

describe('multi-valued cells', () => {
  it('splits on any separator, trims, drops empties and repeats, keeps order', () => {
    expect(splitMultiValue('Salesforce; HubSpot | Slack', ';|')).toEqual(['Salesforce', 'HubSpot', 'Slack'])
    expect(splitMultiValue(' Slack ;; Slack;Zoom; ', ';')).toEqual(['Slack', 'Zoom'])
    expect(splitMultiValue('Salesforce\nHubSpot', '\n')).toEqual(['Salesforce', 'HubSpot'])
    expect(splitMultiValue('Salesforce', ';|')).toEqual(['Salesforce'])
    expect(splitMultiValue(' ; ', ';')).toEqual([])
  })

  it('detects a tech stack and the separators it uses', () => {
    const stack = counted(
      'Salesforce; HubSpot | Slack',
      'Salesforce; Slack',
      'HubSpot',
      'Slack | Zendesk',
      'Salesforce',
      'Zendesk; HubSpot',
      'Slack'
    )
    expect(detectMultiSeparators(stack)).toBe(';|')
    const commas = counted('Salesforce, HubSpot', 'Slack, Salesforce', 'HubSpot, Slack, Zendesk', 'Zendesk', 'Salesforce')
    expect(detectMultiSeparators(commas)).toBe(',')
    const lines = counted('Salesforce\nHubSpot', 'Slack\nSalesforce', 'HubSpot\nSlack', 'Salesforce')
    expect(detectMultiSeparators(lines)).toBe('\n')
  })

  it('keeps a comma that is part of a name out of the separators', () => {
    const partners = counted('Acme, Inc.; Globex, LLC', 'Globex, LLC; Initech, Inc.', 'Acme, Inc.', 'Initech, Inc.; Acme, Inc.')
    expect(detectMultiSeparators(partners)).toBe(';')
  })

  it('does not call names, places, money or dates multi-valued', () => {
    expect(detectMultiSeparators(counted('Acme, Inc.', 'Globex, Inc.', 'Initech, LLC', 'Umbrella Corp', 'Hooli, Inc.'))).toBe(null)
    expect(detectMultiSeparators(counted('Austin, TX', 'Dallas, TX', 'Boston, MA', 'Denver, CO', 'Austin, TX'))).toBe(null)
    expect(detectMultiSeparators(counted('$1,200', '$3,400', '$1,200,000', '12,5'))).toBe(null)
    expect(detectMultiSeparators(counted('3/5/2024', '12/25/2023', '1/1/2024'))).toBe(null)
    expect(detectMultiSeparators(counted('Salesforce', 'HubSpot', 'Slack'))).toBe(null)
  })

  it('does not call sentences split by commas multi-valued', () => {
    const notes = counted(
      'Met at Dreamforce, interested in the enterprise plan',
      'Champion left, deal stalled in legal review',
      'Strong fit, budget approved for next quarter',
      'Needs SSO, security review pending with their CISO'
    )
    expect(detectMultiSeparators(notes)).toBe(null)
  })
})
