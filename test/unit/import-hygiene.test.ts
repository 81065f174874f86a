import { describe, expect, it } from 'vitest'
import type { HygieneRule } from '@shared/domain/data-views'
import type { ValueCount } from '@shared/domain/dataset'
import {
  applyHygieneRules,
  bandFor,
  COUNTRIES,
  countryCode,
  countryName,
  customBands,
  describeRule,
  EMPLOYEE_BANDS,
  REVENUE_BANDS,
  suggestMerges,
  US_STATES,
  usStateCode,
  usStateName
} from '@shared/import/hygiene'

/** Test stand-in for the importer's number parser: plain numbers, "$12.5M", and ranges by midpoint. */
function toNumber(raw: string): number | null {
  const text = raw.replace(/[$,\s]/g, '')
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text)
  if (range) return (Number(range[1]) + Number(range[2])) / 2
  const plus = /^(\d+)\+$/.exec(text)
  if (plus) return Number(plus[1])
  const scaled = /^(\d+(?:\.\d+)?)([KMB])$/i.exec(text)
  if (scaled) return Number(scaled[1]) * { K: 1e3, M: 1e6, B: 1e9 }[scaled[2]!.toUpperCase() as 'K' | 'M' | 'B']
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : null
}

const vc = (entries: Record<string, number>): ValueCount[] => Object.entries(entries).map(([value, count]) => ({ value, count }))

describe('US states', () => {
  it('has the 50 states, DC and Puerto Rico', () => {
    expect(US_STATES).toHaveLength(52)
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(52)
  })

  it('looks up by name and by code, in any case and with trivial punctuation', () => {
    expect(usStateCode('California')).toBe('CA')
    expect(usStateCode('new york')).toBe('NY')
    expect(usStateCode('NEW YORK')).toBe('NY')
    expect(usStateCode(' N.Y. ')).toBe('NY')
    expect(usStateCode('north-carolina')).toBe('NC')
    expect(usStateCode('Washington DC')).toBe('DC')
    expect(usStateCode('Washington')).toBe('WA')
    expect(usStateName('ca')).toBe('California')
    expect(usStateName('TX')).toBe('Texas')
    expect(usStateName('Puerto Rico')).toBe('Puerto Rico')
    expect(usStateName('dc')).toBe('District of Columbia')
  })

  it('does not recognise what is not a state', () => {
    expect(usStateCode('Ontario')).toBeNull()
    expect(usStateCode('XX')).toBeNull()
    expect(usStateCode('')).toBeNull()
  })
})

describe('countries', () => {
  it('has the full ISO alpha-2 list, each code once', () => {
    expect(COUNTRIES).toHaveLength(249)
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249)
    for (const c of COUNTRIES) expect(c.code).toMatch(/^[A-Z]{2}$/)
  })

  it('reads the variants exports use', () => {
    for (const us of ['United States', 'USA', 'U.S.', 'US', 'United States of America', 'usa', 'u.s.a.']) {
      expect(countryCode(us)).toBe('US')
    }
    for (const gb of ['UK', 'United Kingdom', 'Great Britain', 'GB', 'GBR', 'england']) expect(countryCode(gb)).toBe('GB')
    expect(countryCode('Deutschland')).toBe('DE')
    expect(countryCode('Germany')).toBe('DE')
    expect(countryCode('CAN')).toBe('CA')
    expect(countryCode('canada')).toBe('CA')
    expect(countryCode('The Netherlands')).toBe('NL')
    expect(countryCode('Korea, Republic of')).toBe('KR')
    expect(countryCode("Cote d'Ivoire")).toBe('CI')
    expect(countryCode('Türkiye')).toBe('TR')
    expect(countryCode('UAE')).toBe('AE')
  })

  it('writes names from codes and variants', () => {
    expect(countryName('us')).toBe('United States')
    expect(countryName('DEU')).toBe('Germany')
    expect(countryName('uk')).toBe('United Kingdom')
    expect(countryName('FR')).toBe('France')
  })

  it('does not recognise what is not a country', () => {
    expect(countryCode('Narnia')).toBeNull()
    expect(countryCode('EMEA')).toBeNull()
  })
})

describe('suggestMerges', () => {
  it('groups case, spacing and punctuation variants under the most frequent spelling', () => {
    expect(suggestMerges(vc({ SaaS: 50, saas: 7, 'S.a.a.S': 2, ' SaaS ': 1 }))).toEqual([
      { to: 'SaaS', from: ['saas', 'S.a.a.S', ' SaaS '] }
    ])
  })

  it('groups thesaurus synonyms', () => {
    const merges = suggestMerges(
      vc({
        SaaS: 40,
        'Software as a Service': 9,
        'Software-as-a-Service': 3,
        FinTech: 20,
        'Financial Technology': 4,
        'Fin Tech': 2,
        Healthcare: 30,
        'Health Care': 5,
        'E-commerce': 10,
        Ecommerce: 6,
        eCommerce: 3,
        'Information Technology': 8,
        IT: 12,
        Manufacturing: 25,
        Mfg: 2
      })
    )
    expect(merges).toEqual([
      { to: 'SaaS', from: ['Software as a Service', 'Software-as-a-Service'] },
      { to: 'Healthcare', from: ['Health Care'] },
      { to: 'Manufacturing', from: ['Mfg'] },
      { to: 'FinTech', from: ['Financial Technology', 'Fin Tech'] },
      { to: 'IT', from: ['Information Technology'] },
      { to: 'E-commerce', from: ['Ecommerce', 'eCommerce'] }
    ])
  })

  it('groups typos of long words', () => {
    expect(suggestMerges(vc({ Manufacturing: 40, Manufacturng: 2, 'Professional Services': 10, 'Profesional Services': 1 }))).toEqual([
      { to: 'Manufacturing', from: ['Manufacturng'] },
      { to: 'Professional Services', from: ['Profesional Services'] }
    ])
  })

  it('never merges different short values, numbers or series letters', () => {
    const merges = suggestMerges(
      vc({
        IT: 10,
        IoT: 10,
        CA: 10,
        GA: 10,
        'Series A': 5,
        'Series B': 5,
        'Series D+': 2,
        'Series D': 3,
        '1-10': 4,
        '110': 1,
        'C++': 2,
        C: 3
      })
    )
    expect(merges).toEqual([])
  })

  it('never reads the members of a series written as one word as typos of each other', () => {
    // As CRM exports often write them: long enough to be read for typos, a letter apart, and
    // the later rounds rare beside the first.
    expect(suggestMerges(vc({ SeriesA: 40, SeriesB: 6, SeriesC: 4, Seriesb: 1 }))).toEqual([{ to: 'SeriesB', from: ['Seriesb'] }])
  })

  it('keeps two common long words two letters apart apart', () => {
    expect(suggestMerges(vc({ Transportation: 20, Transformation: 15 }))).toEqual([])
  })

  it("writes the value in its nicest casing, though the export wrote it otherwise more often, but never a typo's", () => {
    expect(suggestMerges(vc({ retail: 30, Retail: 10, RETAIL: 5 }))).toEqual([{ to: 'Retail', from: ['retail', 'RETAIL'] }])
    // Among capitalised spellings the most frequent still wins: an acronym over a stray capital.
    expect(suggestMerges(vc({ IT: 100, It: 2, it: 1 }))).toEqual([{ to: 'IT', from: ['It', 'it'] }])
    expect(suggestMerges(vc({ manufacturing: 40, Manufacturng: 2 }))).toEqual([{ to: 'manufacturing', from: ['Manufacturng'] }])
    // A system's code (HubSpot writes industries as COMPUTER_SOFTWARE) is not what a client reads.
    expect(suggestMerges(vc({ COMPUTER_SOFTWARE: 60, 'Computer Software': 20 }))).toEqual([
      { to: 'Computer Software', from: ['COMPUTER_SOFTWARE'] }
    ])
    expect(suggestMerges(vc({ RETAIL: 15, Retail: 10, retail: 30 }))).toEqual([{ to: 'Retail', from: ['retail', 'RETAIL'] }])
    expect(suggestMerges(vc({ REAL_ESTATE: 9, real_estate: 30 }))).toEqual([{ to: 'REAL_ESTATE', from: ['real_estate'] }])
  })

  it('breaks frequency ties with the nicest casing', () => {
    expect(suggestMerges(vc({ saas: 5, SaaS: 5, SAAS: 5 }))).toEqual([{ to: 'SaaS', from: ['SAAS', 'saas'] }])
  })

  it('leaves missing-value tokens alone', () => {
    expect(suggestMerges(vc({ 'N/A': 5, 'n/a': 3, NA: 2 }))).toEqual([])
  })

  it('finds every case variant among 5,000 distinct values', () => {
    const words = ['Software', 'Services', 'Manufacturing', 'Logistics', 'Healthcare', 'Consulting', 'Analytics', 'Platform']
    const values: ValueCount[] = []
    for (let i = 0; values.length < 5000; i++) {
      const a = words[i % words.length]!
      const b = words[Math.floor(i / words.length) % words.length]!
      values.push({ value: `${a} ${b} Group ${i}`, count: 1 + (i % 7) })
      if (i % 50 === 0) values.push({ value: `${a.toLowerCase()} ${b} group ${i}`, count: 1 })
    }
    const merges = suggestMerges(values)
    expect(merges.length).toBe(Math.ceil(values.length / 51))
  })
})

describe('bands', () => {
  it('puts employee counts in inclusive integer ranges', () => {
    const cases: Array<[number, string]> = [
      [0, '1-10'],
      [1, '1-10'],
      [10, '1-10'],
      [10.5, '1-10'],
      [11, '11-50'],
      [50, '11-50'],
      [51, '51-200'],
      [200, '51-200'],
      [201, '201-500'],
      [500, '201-500'],
      [501, '501-1000'],
      [1000, '501-1000'],
      [1001, '1001-5000'],
      [5000, '1001-5000'],
      [5001, '5001-10000'],
      [10000, '5001-10000'],
      [10001, '10001+'],
      [250000, '10001+']
    ]
    for (const [n, label] of cases) expect(bandFor(n, EMPLOYEE_BANDS), String(n)).toBe(label)
    expect(EMPLOYEE_BANDS.map((b) => b.label)).toEqual([
      '1-10',
      '11-50',
      '51-200',
      '201-500',
      '501-1000',
      '1001-5000',
      '5001-10000',
      '10001+'
    ])
  })

  it('puts revenue in upper-exclusive bands', () => {
    const cases: Array<[number, string]> = [
      [0, '<$1M'],
      [999_999, '<$1M'],
      [1e6, '$1M-$10M'],
      [1e7, '$10M-$50M'],
      [49_999_999, '$10M-$50M'],
      [5e7, '$50M-$100M'],
      [1e8, '$100M-$500M'],
      [5e8, '$500M-$1B'],
      [1e9, '$1B+'],
      [4.2e10, '$1B+']
    ]
    for (const [n, label] of cases) expect(bandFor(n, REVENUE_BANDS), String(n)).toBe(label)
  })

  it('makes readable custom bands from cut points', () => {
    expect(customBands([50, 10, 1000, 10]).map((b) => b.label)).toEqual(['<10', '10-50', '50-1K', '1K+'])
    expect(customBands([1_500_000, 12_345]).map((b) => b.label)).toEqual(['<12345', '12345-1.5M', '1.5M+'])
    expect(customBands([10], ['Small', 'Large']).map((b) => b.label)).toEqual(['Small', 'Large'])
    expect(customBands([10], ['Only one']).map((b) => b.label)).toEqual(['<10', '10+'])
    const bands = customBands([10, 50])
    expect([bandFor(9.99, bands), bandFor(10, bands), bandFor(49, bands), bandFor(50, bands)]).toEqual(['<10', '10-50', '10-50', '50+'])
  })
})

describe('applyHygieneRules', () => {
  const rules: HygieneRule[] = [
    { kind: 'merge', column: 'Industry', from: ['saas', 'Software as a Service'], to: 'SaaS' },
    { kind: 'merge', column: 'Industry', from: ['Health Care'], to: 'Healthcare' },
    { kind: 'us-state', column: 'Billing State', to: 'code' },
    { kind: 'country', column: 'Country', to: 'name' },
    { kind: 'bands', column: 'Employees', preset: 'employees' },
    { kind: 'bands', column: 'Annual Revenue', preset: 'revenue' },
    { kind: 'bands', column: 'Seats', preset: 'custom', cuts: [10, 100] }
  ]

  it('merges spellings, ignoring case and spacing, and leaves other values alone', () => {
    const values = ['saas', 'SAAS ', 'Software as a Service', 'SaaS', 'Health care', 'Retail', '']
    expect(applyHygieneRules('Industry', values, rules, toNumber)).toEqual(['SaaS', 'SaaS', 'SaaS', 'SaaS', 'Healthcare', 'Retail', ''])
  })

  it('ignores rules for other columns and matches headers ignoring case and spacing', () => {
    expect(applyHygieneRules('Lead Source', ['saas'], rules, toNumber)).toEqual(['saas'])
    expect(applyHygieneRules(' industry ', ['saas'], rules, toNumber)).toEqual(['SaaS'])
  })

  it('normalises states and countries', () => {
    expect(applyHygieneRules('Billing State', ['California', 'ca', 'N.Y.', 'Ontario', 'N/A'], rules, toNumber)).toEqual([
      'CA',
      'CA',
      'NY',
      'Ontario',
      'N/A'
    ])
    expect(applyHygieneRules('Country', ['USA', 'U.S.', 'uk', 'Deutschland', 'Atlantis'], rules, toNumber)).toEqual([
      'United States',
      'United States',
      'United Kingdom',
      'Germany',
      'Atlantis'
    ])
  })

  it('bands numbers, ranges and labels written with commas', () => {
    expect(applyHygieneRules('Employees', ['10', '11', '51-200', '1,001-5,000', '10,001+', '250', 'lots'], rules, toNumber)).toEqual([
      '1-10',
      '11-50',
      '51-200',
      '1001-5000',
      '10001+',
      '201-500',
      'lots'
    ])
    expect(applyHygieneRules('Annual Revenue', ['$12.5M', '999999', '1000000000', 'n/a'], rules, toNumber)).toEqual([
      '$10M-$50M',
      '<$1M',
      '$1B+',
      'n/a'
    ])
    expect(applyHygieneRules('Seats', ['5', '10', '99', '100'], rules, toNumber)).toEqual(['<10', '10-100', '10-100', '100+'])
  })

  it('merges before normalising and banding', () => {
    const chained: HygieneRule[] = [
      { kind: 'country', column: 'Country', to: 'code' },
      { kind: 'merge', column: 'Country', from: ['Merica'], to: 'United States' }
    ]
    expect(applyHygieneRules('Country', ['Merica', 'Canada'], chained, toNumber)).toEqual(['US', 'CA'])
  })
})

describe('describeRule', () => {
  it('writes one line per rule', () => {
    expect(describeRule({ kind: 'merge', column: 'Industry', from: ['saas', 'Software as a Service'], to: 'SaaS' })).toBe(
      'Merge "saas", "Software as a Service" into "SaaS" in Industry'
    )
    expect(describeRule({ kind: 'merge', column: 'Industry', from: ['a', 'b', 'c', 'd', 'e', 'f'], to: 'X' })).toBe(
      'Merge "a", "b", "c", "d" and 2 more into "X" in Industry'
    )
    expect(describeRule({ kind: 'us-state', column: 'Billing State', to: 'code' })).toBe(
      'Write US states in Billing State as two-letter codes'
    )
    expect(describeRule({ kind: 'country', column: 'Country', to: 'name' })).toBe('Write countries in Country as names')
    expect(describeRule({ kind: 'bands', column: 'Employees', preset: 'employees' })).toBe(
      'Group Employees into employee bands (1-10 … 10001+)'
    )
    expect(describeRule({ kind: 'bands', column: 'Annual Revenue', preset: 'revenue' })).toBe(
      'Group Annual Revenue into revenue bands (<$1M … $1B+)'
    )
    expect(describeRule({ kind: 'bands', column: 'Seats', preset: 'custom', cuts: [10, 100] })).toBe(
      'Group Seats into bands (<10, 10-100, 100+)'
    )
  })
})
