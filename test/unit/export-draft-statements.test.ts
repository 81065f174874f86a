import { describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { draftStatements, phraseOf } from '@shared/export/draft-statements'

function icp(): Scorecard {
  return {
    ...defaultScorecard('Core ICP'),
    criteria: [
      { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 50, max: 500, points: 20 },
      { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
      { id: 'c0', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Retail'], points: -10 },
      { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 25 },
      { id: 'c4', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 15 },
      { id: 'c5', category: 'Triggers', attribute: 'Hiring SDRs', op: 'is_true', points: 10 }
    ],
    knockouts: [{ name: 'Too small', attribute: 'Employees', op: 'lt', value: 20 }]
  }
}

describe('drafting the ICP statement from a scorecard', () => {
  it('writes one sentence per category from its strongest criteria, then the disqualifier', () => {
    expect(draftStatements(icp())).toEqual([
      'SaaS or FinTech companies with 50-500 employees are the core of the ICP.',
      'Accounts that run Salesforce win more often than the average account.',
      'Accounts that recently raised and are hiring SDRs win more often than the average account.',
      'We do not pursue accounts with fewer than 20 employees — they are disqualified whatever their score.'
    ])
  })

  it('always drafts 3 to 5 one-sentence statements', () => {
    const empty = defaultScorecard('Empty')
    const many: Scorecard = {
      ...icp(),
      categories: [...icp().categories, { name: 'Fit', budget: 10 }, { name: 'More', budget: 10 }],
      criteria: [
        ...icp().criteria,
        { id: 'x', category: 'Buying process', attribute: 'Lead Source', op: 'in', values: ['Referral'], points: 5 },
        { id: 'y', category: 'Fit', attribute: 'Region', op: 'in', values: ['EMEA'], points: 5 },
        { id: 'z', category: 'More', attribute: 'Plan', op: 'in', values: ['Pro'], points: 5 }
      ]
    }
    for (const scorecard of [empty, icp(), many]) {
      const statements = draftStatements(scorecard)
      expect(statements.length).toBeGreaterThanOrEqual(3)
      expect(statements.length).toBeLessThanOrEqual(5)
      for (const s of statements) {
        expect(s).toMatch(/^[A-Z].*\.$/)
        expect(s.slice(0, -1)).not.toMatch(/\.\s/)
      }
    }
    expect(draftStatements(empty)[0]).toBe('Tier A accounts (a score of 80 or more) get first call on sales time.')
  })

  it('ignores negative criteria and names each attribute once', () => {
    const text = draftStatements(icp()).join(' ')
    expect(text).not.toMatch(/Retail/)
  })

  it('reads conditions as phrases', () => {
    const base = { id: 'p', category: 'Firmographic', points: 1 }
    expect(phraseOf({ ...base, attribute: 'Annual Revenue', op: 'between', min: 1_000_000, max: 50_000_000 })).toBe(
      'with annual revenue of $1M-$50M'
    )
    expect(phraseOf({ ...base, attribute: 'Employees', op: 'gt', value: 1000 })).toBe('with more than 1,000 employees')
    expect(phraseOf({ ...base, attribute: 'Uses Competitor', op: 'is_true' })).toBe('that use competitor')
    expect(phraseOf({ ...base, attribute: 'Region', op: 'not_in', values: ['APAC', 'LATAM'] })).toBe('whose region is not APAC or LATAM')
  })
})
