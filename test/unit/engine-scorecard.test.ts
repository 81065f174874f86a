import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { CONDITION_OPS, DEFAULT_CATEGORIES, defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { attributeCatalog, type AttributeCatalog } from '@shared/engine/scorecard/operators'
import { fromPortable, ScorecardFormatError, toPortable } from '@shared/engine/scorecard/portable-format'
import { validateScorecard } from '@shared/engine/scorecard/validate'
import { mulberry32, randomDataset, randomScorecard, scorecardWith } from './engine-fixtures'

const catalog: AttributeCatalog = new Map([
  ['Industry', { kind: 'category', values: ['Software', 'Retail', 'Banking'] }],
  ['Employees', { kind: 'number' }],
  ['Uses CRM', { kind: 'boolean' }],
  ['Tech stack', { kind: 'multi', values: ['Salesforce', 'HubSpot', 'Slack'] }]
])

const sample: Scorecard = scorecardWith(
  [
    {
      id: 'x1',
      category: 'Firmographic',
      attribute: 'Industry',
      op: 'in',
      values: ['Software', 'Retail'],
      points: 15,
      label: 'Core verticals'
    },
    { id: 'x2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 1000, points: 10 },
    { id: 'x3', category: 'Technographic', attribute: 'Tech stack', op: 'contains_any', values: ['Salesforce'], points: 12 },
    { id: 'x4', category: 'Buying process', attribute: 'Uses CRM', op: 'is_false', points: -5 },
    { id: 'x5', category: 'Triggers', attribute: 'Employees', op: 'gt', value: 5000, points: -10 }
  ],
  {
    name: 'Core ICP',
    knockouts: [{ name: 'Too small', attribute: 'Employees', op: 'lt', value: 20 }],
    attributeCaps: [{ attribute: 'Tech stack', cap: 20 }],
    tiers: [
      { name: 'A', min: 80, color: '#2f855a' },
      { name: 'B', min: 60 },
      { name: 'C', min: 0 }
    ]
  }
)

describe('scorecard model', () => {
  it('starts with the default categories and tiers A >= 80, B >= 60, C below', () => {
    const scorecard = defaultScorecard('Core ICP')
    expect(scorecard.categories).toEqual([
      { name: 'Firmographic', budget: 30 },
      { name: 'Technographic', budget: 25 },
      { name: 'Triggers', budget: 25 },
      { name: 'Buying process', budget: 20 }
    ])
    expect(scorecard.tiers.map(({ name, min }) => [name, min])).toEqual([
      ['A', 80],
      ['B', 60],
      ['C', 0]
    ])
    expect(scorecard.criteria).toEqual([])
    // A copy: editing one scorecard never edits the defaults.
    scorecard.categories[0]!.budget = 99
    expect(DEFAULT_CATEGORIES[0]!.budget).toBe(30)
    expect(validateScorecard(scorecard, catalog)).toEqual([])
  })

  it('describes conditions in words', () => {
    expect(describeCondition({ attribute: 'Employees', op: 'lt', value: 20 })).toBe('Employees < 20')
    expect(describeCondition({ attribute: 'Employees', op: 'between', min: 51, max: 200 })).toBe('Employees 51-200')
    expect(describeCondition({ attribute: 'Employees', op: 'between', min: 51, max: null })).toBe('Employees >= 51')
    expect(describeCondition({ attribute: 'Industry', op: 'not_in', values: ['Retail', 'Banking'] })).toBe(
      'Industry is not Retail, Banking'
    )
    expect(describeCondition({ attribute: 'Tech stack', op: 'contains_all', values: ['A', 'B'] })).toBe('Tech stack has all of A, B')
    expect(describeCondition({ attribute: 'Uses CRM', op: 'is_missing' })).toBe('Uses CRM is missing')
  })

  it('builds the attribute catalog from a dataset', () => {
    const dataset = randomDataset(mulberry32(1), 50)
    const built = attributeCatalog(dataset)
    expect(built.get('Industry')?.kind).toBe('category')
    expect(built.get('Tech stack')?.values).toHaveLength(40)
    expect(built.get('Employees')).toEqual({ kind: 'number' })
  })
})

describe('scorecard validation', () => {
  const messages = (scorecard: Scorecard, attributes?: AttributeCatalog): string[] =>
    validateScorecard(scorecard, attributes).map((p) => p.message)

  it('accepts a sound scorecard', () => {
    expect(validateScorecard(sample, catalog).filter((p) => p.severity === 'error')).toEqual([])
  })

  it('reports ops that do not fit the attribute, bad ranges and missing operands', () => {
    const bad = scorecardWith([
      { id: 'a', category: 'Firmographic', attribute: 'Industry', op: 'lt', value: 3, points: 5 },
      { id: 'b', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 500, max: 200, points: 5 },
      { id: 'c', category: 'Firmographic', attribute: 'Employees', op: 'between', min: null, max: null, points: 5 },
      { id: 'd', category: 'Firmographic', attribute: 'Industry', op: 'in', values: [], points: 5 },
      { id: 'e', category: 'Firmographic', attribute: 'Employees', op: 'gt', points: 5 },
      { id: 'f', category: 'Nowhere', attribute: 'Industy', op: 'in', values: ['Retail'], points: 2.5 },
      { id: 'g', category: 'Firmographic', attribute: 'Employees', op: 'lt', value: 3, points: -20_000 }
    ])
    expect(messages(bad, catalog)).toEqual([
      'criterion 1: "lt" does not apply to Industry, a category attribute (use in, not_in, is_missing)',
      'criterion 2: "min" (500) is greater than "max" (200)',
      'criterion 3: "between" needs a "min", a "max" or both',
      'criterion 4: "in" needs at least one value',
      'criterion 5: "gt" needs a number in "value"',
      'criterion 6: "Nowhere" is not a category of this scorecard',
      'criterion 6: points must be a whole number',
      'criterion 6: the attribute "Industy" is not a column of this workspace',
      'criterion 7: points must be from -10000 to 10000'
    ])
    expect(validateScorecard(bad, catalog)[1]).toMatchObject({ severity: 'error', where: 'criterion 2', field: 'min' })
  })

  it('reports tier, category, id, knockout and cap problems', () => {
    const bad = scorecardWith(
      [
        { id: 'a', category: 'Firmographic', attribute: 'Uses CRM', op: 'is_true', points: 5 },
        { id: 'a', category: 'Firmographic', attribute: 'Uses CRM', op: 'is_false', points: 1 }
      ],
      {
        categories: [
          { name: 'Firmographic', budget: 30 },
          { name: 'Firmographic', budget: -1 }
        ],
        tiers: [
          { name: 'A', min: 60 },
          { name: 'Disqualified', min: 70 },
          { name: 'A', min: 101 }
        ],
        knockouts: [{ name: '', attribute: 'Employees', op: 'is_missing' }],
        attributeCaps: [
          { attribute: 'Uses CRM', cap: 0 },
          { attribute: 'Uses CRM', cap: 5 }
        ]
      }
    )
    expect(messages(bad)).toEqual([
      'category 2: "Firmographic" is listed twice',
      'category 2: the budget must be a number of points, 0 or more',
      'tier 2: "Disqualified" is reserved for knocked-out accounts',
      'tier 2: tiers go highest first: Disqualified (70) must start below A (60)',
      'tier 3: "A" is listed twice',
      'tier 3: the minimum must be a whole score from 0 to 100',
      'cap 1: the cap must be a whole number of points above 0',
      'cap 2: Uses CRM has two caps',
      'criterion 2: the id "a" is used twice',
      'knockout 1: has no name'
    ])
  })

  it('warns about unknown values, budgets, uncovered low scores and double counting', () => {
    const warned = scorecardWith(
      [
        {
          id: 'a',
          category: 'Technographic',
          attribute: 'Tech stack',
          op: 'contains_any',
          values: ['Salesforce', 'Pipedrive'],
          points: 20
        },
        { id: 'b', category: 'Technographic', attribute: 'Tech stack', op: 'contains_all', values: ['Salesforce', 'Slack'], points: 10 }
      ],
      {
        tiers: [
          { name: 'A', min: 80 },
          { name: 'B', min: 40 }
        ]
      }
    )
    const problems = validateScorecard(warned, catalog)
    expect(problems.every((p) => p.severity === 'warning')).toBe(true)
    expect(problems.map((p) => p.message)).toEqual([
      'tier 2: scores below 40 are counted in B, the lowest tier',
      'criterion 1: the value "Pipedrive" does not occur in Tech stack',
      'criterion 2: "Salesforce" is also in criterion 1, so a deal with it collects both criteria\'s points; set a cap on Tech stack to limit that',
      'category 2: the criteria in Technographic add up to 30 points, over its budget of 25'
    ])
    // A cap is the user's answer to double counting.
    const capped = { ...warned, attributeCaps: [{ attribute: 'Tech stack', cap: 20 }] }
    expect(validateScorecard(capped, catalog).some((p) => p.message.includes('collects both'))).toBe(false)
  })
})

describe('portable format icp-scorecard/1', () => {
  it('writes exactly the documented shape', () => {
    expect(JSON.parse(JSON.stringify(toPortable(sample)))).toEqual({
      format: 'icp-scorecard/1',
      name: 'Core ICP',
      categories: [
        { name: 'Firmographic', budget: 30 },
        { name: 'Technographic', budget: 25 },
        { name: 'Triggers', budget: 25 },
        { name: 'Buying process', budget: 20 }
      ],
      criteria: [
        { category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Software', 'Retail'], points: 15, label: 'Core verticals' },
        { category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 1000, points: 10 },
        { category: 'Technographic', attribute: 'Tech stack', op: 'contains_any', values: ['Salesforce'], points: 12 },
        { category: 'Buying process', attribute: 'Uses CRM', op: 'is_false', points: -5 },
        { category: 'Triggers', attribute: 'Employees', op: 'gt', value: 5000, points: -10 }
      ],
      knockouts: [{ name: 'Too small', attribute: 'Employees', op: 'lt', value: 20 }],
      tiers: [
        { name: 'A', min: 80, color: '#2f855a' },
        { name: 'B', min: 60 },
        { name: 'C', min: 0 }
      ],
      caps: [{ attribute: 'Tech stack', cap: 20 }]
    })
    const { attributeCaps: _caps, ...uncapped } = sample
    expect('caps' in toPortable(uncapped)).toBe(false)
    expect(Object.keys(toPortable(uncapped)).join()).toBe('format,name,categories,criteria,knockouts,tiers')
  })

  it('reads it back, with new ids, and warns about values the data lacks', () => {
    const json = toPortable(sample)
    json.criteria[0]!.values = ['Software', 'Mining']
    const { scorecard, warnings } = fromPortable(json, catalog)
    expect(scorecard.criteria.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
    expect(scorecard.criteria[0]).toEqual({
      id: 'c1',
      category: 'Firmographic',
      attribute: 'Industry',
      op: 'in',
      values: ['Software', 'Mining'],
      points: 15,
      label: 'Core verticals'
    })
    expect(warnings).toEqual(['criterion 1: the value "Mining" does not occur in Industry'])
    expect(fromPortable(json, catalog, { newId: (i) => `k${i}` }).scorecard.criteria[4]!.id).toBe('k4')
  })

  it('names unnamed knockouts after their condition and accepts open ranges written as null or left out', () => {
    const json = {
      format: 'icp-scorecard/1',
      name: 'Hand-written',
      categories: [{ name: 'Firmographic', budget: 30 }],
      criteria: [{ category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, points: 10 }],
      knockouts: [{ attribute: 'Employees', op: 'lt', value: 20 }],
      tiers: [{ name: 'A', min: 0 }]
    }
    const { scorecard } = fromPortable(json, catalog)
    expect(scorecard.knockouts).toEqual([{ name: 'Employees < 20', attribute: 'Employees', op: 'lt', value: 20 }])
    expect(scorecard.criteria[0]).toMatchObject({ min: 51, max: null })
  })

  it('refuses malformed files with a message naming the place and the field', () => {
    const good = JSON.parse(JSON.stringify(toPortable(sample))) as Record<string, unknown> & { criteria: Array<Record<string, unknown>> }
    const refused = (mutate: (json: typeof good) => unknown): string => {
      const json = JSON.parse(JSON.stringify(good)) as typeof good
      const input = mutate(json) ?? json
      try {
        fromPortable(input, catalog)
      } catch (error) {
        expect(error).toBeInstanceOf(ScorecardFormatError)
        expect(error).toBeInstanceOf(Error)
        return (error as Error).message
      }
      throw new Error('accepted')
    }
    expect(refused(() => [1, 2])).toBe('the file: must be an object (got [1,2])')
    expect(refused((j) => void (j.format = 'icp-scorecard/2'))).toBe(
      'the file: this is not an icp-scorecard/1 scorecard (its format is "icp-scorecard/2")'
    )
    expect(refused((j) => void delete j.format)).toBe('the file: this is not an icp-scorecard/1 scorecard (it has no "format" field)')
    expect(refused((j) => void (j.criteria[2]!.attribute = 'Industy'))).toBe(
      'criterion 3: the attribute "Industy" is not a column of this workspace'
    )
    expect(refused((j) => void (j.criteria[1]!.points = '5'))).toBe('criterion 2: "points" must be a whole number (got "5")')
    expect(refused((j) => void (j.criteria[1]!.points = 2.5))).toBe('criterion 2: "points" must be a whole number (got 2.5)')
    expect(refused((j) => void (j.criteria[0]!.value = 3))).toBe('criterion 1: "value" is not used by op "in"')
    expect(refused((j) => void (j.criteria[0]!.op = 'equals'))).toBe(
      'criterion 1: "op" must be one of in, not_in, between, lt, gt, is_true, is_false, contains_any, contains_all, is_missing (got "equals")'
    )
    expect(refused((j) => void (j.criteria[0]!.values = ['Retail', 7]))).toBe('criterion 1: "values" item 2 must be text (got 7)')
    expect(refused((j) => void (j.criteria[3]!.weight = 1))).toBe('criterion 4: unexpected field "weight"')
    expect(refused((j) => void (j.criteria[1]!.min = 2000))).toBe('criterion 2: "min" (2000) is greater than "max" (1000)')
    expect(refused((j) => void (j.criteria[1]!.op = 'lt'))).toBe('criterion 2: "min" is not used by op "lt"')
    expect(refused((j) => void (j.criteria[3]!.op = 'in'))).toBe('criterion 4: "values" must be a list (got nothing)')
    expect(refused((j) => void Object.assign(j.criteria[3]!, { op: 'in', values: ['x'] }))).toBe(
      'criterion 4: "in" does not apply to Uses CRM, a boolean attribute (use is_true, is_false, is_missing)'
    )
    expect(refused((j) => void (j.criteria = 'none' as never))).toBe('the file: "criteria" must be a list (got "none")')
    expect(refused((j) => void ((j.tiers as Array<Record<string, unknown>>)[1]!.min = '60'))).toBe(
      'tier 2: "min" must be a whole number (got "60")'
    )
    expect(refused((j) => void ((j.knockouts as Array<Record<string, unknown>>)[0]!.points = 3))).toBe(
      'knockout 1: unexpected field "points"'
    )
    expect(refused((j) => void ((j.caps as Array<Record<string, unknown>>)[0]!.attribute = 'Stack'))).toBe(
      'cap 1: the attribute "Stack" is not a column of this workspace'
    )
  })

  it('round-trips: toPortable -> JSON -> fromPortable gives the scorecard back (random scorecards)', () => {
    const random = mulberry32(20240601)
    const attributes = attributeCatalog(randomDataset(random, 200))
    for (let trial = 0; trial < 400; trial++) {
      const scorecard = randomScorecard(random)
      const json = JSON.parse(JSON.stringify(toPortable(scorecard))) as unknown
      const back = fromPortable(json, attributes).scorecard
      expect(back, `trial ${trial}`).toEqual(scorecard)
      expect(toPortable(back)).toEqual(toPortable(scorecard))
    }
  })

  it('ships a JSON Schema (draft 2020-12) that knows every op', () => {
    const schema = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../resources/schemas/icp-scorecard-1.schema.json'), 'utf8')
    ) as {
      $schema: string
      properties: { format: { const: string } }
    }
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.properties.format.const).toBe('icp-scorecard/1')
    const text = JSON.stringify(schema)
    for (const op of CONDITION_OPS) expect(text).toContain(`"${op}"`)
  })
})
