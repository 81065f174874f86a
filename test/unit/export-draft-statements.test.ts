import { describe, expect, it } from 'vitest'
import type { CriterionFinding } from '@shared/engine/discover'
import { defaultScorecard, type Criterion, type Scorecard } from '@shared/engine/scorecard/model'
import { draftStatements, phraseOf } from '@shared/export/draft-statements'
import { conditionWords, qualifiesWords } from '@shared/export/readable-condition'
import { PLAIN } from '@shared/export/readable-values'

const criteria: Criterion[] = [
  { id: 'c1', category: 'Firmographic', attribute: 'industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
  { id: 'c2', category: 'Firmographic', attribute: 'employees', op: 'between', min: 51, max: 200, points: 20 },
  { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 25 },
  { id: 'c4', category: 'Firmographic', attribute: 'industry', op: 'in', values: ['Retail'], points: -10 }
]

function icp(): Scorecard {
  return { ...defaultScorecard('Core ICP'), criteria, knockouts: [{ name: 'Too small', attribute: 'employees', op: 'lt', value: 20 }] }
}

/** A finding as the engine reports it: `won` of `n` matching vs `otherWon` of `others`. */
function finding(
  id: string,
  supported: boolean,
  won: number,
  n: number,
  otherWon: number,
  others: number,
  expected: 'higher' | 'lower' = 'higher'
): CriterionFinding {
  const condition = id.startsWith('knockout:') ? icp().knockouts[0]! : criteria.find((c) => c.id === id)!
  return {
    id,
    condition,
    expected,
    unit: 'accounts',
    all: { matching: n, matchingPositive: won, others, othersPositive: otherWon },
    rate: won / n,
    interval: [won / n - 0.05, won / n + 0.05],
    othersRate: otherWon / others,
    overallRate: (won + otherWon) / (n + others),
    pValue: supported ? 0.001 : 0.4,
    qValue: supported ? 0.004 : 0.6,
    holdout: {
      matching: 40,
      matchingPositive: Math.round((40 * won) / n),
      others: 90,
      othersPositive: Math.round((90 * otherWon) / others)
    },
    heldOut: 'the newest deals',
    agrees: true,
    holdsOnHoldout: supported,
    supported,
    reason: supported ? null : 'The difference could be chance once 5 criteria are tested together.',
    unitsToSettle: supported ? null : 388
  }
}

const words = (attribute: string) =>
  attribute === 'industry'
    ? { label: 'Industry', kind: PLAIN }
    : attribute === 'employees'
      ? { label: 'Employees', kind: { unit: 'count' as const, date: false } }
      : { label: attribute, kind: PLAIN }

describe('statements drafted only from evidence', () => {
  it('writes a "win more often" sentence only for supported criteria, each with its evidence', () => {
    const drafted = draftStatements(icp(), {
      words,
      findings: [finding('c1', true, 82, 200, 60, 400), finding('c2', false, 50, 150, 90, 450), finding('c3', true, 40, 100, 100, 500)],
      verdict: { meets: false, sentence: 'Falls short.' }
    })
    expect(drafted.reliable).toBe(true)
    const texts = drafted.statements.map((s) => s.text)
    expect(texts).toEqual([
      'SaaS or FinTech companies win more often than other accounts.',
      'Accounts that run Salesforce win more often than the rest.',
      'We review this profile against new closed deals every quarter.'
    ])
    expect(drafted.statements[0]!.evidence).toBe('200 accounts: 41% won [36–46%] vs 15% of the other 400; on the newest deals 40% vs 16%.')
    // Employees did not hold up: no sentence claims it; the tier is not claimed without a verdict that meets.
    expect(texts.join(' ')).not.toMatch(/employees|Tier A|faster/)
  })

  it("writes an industry's CRM codes as words in its sentence, as the scorecard on the same page does", () => {
    // HubSpot's industry picklist: the page's scorecard reads "Information technology and services".
    const coded: Criterion = { ...criteria[0]!, values: ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'COMPUTER_SOFTWARE', 'Financial Services'] }
    const drafted = draftStatements(
      { ...icp(), criteria: [coded] },
      {
        words,
        findings: [{ ...finding('c1', true, 82, 200, 60, 400), condition: coded }],
        verdict: { meets: false, sentence: 'Falls short.' }
      }
    )
    expect(drafted.statements[0]!.text).toBe(
      'Information technology and services, Computer software or Financial Services companies win more often than other accounts.'
    )
    expect(conditionWords(coded, words('industry'))).toContain('Information technology and services, Computer software')
  })

  it('claims the knockout and the top tier only when the evidence supports them', () => {
    const supported = draftStatements(icp(), {
      words,
      findings: [finding('c1', true, 82, 200, 60, 400), finding('knockout:0', true, 3, 80, 150, 520, 'lower')],
      verdict: { meets: true, sentence: 'Meets the standard on the newest deals.' }
    })
    expect(supported.statements.map((s) => s.text)).toEqual([
      'SaaS or FinTech companies win more often than other accounts.',
      'We do not pursue accounts with fewer than 20 employees: they win less often than the rest and are disqualified whatever their score.',
      'Tier A accounts (a score of 80 or more) get first call on sales time.',
      'We review this profile against new closed deals every quarter.'
    ])
    expect(supported.statements[2]!.evidence).toBe('Meets the standard on the newest deals.')
    const unsupported = draftStatements(icp(), {
      words,
      findings: [finding('c1', true, 82, 200, 60, 400), finding('knockout:0', false, 30, 80, 150, 520, 'lower')],
      verdict: { meets: false, sentence: 'Falls short.' }
    })
    expect(unsupported.statements.map((s) => s.text).join(' ')).not.toMatch(/do not pursue|Tier A/)
  })

  it('promises a fresh export each quarter, not a review of new records, when the data has no dates', () => {
    const findings = [finding('c1', true, 82, 200, 60, 400)]
    const last = (context: Parameters<typeof draftStatements>[1]) => draftStatements(icp(), context).statements.at(-1)!.text
    expect(last({ words, findings, dated: false })).toBe('We re-test this profile every quarter on a fresh export of closed deals.')
    expect(last({ words, findings, dated: false, target: 'retained' })).toBe(
      'We re-test this profile every quarter on a fresh export of customers.'
    )
    expect(last({ words, findings, dated: true, target: 'retained' })).toBe(
      'We review this profile against new customer data every quarter.'
    )
  })

  it("names a churn study's row-level findings as customers, not deals", () => {
    const perRow = { ...finding('c3', true, 82, 200, 60, 400), unit: 'deals' as const, heldOut: 'the newest customers' }
    const drafted = draftStatements(icp(), { words, findings: [perRow], target: 'retained', rows: 'customers' })
    expect(drafted.statements[0]!.text).toBe('Customers that run Salesforce stay more often than the rest.')
    expect(drafted.statements[0]!.evidence).toMatch(/^200 customers: 41% stayed .*; on the newest customers 40% vs 16%\.$/)
    const asHypothesis = draftStatements(icp(), {
      words,
      findings: [{ ...perRow, supported: false }],
      target: 'retained',
      rows: 'customers'
    })
    expect(asHypothesis.statements[0]!.text).toBe('To test: do customers that run Salesforce stay more often than the rest?')
    expect(asHypothesis.statements.map((s) => `${s.text} ${s.evidence ?? ''}`).join(' ')).not.toMatch(/\bdeals?\b/)
  })

  it('turns into hypotheses to test, with what would settle them, when nothing holds up', () => {
    const drafted = draftStatements(icp(), {
      words,
      findings: [finding('c1', false, 62, 200, 110, 400), finding('c2', false, 50, 150, 90, 450), finding('c3', false, 30, 100, 150, 500)]
    })
    expect(drafted.reliable).toBe(false)
    const texts = drafted.statements.map((s) => s.text)
    expect(texts[0]).toBe('To test: do accounts whose industry is SaaS or FinTech win more often than the rest?')
    expect(texts.filter((t) => /win more often than/.test(t) && !t.startsWith('To test'))).toEqual([])
    expect(drafted.statements[0]!.evidence).toMatch(
      /^So far 200 accounts: 31% won .* could be chance .* About 388 decided accounts on each side/
    )
    expect(texts[texts.length - 1]).toMatch(/re-test these hypotheses/)
  })

  it('says there is nothing to test for a scorecard without criteria, and never "close faster"', () => {
    const drafted = draftStatements(defaultScorecard('Empty'), { findings: [] })
    expect(drafted.reliable).toBe(false)
    expect(drafted.statements[0]!.text).toMatch(/no criteria to test yet/)
    expect(drafted.statements.map((s) => s.text).join(' ')).not.toMatch(/faster|higher win rate/)
  })
})

describe('conditions in the words of their columns', () => {
  const base = { id: 'p', category: 'Firmographic', points: 1 }
  it('reads conditions as phrases, with money only for money columns', () => {
    const money = { unit: 'money' as const, date: false }
    expect(
      phraseOf(
        { ...base, attribute: 'AnnualRevenue', op: 'between', min: 1_000_000, max: 49_999_999 },
        { label: 'Annual revenue', kind: money }
      )
    ).toBe('with annual revenue of $1M–$50M')
    // A range that starts with a word takes no "of".
    expect(
      phraseOf({ ...base, attribute: 'AnnualRevenue', op: 'between', min: null, max: 999_999 }, { label: 'Annual revenue', kind: money })
    ).toBe('with annual revenue under $1M')
    expect(phraseOf({ ...base, attribute: 'pdays', op: 'between', min: null, max: 5 }, { label: 'pdays', kind: PLAIN })).toBe(
      'with pdays up to 5'
    )
    expect(
      phraseOf({ ...base, attribute: 'num_employees', op: 'gt', value: 1000 }, { label: 'Employees', kind: { unit: 'count', date: false } })
    ).toBe('with more than 1,000 employees')
    expect(phraseOf({ ...base, attribute: 'Uses Competitor', op: 'is_true' })).toBe('that use competitor')
    expect(phraseOf({ ...base, attribute: 'Region', op: 'not_in', values: ['APAC', 'LATAM'] })).toBe('whose region is not APAC or LATAM')
    // A code 0-4 is not money, whatever its name says.
    expect(qualifiesWords({ attribute: 'fund_stage', op: 'between', min: 1, max: 1 }, { unit: 'code', date: false })).toBe('1')
    expect(qualifiesWords({ attribute: 'budget_code', op: 'gt', value: 1 }, { unit: 'code', date: false })).toBe('over 1')
  })

  it('writes dates as dates, cut-offs rounded, bands without a line break inside', () => {
    const date = { unit: null, date: true }
    const day = Date.UTC(2017, 2, 15)
    expect(qualifiesWords({ attribute: 'ORDERDATE', op: 'between', min: day, max: null }, date)).toBe('from 2017-03-15')
    expect(qualifiesWords({ attribute: 'ORDERDATE', op: 'lt', value: day }, date)).toBe('before 2017-03-15')
    expect(qualifiesWords({ attribute: 'share', op: 'between', min: null, max: 0.058824 }, PLAIN)).toBe('up to 0.06')
    expect(qualifiesWords({ attribute: 'Employees', op: 'between', min: 51, max: 200 }, { unit: 'count', date: false })).toBe('51–200')
    expect(qualifiesWords({ attribute: 'Employees', op: 'between', min: 125.5, max: null }, { unit: 'count', date: false })).toBe('126+')
    expect(qualifiesWords({ attribute: 'Revenue', op: 'between', min: null, max: 999_999 }, { unit: 'money', date: false })).toBe(
      'under $1M'
    )
    expect(
      conditionWords(
        { attribute: 'hq_country', op: 'in', values: ['US', 'CA', 'MX', 'BR', 'AR', 'CL'] },
        { label: 'HQ country', kind: PLAIN }
      )
    ).toBe('HQ country is US, CA, MX, BR, AR, CL')
  })
})
