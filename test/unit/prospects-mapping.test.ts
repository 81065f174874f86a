/**
 * The pure rules of prospect lists: which tool a file came from, how a list value finds the
 * workspace value it stands for, and how a band is judged against a numeric condition (met only
 * when all of it is, not met only when none of it is, unknown otherwise).
 */
import { describe, expect, it } from 'vitest'
import type { AttributeMapping } from '@shared/domain/prospects'
import { detectSource } from '@shared/prospects/detect-source'
import { conceptOf, unitFactorOf } from '@shared/prospects/header-concepts'
import {
  MET,
  NOT_MET,
  UNKNOWN_BAND,
  UNKNOWN_EMPTY,
  UNKNOWN_UNMAPPED,
  entryVerdicts,
  readAttribute
} from '@shared/prospects/condition-verdicts'
import { numberBand, placePart, type ProspectColumnData } from '@shared/prospects/prospect-column'
import { matchValue, vocabularyOf } from '@shared/prospects/value-match'

function column(name: string, dictionary: string[]): ProspectColumnData {
  return {
    name,
    type: 'category',
    dictionary,
    codes: Uint32Array.from(dictionary, (_, i) => i),
    counts: new Uint32Array(dictionary.length).fill(1),
    missing: new Set(['', 'n/a']),
    multiSeparators: null
  }
}

function mapping(kind: AttributeMapping['kind'], values: Array<[string, string | null]> = []): AttributeMapping {
  return {
    attribute: 'A',
    label: 'A',
    kind,
    column: 'c',
    part: null,
    via: null,
    unitFactor: 1,
    reason: '',
    decided: false,
    values: values.map(([prospect, mapped]) => ({ prospect, mapped, count: 1, reason: '', decided: false })),
    vocabulary: [],
    unreadable: 0,
    empty: 0
  }
}

describe('the list tool', () => {
  it('is read from the columns only that tool writes, else a plain list', () => {
    expect(detectSource(['Company', '# Employees', 'Apollo Account Id']).source).toBe('apollo')
    expect(detectSource(['ZoomInfo Company ID', 'Company Name']).source).toBe('zoominfo')
    expect(detectSource(['Company Name', 'Company HQ', 'Company size']).source).toBe('sales-navigator')
    expect(detectSource(['Company', 'Industry', 'Employees'])).toMatchObject({ source: 'plain' })
  })
})

describe('headers', () => {
  it('name a concept and a unit', () => {
    expect(conceptOf('# Employees')).toBe('employees')
    expect(conceptOf('Employee Range')).toBe('employees')
    expect(conceptOf('Billing State/Province')).toBe('state')
    expect(conceptOf('Company HQ')).toBe('place')
    expect(conceptOf('Primary NAICS Code')).toBe('naics')
    expect(conceptOf('Apollo Account Id')).toBeNull()
    expect(unitFactorOf('Revenue (in 000s USD)')).toBe(1000)
    expect(unitFactorOf('Annual Revenue')).toBe(1)
  })
})

describe('list values', () => {
  const industries = vocabularyOf(['SaaS', 'FinTech', 'Healthcare', 'Retail', 'Professional Services', 'Media'])
  it('map by name, synonym and contained words, with the reason', () => {
    expect(matchValue('saas', industries)).toEqual({ mapped: 'SaaS', reason: 'same value' })
    expect(matchValue('computer software', industries).mapped).toBe('SaaS')
    expect(matchValue('Hospital & Health Care', industries).mapped).toBe('Healthcare')
    expect(matchValue('Retail & E-commerce', industries).mapped).toBe('Retail')
    expect(matchValue('Business Consulting and Services', industries).mapped).toBe('Professional Services')
  })
  it('stay unmapped where an analyst would ask first, or where two values fit equally', () => {
    expect(matchValue('Financial Services', industries)).toMatchObject({ mapped: null, reason: 'no workspace value matches' })
    expect(matchValue('Colleges, Universities, and Professional Schools', industries).mapped).toBeNull()
    expect(matchValue('Retail Media', industries)).toMatchObject({ mapped: null, reason: expect.stringMatching(/^could be/) })
  })
  it('map countries and US states across codes and names', () => {
    expect(matchValue('United States', vocabularyOf(['US', 'GB'])).mapped).toBe('US')
    expect(matchValue('California', vocabularyOf(['CA', 'TX'])).mapped).toBe('CA')
  })
  it('read the part of "City, State, Country" an attribute asks for', () => {
    expect(placePart('Austin, Texas, United States', 'country')).toBe('United States')
    expect(placePart('Austin, Texas, United States', 'state')).toBe('Texas')
    expect(placePart('London, United Kingdom', 'country')).toBe('United Kingdom')
  })
})

describe('numbers and bands', () => {
  it('read counts, bands, open ends and ZoomInfo money', () => {
    expect(numberBand('51-200 employees', 1)).toEqual({ low: 51, high: 200 })
    expect(numberBand('10,001+', 1)).toEqual({ low: 10001, high: Infinity })
    expect(numberBand('$10 mil. - $25 mil.', 1)).toEqual({ low: 10e6, high: 25e6 })
    expect(numberBand('12500', 1000)).toEqual({ low: 12.5e6, high: 12.5e6 })
  })
  it('are met when all of the band is, not met when none is, unknown when it straddles', () => {
    const reading = readAttribute(mapping('number'), column('Company size', ['51-200', '11-50', '1-10', '', 'lots', '201-500']))
    expect(Array.from(entryVerdicts(reading, { attribute: 'A', op: 'between', min: 51, max: 500 }))).toEqual([
      MET,
      NOT_MET,
      NOT_MET,
      UNKNOWN_EMPTY,
      UNKNOWN_UNMAPPED,
      MET
    ])
    expect(Array.from(entryVerdicts(reading, { attribute: 'A', op: 'lt', value: 20 }))).toEqual([
      NOT_MET,
      UNKNOWN_BAND,
      MET,
      UNKNOWN_EMPTY,
      UNKNOWN_UNMAPPED,
      NOT_MET
    ])
    // A blank is what is_missing asks about: met, not unknown.
    expect(entryVerdicts(reading, { attribute: 'A', op: 'is_missing' })[3]).toBe(MET)
  })
})

describe('picklists', () => {
  it('judge mapped values with the engine and leave unmapped ones unknown, never "not met"', () => {
    const reading = readAttribute(
      mapping('category', [
        ['computer software', 'SaaS'],
        ['retail', 'Retail'],
        ['financial services', null]
      ]),
      column('Industry', ['computer software', 'retail', 'financial services', 'n/a'])
    )
    expect(Array.from(entryVerdicts(reading, { attribute: 'A', op: 'in', values: ['SaaS'] }))).toEqual([
      MET,
      NOT_MET,
      UNKNOWN_UNMAPPED,
      UNKNOWN_EMPTY
    ])
    expect(Array.from(entryVerdicts(reading, { attribute: 'A', op: 'not_in', values: ['SaaS'] }))).toEqual([
      NOT_MET,
      MET,
      UNKNOWN_UNMAPPED,
      UNKNOWN_EMPTY
    ])
  })
  it('judge a list of items on the items that map; a cell with none mapped is unknown', () => {
    const reading = readAttribute(
      mapping('multi', [
        ['Salesforce', 'Salesforce'],
        ['Slack', 'Slack'],
        ['WordPress', null]
      ]),
      { ...column('Technologies', ['Salesforce, WordPress', 'Slack, WordPress', 'WordPress', '']), type: 'multi' }
    )
    expect(Array.from(entryVerdicts(reading, { attribute: 'A', op: 'contains_any', values: ['Salesforce'] }))).toEqual([
      MET,
      NOT_MET,
      UNKNOWN_UNMAPPED,
      UNKNOWN_EMPTY
    ])
  })
})

describe('a few entries of a stored dictionary', () => {
  it('are read without parsing the rest, escapes and all', async () => {
    const { dictionaryEntries } = await import('../../src-main/backend/prospects/dictionary-entries')
    const values = ['Acme', 'Say "hi"', 'back\\slash\\', '', 'Café, Ünïcode', 'tab\there', 'end\\"quote']
    const json = JSON.stringify(values)
    const found = dictionaryEntries(json, new Set([1, 2, 3, 4, 5, 6]))
    expect([...found.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)).toEqual(values.slice(1))
    expect(dictionaryEntries(json, new Set([0]))).toEqual(new Map([[0, 'Acme']]))
    expect(dictionaryEntries(json, new Set([99])).size).toBe(0)
  })
})
