import { describe, expect, it } from 'vitest'
import type { ValueCount } from '@shared/domain/dataset'
import { DictionaryColumnBuilder } from '@shared/engine/dictionary-column'
import { splitCompound } from '@shared/import/header-compounds'
import { proposeCleanups } from '@shared/import/hygiene'
import { outcomeKey, outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { binaryOutcomePolarity, levelEvidence, suggestLevel, suggestOutcomeMapping, suggestRolesWithReasons } from '@shared/import/suggest'
import { decidePlaceholders, inferColumnType, numberUnit } from '@shared/import/values'

const vc = (...pairs: Array<[string, number]>): ValueCount[] => pairs.map(([value, count]) => ({ value, count }))
/** The same pairs as the two parallel lists profiling holds. */
const table = (...pairs: Array<[string, number]>) => ({ values: pairs.map(([v]) => v), counts: pairs.map(([, c]) => c) })
const HINTS = new Set(['', 'n/a', 'na', 'none', 'unknown', '-', 'null'])

describe('placeholders are decided per column, from its data', () => {
  it('keeps a frequent "None" in a category column as a value (no competitor), with the reason', () => {
    const [none] = decidePlaceholders({ values: vc(['None', 412], ['Acme', 300], ['Globex', 200]), type: 'category', hints: HINTS })
    expect(none).toMatchObject({ token: 'None', missing: false })
    expect(none!.reason).toBe("45% of the filled rows, and reads as one of the column's values (a real “None”)")
  })

  it('reads a rare "None", and any "None" among numbers, as a placeholder', () => {
    expect(
      decidePlaceholders({ values: vc(['None', 2], ['Acme', 300], ['Globex', 200]), type: 'category', hints: HINTS })[0]!.missing
    ).toBe(true)
    expect(decidePlaceholders({ values: vc(['None', 50], ['12', 30], ['40', 20]), type: 'number', hints: HINTS })[0]!.missing).toBe(true)
  })

  it('keeps "NA" (North America) as a territory, but "unknown" and "N/A" are always gaps', () => {
    const decided = decidePlaceholders({
      values: vc(['EMEA', 989], ['NA', 757], ['unknown', 40], ['N/A', 3]),
      type: 'category',
      hints: HINTS
    })
    expect(Object.fromEntries(decided.map((d) => [d.token, d.missing]))).toEqual({ NA: false, unknown: true, 'N/A': true })
  })

  it('finds a numeric code for "none" far outside the other values (pdays = 999), and only then', () => {
    const pdays = decidePlaceholders({ values: vc(['999', 39673], ['3', 439], ['6', 412], ['27', 1]), type: 'number', hints: HINTS })
    expect(pdays).toEqual([expect.objectContaining({ token: '999', missing: true })])
    expect(pdays[0]!.reason).toBe('98% of the rows, far outside the other values (3 to 27): a code for “none”, not a number')
    // 999 among values up to 2,000 is a number like the others.
    expect(decidePlaceholders({ values: vc(['999', 400], ['1500', 300], ['2000', 10]), type: 'number', hints: HINTS })).toEqual([])
    // A rare 999 is not a code.
    expect(decidePlaceholders({ values: vc(['999', 1], ['3', 439], ['6', 412]), type: 'number', hints: HINTS })).toEqual([])
  })

  it('lets the consultant overrule a decision for one column', () => {
    const choices = new Map([['none', true]])
    const [none] = decidePlaceholders({ values: vc(['None', 412], ['Acme', 300]), type: 'category', hints: HINTS, choices })
    expect(none).toMatchObject({ token: 'None', missing: true, reason: 'you chose to treat it as missing in this column' })
  })
})

describe('what a number column measures', () => {
  const numbers = (...values: number[]) => values
  it('knows a size class 0-4 is a code, not money', () => {
    expect(numberUnit('Revenue Class', table(['0', 5], ['1', 5], ['4', 5]), numbers(0, 1, 2, 3, 4))).toBe('code')
    expect(numberUnit('Company Size', table(['0', 5], ['1', 5], ['4', 5]), numbers(0, 1, 2, 3, 4))).toBe('code')
  })
  it('reads money from currency signs or a money header, counts and percentages from theirs', () => {
    expect(numberUnit('Deal', table(['$1,200', 5], ['$3,400', 5]), numbers(1200, 3400))).toBe('money')
    expect(numberUnit('Annual Revenue', table(['1200000', 5], ['5400000', 5]), numbers(1200000, 5400000))).toBe('money')
    expect(numberUnit('Employees', table(['12', 5], ['450', 5]), numbers(12, 450))).toBe('count')
    expect(numberUnit('previous', table(['0', 5], ['1', 5], ['2', 5]), numbers(0, 1, 2))).toBe('count')
    expect(numberUnit('Win Rate', table(['0.4', 5], ['0.2', 5]), numbers(0.4, 0.2))).toBe('percent')
    expect(numberUnit('Year Founded', table(['1998', 5], ['2012', 5]), numbers(1998, 2012))).toBe('year')
  })
})

describe('two-valued outcome columns', () => {
  it('names a result whatever the CRM calls it, and knows churn is the bad result', () => {
    for (const header of ['Converted', 'IsWon', 'Is Converted', 'won', 'output', 'y', 'Outcome', 'Closed Won Flag']) {
      expect(binaryOutcomePolarity(header), header).toBe('won')
    }
    for (const header of ['Churn', 'Churned', 'Is Churned', 'Exited', 'Attrition'])
      expect(binaryOutcomePolarity(header), header).toBe('lost')
    for (const header of ['Has Website', 'Partner', 'Recently Raised', 'Email Opt Out'])
      expect(binaryOutcomePolarity(header), header).toBeNull()
  })

  it('is proposed as the outcome of a leads table, with the reason, and maps 1 to won', () => {
    const roles = suggestRolesWithReasons(
      [
        { header: 'Lead ID', type: 'id', values: vc(['L-1', 1], ['L-2', 1]) },
        { header: 'Industry', type: 'category', values: vc(['SaaS', 30], ['Retail', 20]) },
        { header: 'Converted', type: 'boolean', values: vc(['1', 120], ['0', 880]) }
      ],
      'flat'
    )
    expect(roles[2]).toEqual({ role: 'outcome', reason: 'two values, 1 and 0; name “Converted” reads as a result' })
    expect(suggestOutcomeMapping(vc(['1', 120], ['0', 880]))).toEqual([
      { value: '1', outcome: 'won' },
      { value: '0', outcome: 'lost' }
    ])
  })

  it('makes a churn flag the outcome of a customer table with no deal outcome (retained counts as won)', () => {
    const roles = suggestRolesWithReasons(
      [
        { header: 'customerID', type: 'id', values: vc(['7590-VHVEG', 1]) },
        { header: 'Churn', type: 'boolean', values: vc(['No', 5174], ['Yes', 1869]) }
      ],
      'flat'
    )
    expect(roles[1]!.role).toBe('outcome')
    expect(roles[1]!.reason).toMatch(/Yes \(churned\) counts as lost, No \(retained\) as won/)
    expect(outcomeMappingFor(vc(['No', 5174], ['Yes', 1869]), [], 'Churn').map((m) => m.outcome)).toEqual(['won', 'lost'])
  })

  it('yields to a stage column: Salesforce IsWon cannot tell lost from open', () => {
    const roles = suggestRolesWithReasons(
      [
        { header: 'Stage', type: 'category', values: vc(['Closed Won', 40], ['Closed Lost', 50], ['Negotiation/Review', 10]) },
        { header: 'IsWon', type: 'boolean', values: vc(['TRUE', 40], ['FALSE', 60]) }
      ],
      'flat'
    )
    expect(roles.map((r) => r.role)).toEqual(['outcome', 'ignore'])
  })

  it('matches one mapping across spellings: True in a CSV, TRUE in an XLSX, the Yes a review screen shows for 1', () => {
    expect(outcomeKey('True')).toBe(outcomeKey('TRUE'))
    expect(outcomeKey(' yes ')).toBe(outcomeKey('1'))
    expect(outcomeKey('Closed  Won')).toBe(outcomeKey('closed won'))
    const mapping = outcomeMappingFor(vc(['1', 10], ['0', 30]), [
      ['Yes', 'lost'],
      ['No', 'won']
    ])
    expect(mapping).toEqual([
      { value: '0', count: 30, outcome: 'won' },
      { value: '1', count: 10, outcome: 'lost' }
    ])
  })

  it('reads an order status: shipped is a sale, cancelled lost, on hold still open', () => {
    const statuses = vc(['Shipped', 1859], ['Cancelled', 38], ['On Hold', 28], ['Resolved', 28], ['Disputed', 12], ['In Process', 34])
    expect(Object.fromEntries(suggestOutcomeMapping(statuses).map((m) => [m.value, m.outcome]))).toEqual({
      Shipped: 'won',
      Cancelled: 'lost',
      'On Hold': 'open',
      Resolved: 'won',
      Disputed: 'open',
      'In Process': 'open'
    })
    // Without fulfilment words, "Cancelled" is a churned subscription, not a lost deal.
    expect(suggestOutcomeMapping(vc(['Active', 10], ['Cancelled', 3]))[1]!.outcome).toBeNull()
  })
})

describe('headers, flags and domains as real exports write them', () => {
  it('splits ALLCAPS compound headers into words', () => {
    expect(splitCompound('orderdate')).toBe('order date')
    expect(splitCompound('customername')).toBe('customer name')
    expect(splitCompound('addressline1')).toBe('address line 1')
    expect(splitCompound('territory')).toBe('territory')
    expect(splitCompound('mississippi')).toBe('mississippi')
  })

  it('reads a yes/no column as a flag even under an id-like header', () => {
    const values = vc(['Yes', 40], ['No', 60])
    expect(inferColumnType({ header: 'Has Website', values, rowCount: 100, missingCount: 0 }).type).toBe('boolean')
    expect(inferColumnType({ header: 'Email', values, rowCount: 100, missingCount: 0 }).type).toBe('boolean')
  })

  it('never takes "02.Medium" for a web domain, but does take real hosts', () => {
    const codes = suggestRolesWithReasons(
      [{ header: 'Size Band', type: 'category', values: vc(['01.Small', 30], ['02.Medium', 30], ['03.Large', 30]) }],
      'accounts'
    )
    expect(codes[0]!.role).toBe('attribute')
    const hosts = suggestRolesWithReasons(
      [{ header: 'Homepage', type: 'id', values: vc(['acme.com', 1], ['globex.io', 1], ['initech.co.uk', 1]) }],
      'accounts'
    )
    expect(hosts[0]!.role).toBe('domain')
  })

  it('never offers a date, a date part, a place identifier or a constant as a trait', () => {
    const roles = suggestRolesWithReasons(
      [
        { header: 'Last Meeting', type: 'date', values: vc(['2024-01-02', 30], ['2024-02-03', 30]) },
        { header: 'MONTH_ID', type: 'number', values: vc(['1', 30], ['2', 30]) },
        { header: 'Latitude', type: 'number', values: vc(['33.9', 30], ['34.1', 30]) },
        { header: 'Country', type: 'category', values: vc(['United States', 7043]) }
      ],
      'flat'
    )
    expect(roles.map((r) => r.role)).toEqual(['ignore', 'ignore', 'ignore', 'ignore'])
    expect(roles[3]!.reason).toMatch(/one value/)
  })

  it('reads a deal value under the names CRMs give it, and dates of engagement as the created date', () => {
    for (const header of ['Deal Value', 'Close Value', 'ACV', 'Amount in company currency', 'Amount (EUR)']) {
      const [role] = suggestRolesWithReasons([{ header, type: 'number', values: vc(['1200', 3], ['5400', 3]) }], 'deals')
      expect(role!.role, header).toBe('deal-amount')
    }
    for (const header of ['Engaged', 'Date Engaged', 'Opened', 'Deal - Deal created', 'Lead Created Date']) {
      const [role] = suggestRolesWithReasons([{ header, type: 'date', values: vc(['2024-01-02', 3]) }], 'deals')
      expect(role!.role, header).toBe('created-date')
    }
  })
})

describe('attribute levels', () => {
  const column = (values: string[]) => {
    const builder = new DictionaryColumnBuilder(values.length)
    for (const v of values) builder.push(v)
    return builder.finish()
  }
  const never = () => false

  it('counts accounts whose rows agree, and judges the level from them', () => {
    const key = column(['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'f', 'g', 'g', 'h', 'h'])
    const industry = column([
      'SaaS',
      'SaaS',
      'Retail',
      'Retail',
      'SaaS',
      'SaaS',
      'Media',
      'Media',
      'SaaS',
      'SaaS',
      'Retail',
      'Retail',
      'Media',
      'Media',
      'SaaS',
      'SaaS'
    ])
    const product = column(['A', 'B', 'A', 'A', 'B', 'A', 'A', 'B', 'B', 'A', 'A', 'B', 'A', 'B', 'B', 'A'])
    const sameEvidence = levelEvidence(key, never, industry, never)
    expect(sameEvidence).toMatchObject({ accountsWithSeveralRows: 8, constantAccounts: 8 })
    // Industries spread 8:4:4 over the rows would agree on an account's two deals 37.5% of the time.
    expect(sameEvidence.expectedByChance).toBeCloseTo(8 * (0.5 ** 2 + 0.25 ** 2 + 0.25 ** 2), 10)
    expect(suggestLevel('Industry', 'flat', sameEvidence)).toEqual({
      level: 'account',
      reason: 'one value on all deals of 8 of 8 accounts with several (by chance: 3)'
    })
    // Re-spelled now and then, an account fact is still far more constant than chance.
    expect(suggestLevel('Industry', 'flat', { accountsWithSeveralRows: 100, constantAccounts: 70, expectedByChance: 15 }).level).toBe(
      'account'
    )
    // A flag that is "No" almost everywhere is constant by chance: that alone says nothing.
    expect(suggestLevel('Discount', 'flat', { accountsWithSeveralRows: 100, constantAccounts: 85, expectedByChance: 82 }).level).toBe(
      'deal'
    )
    const productEvidence = levelEvidence(key, never, product, never)
    expect(suggestLevel('Product', 'flat', productEvidence)).toMatchObject({
      level: 'deal',
      reason: expect.stringMatching(/^differs between an account's deals in \d+ of 8 accounts with several$/)
    })
  })

  it('falls back to the table and the header when the data cannot tell', () => {
    expect(suggestLevel('Industry', 'accounts', null).level).toBe('account')
    expect(suggestLevel('Lead Source', 'flat', null)).toEqual({ level: 'deal', reason: 'named like a fact about the deal' })
    expect(suggestLevel('Industry', 'flat', null)).toEqual({ level: 'account', reason: 'each row is its own account' })
  })
})

describe('proposed clean-ups', () => {
  it('merges spelling variants by default and only proposes synonyms', () => {
    const cleanups = proposeCleanups(
      'Industry',
      vc(['SaaS', 300], ['SAAS', 40], ['saas', 12], ['Software as a Service', 25], ['Retail', 200])
    )
    expect(cleanups.map((c) => [c.kind, c.byDefault, c.rule])).toEqual([
      ['spelling', true, { kind: 'merge', column: 'Industry', from: ['SAAS', 'saas'], to: 'SaaS' }],
      ['synonym', false, { kind: 'merge', column: 'Industry', from: ['Software as a Service'], to: 'SaaS' }]
    ])
    expect(cleanups[0]!.rows).toBe(52)
  })

  it('merges "Series-A" and "Series A", and "INBOUND" and "Inbound", by default', () => {
    expect(proposeCleanups('Funding', vc(['Series A', 50], ['Series-A', 10], ['Seed', 40]))[0]).toMatchObject({
      kind: 'spelling',
      byDefault: true
    })
    expect(proposeCleanups('Source', vc(['Inbound', 50], ['INBOUND', 10], ['Outbound', 40]))[0]).toMatchObject({
      kind: 'spelling',
      byDefault: true
    })
  })

  it('proposes a typo only when it is rare beside the value it resembles: two small towns stay two towns', () => {
    expect(proposeCleanups('Industry', vc(['Manufacturing', 300], ['Manufacturng', 2], ['Retail', 200]))[0]).toMatchObject({
      kind: 'synonym'
    })
    expect(proposeCleanups('City', vc(['Bradley', 5], ['Brawley', 5], ['Fresno', 60]))).toEqual([])
  })

  it('proposes one way of writing US states when a column mixes "CA" and "California"', () => {
    const [rule] = proposeCleanups('State', vc(['CA', 50], ['California', 20], ['NY', 30], ['Texas', 10]))
    expect(rule).toMatchObject({ kind: 'us-state', byDefault: false, rule: { kind: 'us-state', column: 'State', to: 'code' }, rows: 70 })
  })
})
