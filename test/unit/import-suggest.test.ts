import { describe, expect, it } from 'vitest'
import type { ColumnRole, ColumnType, TableKind, ValueCount } from '@shared/domain/dataset'
import { hasWinsAndLosses, suggestCategory, suggestOutcomeMapping, suggestRole, suggestRoles } from '@shared/import/suggest'

const vc = (...values: string[]): ValueCount[] => values.map((value, i) => ({ value, count: 10 + i }))
const NUMBERS = vc('12', '40', '7', '130')
const DATES = vc('2024-01-15', '2024-03-02', '2023-11-30')
const IDS = vc('A-001', 'A-002', 'A-003', 'A-004')
const NAMES = vc('Acme Corp', 'Globex', 'Initech', 'Umbrella Health')
const BOOLS = vc('Yes', 'No')
const OPEN_STAGES = vc('Discovery', 'Proposal', 'Negotiation')
const STAGES = vc('Closed Won', 'Closed Lost', 'Discovery', 'Negotiation')

interface Case {
  header: string
  type: ColumnType
  values?: ValueCount[]
  table?: TableKind
  role: ColumnRole
}

function role({ header, type, values, table }: Omit<Case, 'role'>): ColumnRole {
  const fallback: Record<ColumnType, ValueCount[]> = {
    number: NUMBERS,
    range: vc('1-10', '11-50'),
    date: DATES,
    boolean: BOOLS,
    category: vc('Alpha', 'Beta'),
    multi: vc('Slack; Jira'),
    text: vc('short text'),
    id: IDS
  }
  return suggestRole({ header, type, values: values ?? fallback[type], tableKind: table ?? 'deals' })
}

const CASES: Case[] = [
  // Keys and names
  { header: 'Account ID', type: 'id', table: 'accounts', role: 'account-id' },
  { header: 'Account ID', type: 'category', role: 'account-id' },
  { header: 'Account: Account ID', type: 'id', role: 'account-id' },
  { header: 'Company ID', type: 'id', table: 'accounts', role: 'account-id' },
  { header: 'Record ID', type: 'id', table: 'accounts', role: 'account-id' },
  { header: 'Record ID', type: 'id', table: 'deals', role: 'deal-id' },
  { header: 'AccountId', type: 'id', role: 'account-id' },
  { header: 'Associated Company IDs', type: 'category', role: 'account-id' },
  { header: 'Account Name', type: 'id', values: NAMES, table: 'accounts', role: 'account-name' },
  { header: 'Company name', type: 'category', values: NAMES, role: 'account-name' },
  { header: 'Company', type: 'id', values: NAMES, table: 'accounts', role: 'account-name' },
  { header: 'Organization - Name', type: 'text', values: NAMES, role: 'account-name' },
  { header: 'Website', type: 'id', values: vc('acme.com', 'https://www.globex.com/'), table: 'accounts', role: 'domain' },
  { header: 'Domain', type: 'id', values: vc('acme.com', 'initech.io'), table: 'accounts', role: 'domain' },
  { header: 'Company Domain Name', type: 'id', values: vc('acme.com', 'initech.io'), table: 'accounts', role: 'domain' },
  { header: 'Opportunity ID', type: 'id', role: 'deal-id' },
  { header: 'Deal ID', type: 'id', table: 'flat', role: 'deal-id' },
  { header: 'Deal - ID', type: 'number', values: NUMBERS, role: 'deal-id' },
  // Outcome
  { header: 'Stage', type: 'category', values: OPEN_STAGES, role: 'outcome' },
  { header: 'Deal Stage', type: 'category', values: OPEN_STAGES, role: 'outcome' },
  { header: 'StageName', type: 'category', values: STAGES, role: 'outcome' },
  { header: 'Status', type: 'category', values: vc('Open', 'Pending'), role: 'outcome' },
  { header: 'Outcome', type: 'category', values: vc('W', 'L'), role: 'outcome' },
  { header: 'Won/Lost', type: 'category', values: vc('Won', 'Lost'), role: 'outcome' },
  { header: 'Deal Phase', type: 'category', values: STAGES, table: 'flat', role: 'outcome' },
  // Money and dates of the deal
  { header: 'Amount', type: 'number', role: 'deal-amount' },
  { header: 'Deal Amount', type: 'number', role: 'deal-amount' },
  { header: 'Opportunity Amount', type: 'number', role: 'deal-amount' },
  { header: 'Amount (converted)', type: 'number', role: 'deal-amount' },
  { header: 'Deal - Value', type: 'number', role: 'deal-amount' },
  { header: 'Amount', type: 'text', values: vc('call Bob about pricing'), role: 'attribute' },
  { header: 'Amount', type: 'number', table: 'accounts', role: 'attribute' },
  { header: 'Created Date', type: 'date', role: 'created-date' },
  { header: 'Create Date', type: 'date', role: 'created-date' },
  { header: 'Close Date', type: 'date', role: 'closed-date' },
  { header: 'Closed Date', type: 'date', role: 'closed-date' },
  { header: 'CloseDate', type: 'date', role: 'closed-date' },
  { header: 'Created Date', type: 'date', table: 'accounts', role: 'ignore' },
  { header: 'Account: Created Date', type: 'date', table: 'flat', role: 'ignore' },
  { header: 'Account Created Date', type: 'date', table: 'flat', role: 'ignore' },
  { header: 'Sales Cycle (days)', type: 'number', role: 'sales-cycle-days' },
  { header: 'Days to Close', type: 'number', role: 'sales-cycle-days' },
  // Success metrics
  { header: 'ACV', type: 'number', table: 'accounts', role: 'acv' },
  { header: 'Annual Contract Value', type: 'number', table: 'accounts', role: 'acv' },
  { header: 'Annual Contract Value', type: 'number', role: 'deal-amount' },
  { header: 'Churned', type: 'boolean', table: 'accounts', role: 'churned' },
  { header: 'Is Churned', type: 'boolean', role: 'churned' },
  { header: 'Churn', type: 'boolean', table: 'accounts', role: 'churned' },
  { header: 'LTV', type: 'number', table: 'accounts', role: 'ltv' },
  { header: 'Lifetime Value', type: 'number', role: 'ltv' },
  { header: 'CLV', type: 'number', table: 'accounts', role: 'ltv' },
  { header: 'NRR', type: 'number', table: 'accounts', role: 'nrr' },
  { header: 'Net Revenue Retention', type: 'number', table: 'accounts', role: 'nrr' },
  { header: 'Net Dollar Retention', type: 'number', table: 'accounts', role: 'nrr' },
  { header: 'NDR (%)', type: 'number', table: 'accounts', role: 'nrr' },
  { header: 'Tenure (months)', type: 'number', table: 'accounts', role: 'tenure' },
  { header: 'Customer Since', type: 'date', table: 'accounts', role: 'ignore' },
  { header: 'NPS', type: 'number', table: 'accounts', role: 'nps' },
  { header: 'NPS Score', type: 'number', table: 'flat', role: 'nps' },
  { header: 'Time to Value (days)', type: 'number', table: 'accounts', role: 'time-to-value' },
  { header: 'TTV', type: 'number', table: 'accounts', role: 'time-to-value' },
  { header: 'Support Tickets', type: 'number', table: 'accounts', role: 'support-tickets' },
  { header: '# Tickets', type: 'number', table: 'accounts', role: 'support-tickets' },
  { header: 'Support Tickets (12m)', type: 'number', table: 'accounts', role: 'support-tickets' },
  { header: 'NPS', type: 'category', values: vc('Promoter', 'Detractor'), table: 'accounts', role: 'attribute' },
  // Attributes
  { header: 'Industry', type: 'category', table: 'accounts', role: 'attribute' },
  { header: 'Employees', type: 'range', table: 'accounts', role: 'attribute' },
  { header: 'Annual Revenue', type: 'number', table: 'accounts', role: 'attribute' },
  { header: 'Funding Stage', type: 'category', values: vc('Seed', 'Series A'), table: 'flat', role: 'attribute' },
  { header: 'Lifecycle Stage', type: 'category', values: vc('Lead', 'Customer'), table: 'accounts', role: 'ignore' },
  { header: 'Opportunity Owner', type: 'category', values: vc('Jordan Lee', 'Priya Shah'), role: 'attribute' },
  { header: 'Onboarding Completed', type: 'boolean', table: 'accounts', role: 'attribute' },
  // Not attributes
  { header: 'Notes', type: 'text', table: 'accounts', role: 'ignore' },
  { header: 'Next Step', type: 'text', role: 'ignore' },
  { header: 'Last Modified Date', type: 'date', role: 'ignore' },
  { header: 'Opportunity Owner', type: 'category', values: vc('jordan@acme.io', 'priya@acme.io'), role: 'ignore' },
  { header: 'Deal owner', type: 'category', values: vc('jordan@acme.io', 'priya@acme.io'), role: 'ignore' },
  { header: '#', type: 'number', values: vc('1', '2', '3', '4', '5', '6'), role: 'ignore' },
  { header: 'Probability (%)', type: 'number', role: 'ignore' },
  { header: 'Billing Zip/Postal Code', type: 'category', table: 'accounts', role: 'ignore' },
  { header: 'Opportunity Name', type: 'text', role: 'ignore' },
  { header: 'Custom Field 1', type: 'text', values: vc('', 'N/A'), table: 'accounts', role: 'ignore' }
]

describe('suggestRole', () => {
  it.each(CASES)('$header ($type, $table) -> $role', (c) => {
    expect(role(c)).toBe(c.role)
  })

  it('has at least 40 header cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
  })

  it('reads the outcome from stage values whatever the header says', () => {
    expect(role({ header: 'Pipeline Position', type: 'category', values: STAGES })).toBe('outcome')
    expect(role({ header: 'Stage', type: 'category', values: vc('Closed Won', 'Closed Lost'), table: 'accounts' })).toBe('outcome')
  })

  it('does not take an account status for an outcome', () => {
    expect(role({ header: 'Status', type: 'category', values: vc('Customer', 'Churned'), table: 'accounts' })).toBe('attribute')
  })

  it("reads web addresses as the domain, but not one site's profile links", () => {
    const urls = vc('https://www.acme.com/', 'www.globex.com', 'http://initech.io', 'UMBRELLA.HEALTH')
    expect(role({ header: 'Homepage Link', type: 'id', values: urls, table: 'accounts' })).toBe('domain')
    const linkedin = vc('https://www.linkedin.com/company/acme', 'https://www.linkedin.com/company/globex')
    expect(role({ header: 'Social', type: 'id', values: linkedin, table: 'accounts' })).toBe('attribute')
  })

  it('knows Salesforce record ids by their prefix', () => {
    const opportunities = vc('0065g00000AbCdEAAZ', '0065g00000AbCdFAAZ')
    const accounts = vc('0015g00000XyZaBAAV', '0015g00000XyZaCAAV')
    expect(role({ header: 'Id', type: 'id', values: opportunities, table: 'flat' })).toBe('deal-id')
    expect(role({ header: 'Parent', type: 'id', values: accounts, table: 'deals' })).toBe('account-id')
  })

  it('leaves long prose unused', () => {
    const prose = vc('Met the CFO at the conference, wants a pilot before budget season starts next quarter.')
    expect(role({ header: 'Context', type: 'text', values: prose, table: 'accounts' })).toBe('ignore')
  })
})

describe('suggestRoles', () => {
  const col = (header: string, type: ColumnType, values: ValueCount[]) => ({ header, type, values })

  it('gives each role to one column: the strongest reading, then the leftmost', () => {
    const roles = suggestRoles(
      [
        col('Opportunity ID', 'id', IDS),
        col('Amount', 'number', NUMBERS),
        col('Opportunity Amount', 'number', NUMBERS),
        col('Stage', 'category', OPEN_STAGES),
        col('Status', 'category', vc('Won', 'Lost', 'Open')),
        col('Close Date', 'date', DATES),
        col('Expected Close Date', 'date', DATES)
      ],
      'deals'
    )
    // A second amount, the stage that lost the outcome to Status (it records the process) and a
    // second date are no traits: all unused.
    expect(roles).toEqual(['deal-id', 'deal-amount', 'ignore', 'ignore', 'outcome', 'closed-date', 'ignore'])
  })

  it('lets a column that loses one role take its next reading', () => {
    // In a table of deals the contract value is the deal's amount; ARR then reads as the account's ACV.
    const roles = suggestRoles([col('ACV', 'number', NUMBERS), col('ARR', 'number', NUMBERS)], 'flat')
    expect(roles).toEqual(['deal-amount', 'acv'])
  })

  it('never repeats a role other than attribute and ignore', () => {
    const roles = suggestRoles(
      [
        col('Notes', 'text', vc('x')),
        col('Comments', 'text', vc('y')),
        col('Industry', 'category', vc('SaaS')),
        col('Region', 'category', vc('EMEA'))
      ],
      'accounts'
    )
    expect(roles).toEqual(['ignore', 'ignore', 'attribute', 'attribute'])
  })

  it('reads a whole generated flat export', () => {
    const headers: Array<[string, ColumnType, ValueCount[]]> = [
      ['Opportunity ID', 'id', IDS],
      ['Account ID', 'category', IDS],
      ['Account Name', 'category', NAMES],
      ['Amount', 'number', NUMBERS],
      ['Stage', 'category', STAGES],
      ['Created Date', 'date', DATES],
      ['Close Date', 'date', DATES],
      ['Sales Cycle (Days)', 'number', NUMBERS],
      ['Opportunity Owner', 'category', vc('Jordan Lee')],
      ['Next Step', 'text', vc('Send "final" proposal')],
      ['Contract Signed Date', 'date', DATES],
      ['Website', 'id', vc('acme.com', 'www.globex.com')],
      ['Account Created Date', 'date', DATES],
      ['Industry', 'category', vc('SaaS')],
      ['Employees', 'range', vc('51-200')],
      ['Billing State/Province', 'category', vc('CA')],
      ['Tech Stack', 'multi', vc('Slack; Jira')],
      ['LTV', 'number', NUMBERS],
      ['ACV', 'number', NUMBERS],
      ['NRR', 'number', NUMBERS],
      ['Tenure (Months)', 'number', NUMBERS],
      ['NPS', 'number', NUMBERS],
      ['Time to Value (Days)', 'number', NUMBERS],
      ['Support Tickets (12m)', 'number', NUMBERS],
      ['Churned', 'boolean', BOOLS],
      ['Onboarding Completed', 'boolean', BOOLS]
    ]
    const roles = suggestRoles(
      headers.map(([h, t, v]) => col(h, t, v)),
      'flat'
    )
    expect(roles).toEqual([
      'deal-id',
      'account-id',
      'account-name',
      'deal-amount',
      'outcome',
      'created-date',
      'closed-date',
      'sales-cycle-days',
      'attribute',
      'ignore',
      'ignore',
      'domain',
      'ignore',
      'attribute',
      'attribute',
      'attribute',
      'attribute',
      'ltv',
      'acv',
      'nrr',
      'tenure',
      'nps',
      'time-to-value',
      'support-tickets',
      'churned',
      'attribute'
    ])
  })
})

describe('suggestOutcomeMapping', () => {
  const expected: Array<[string, 'won' | 'lost' | 'open' | null]> = [
    ['Closed Won', 'won'],
    ['Won', 'won'],
    ['Win', 'won'],
    ['Closed - Won', 'won'],
    ['Signed', 'won'],
    ['Customer', 'won'],
    ['Booked', 'won'],
    ['CLOSED WON', 'won'],
    ['closed_won', 'won'],
    ['Closed Won (Renewal)', 'won'],
    ['Closed Lost', 'lost'],
    ['Lost', 'lost'],
    ['Loss', 'lost'],
    ['Closed - Lost', 'lost'],
    ['Disqualified', 'lost'],
    ['No Decision', 'lost'],
    ['Closed Lost - No Budget', 'lost'],
    ['Open', 'open'],
    ['Engaging', 'open'],
    ['Negotiation', 'open'],
    ['Proposal', 'open'],
    ['Qualification', 'open'],
    ['Discovery', 'open'],
    ['Demo', 'open'],
    ['Pipeline', 'open'],
    ['In Progress', 'open'],
    ['Prospecting', 'open'],
    ['Contract Sent', 'open'],
    ['5 - Negotiation', 'open'],
    ['Stage 3: Proposal', 'open'],
    ['  negotiation  ', 'open'],
    ['Proposal/Price Quote', 'open'],
    ['Appointment Scheduled', 'open'],
    ['Churned', null],
    ['Closed', null],
    ['Deleted', null],
    ['N/A', null],
    ['', null],
    ['Blue', null]
  ]

  it.each(expected)('%s -> %s', (value, outcome) => {
    expect(suggestOutcomeMapping([{ value, count: 1 }])).toEqual([{ value, outcome }])
  })

  it('keeps the order of the values it was given', () => {
    expect(suggestOutcomeMapping(vc('Lost', 'Open', 'Won')).map((m) => m.outcome)).toEqual(['lost', 'open', 'won'])
  })

  it('says whether a mapping can give a win rate', () => {
    expect(hasWinsAndLosses(suggestOutcomeMapping(vc('Closed Won', 'Closed Lost', 'Open')))).toBe(true)
    expect(hasWinsAndLosses(suggestOutcomeMapping(vc('Closed Won', 'Open')))).toBe(false)
    expect(hasWinsAndLosses([{ value: 'x', outcome: null }])).toBe(false)
  })
})

describe('suggestCategory', () => {
  const expected: Array<[string, ColumnType, string]> = [
    ['Industry', 'category', 'Firmographic'],
    ['Employees', 'range', 'Firmographic'],
    ['Annual Revenue', 'number', 'Firmographic'],
    ['Billing State/Province', 'category', 'Firmographic'],
    ['Billing Country', 'category', 'Firmographic'],
    ['Sales Region', 'category', 'Firmographic'],
    ['Year Founded', 'number', 'Firmographic'],
    ['Ownership', 'category', 'Firmographic'],
    ['Segment', 'category', 'Firmographic'],
    ['Tech Stack', 'multi', 'Technographic'],
    ['CRM', 'category', 'Technographic'],
    ['Uses Salesforce', 'boolean', 'Technographic'],
    ['Cloud Provider', 'category', 'Technographic'],
    ['Integrations', 'multi', 'Technographic'],
    ['Has Snowflake', 'boolean', 'Technographic'],
    ['Uses Competitor', 'boolean', 'Technographic'],
    ['Recently Raised', 'boolean', 'Triggers'],
    ['Funding Stage', 'category', 'Triggers'],
    ['Hiring SDRs', 'boolean', 'Triggers'],
    ['New Executive', 'boolean', 'Triggers'],
    ['M&A Activity', 'boolean', 'Triggers'],
    ['Job Postings', 'number', 'Triggers'],
    ['Headcount Growth (%)', 'number', 'Triggers'],
    ['Layoffs', 'boolean', 'Triggers'],
    ['Lead Source', 'category', 'Buying process'],
    ['Channel', 'category', 'Buying process'],
    ['Inbound/Outbound', 'category', 'Buying process'],
    ['Partner Account', 'text', 'Buying process'],
    ['Champion Identified', 'boolean', 'Buying process'],
    ['Decision Maker Engaged', 'boolean', 'Buying process'],
    ['Procurement Required', 'boolean', 'Buying process'],
    ['Primary Competitor', 'category', 'Buying process'],
    ['Free Trial', 'boolean', 'Buying process'],
    ['POC', 'boolean', 'Buying process'],
    ['Opportunity Owner', 'category', 'Buying process'],
    ['Currency', 'category', 'Firmographic']
  ]

  it.each(expected)('%s (%s) -> %s', (header, type, category) => {
    expect(suggestCategory(header, type)).toBe(category)
  })
})
