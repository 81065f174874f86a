import { describe, expect, it } from 'vitest'
import { formatRange, formatValue, proposeLabel, roundish, valueWords } from '@shared/export/readable-values'
import { isolated } from '@shared/format'

describe('client-facing labels proposed from raw column names', () => {
  it.each([
    ['hq_country', 'HQ country'],
    ['AnnualRevenue', 'Annual revenue'],
    ['ORDERDATE', 'Order date'],
    ['customerID', 'Customer ID'],
    ['NumberOfEmployees', 'Number of employees'],
    ['org_id', 'Org ID'],
    ['SeniorCitizen', 'Senior citizen'],
    ['Annual Revenue', 'Annual Revenue'],
    ['Tech Stack', 'Tech Stack'],
    ['Account: Annual Revenue', 'Annual Revenue'],
    ['Organization - Industry', 'Industry'],
    ['Deal - Owner', 'Deal owner'],
    ['Industry', 'Industry']
  ])('%s -> %s', (raw, label) => expect(proposeLabel(raw)).toBe(label))
})

describe('numbers by what they measure', () => {
  it('rounds cut-offs to what a person would say', () => {
    expect(roundish(0.058824)).toBe(0.059)
    expect(roundish(497)).toBe(500)
    expect(roundish(999_999)).toBe(1_000_000)
    expect(formatValue(0.058824, { unit: null, date: false })).toBe('0.06')
    expect(formatValue(0.058824, { unit: 'percent', date: false })).toBe('5.9%')
  })
  it('writes money only for money, codes and counts plain, dates as dates', () => {
    expect(formatValue(1_250_000, { unit: 'money', date: false })).toBe('$1.25M')
    expect(formatValue(3, { unit: 'code', date: false })).toBe('3')
    expect(formatValue(12_000, { unit: 'count', date: false })).toBe('12,000')
    expect(formatValue(Date.UTC(2021, 0, 31), { unit: null, date: true })).toBe('2021-01-31')
    expect(formatRange(51, 200, { unit: 'count', date: false })).toBe('51–200')
    expect(formatRange(2, 2, { unit: 'code', date: false })).toBe('2')
    expect(formatRange(null, 49, { unit: 'count', date: false })).toBe('up to 49')
    expect(formatRange(null, 999_999, { unit: 'money', date: false })).toBe('under $1M')
    expect(formatRange(200, null, { unit: 'count', date: false })).toBe('200+')
  })
})

describe('valueWords', () => {
  it('reads picklist codes as words and leaves everything else as stored', () => {
    expect(valueWords('FINANCIAL_SERVICES')).toBe('Financial services')
    expect(valueWords('ORGANIC_SEARCH')).toBe('Organic search')
    expect(valueWords('organic_search')).toBe('Organic search')
    expect(valueWords('US_EAST')).toBe('US east')
    expect(valueWords('newbusiness')).toBe('New business')
    expect(valueWords('existingbusiness')).toBe('Existing business')
    expect(valueWords('smallbusiness')).toBe('smallbusiness')
    expect(valueWords('SaaS')).toBe('SaaS')
    expect(valueWords('Series_B')).toBe('Series_B')
    expect(valueWords('A_1')).toBe('A_1')
    expect(valueWords('user_id_2')).toBe('User id 2')
    // HubSpot's industries: joining words in lower case, one long capitalised word as a word.
    expect(valueWords('INFORMATION_TECHNOLOGY_AND_SERVICES')).toBe('Information technology and services')
    expect(valueWords('WINE_AND_SPIRITS')).toBe('Wine and spirits')
    expect(valueWords('MACHINERY')).toBe('Machinery')
    expect(valueWords('RETAIL')).toBe('Retail')
    // Acronyms are short, and a part that is no joining word keeps its capitals.
    expect(valueWords('EMEA')).toBe('EMEA')
    expect(valueWords('SAAS')).toBe('SAAS')
    expect(valueWords('B2B')).toBe('B2B')
    expect(valueWords('OR_EAST')).toBe('OR east')
    expect(valueWords('SERIES_A')).toBe('Series A')
    expect(valueWords('US_OR_EAST')).toBe('US OR east')
  })

  it("writes a technographics field's lower-case tool codes as the vendors name them, and no other lower-case word", () => {
    // HubSpot's Web Technologies, as the one-pager printed them: "salesforce, segment, snowflake".
    expect(['salesforce', 'segment', 'snowflake', 'hubspot', 'microsoft_teams', 'aws'].map(valueWords)).toEqual([
      'Salesforce',
      'Segment',
      'Snowflake',
      'HubSpot',
      'Microsoft Teams',
      'AWS'
    ])
    expect(valueWords('Salesforce')).toBe('Salesforce')
    expect(valueWords('enterprise')).toBe('enterprise')
    expect(valueWords('acme')).toBe('acme')
  })
})

describe('isolated', () => {
  it('wraps right-to-left text and direction controls in an isolate, and leaves plain text alone', () => {
    expect(isolated('Tier A')).toBe('Tier A')
    expect(isolated('Top\u202e')).toBe('\u2068Top\u202e\u2069')
    expect(isolated('שלום')).toBe('\u2068שלום\u2069')
    expect(valueWords('Top\u202e')).toBe('\u2068Top\u202e\u2069')
  })
})

describe('a range column said by its bands', () => {
  // "1-10", "11-50", "51-200", "201-500", "10,001+" as an export writes them, scored by one number each.
  const bands = [
    { low: 1, high: 10, value: 5.5 },
    { low: 11, high: 50, value: 30.5 },
    { low: 51, high: 200, value: 125.5 },
    { low: 201, high: 500, value: 350.5 },
    { low: 10001, high: null, value: 10001 }
  ]
  const kind = { unit: null, date: false, bands }

  it('names the bands a range of their numbers takes in, never the numbers themselves', () => {
    expect(formatRange(125.5, 350.5, kind)).toBe('51–500')
    expect(formatRange(30.5, 30.5, kind)).toBe('11–50')
    expect(formatRange(null, 5.5, kind)).toBe('1–10')
    expect(formatRange(200, null, kind)).toBe('201+')
    expect(formatRange(6, 20, kind)).toBe('6–20')
  })
})
