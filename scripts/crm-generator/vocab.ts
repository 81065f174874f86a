/**
 * Canonical attribute values and the spellings real exports use for them.
 *
 * The variant maps are exported so importer tests can check that a hygiene rule set built from
 * them recovers the canonical value; every messy spelling the generator emits must be listed
 * here (mess.ts draws only from these lists).
 */

export const INDUSTRIES = [
  'SaaS',
  'FinTech',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Education',
  'Logistics',
  'Media',
  'Professional Services',
  'Real Estate'
] as const
export type Industry = (typeof INDUSTRIES)[number]

export const INDUSTRY_VARIANTS: Record<Industry, readonly string[]> = {
  SaaS: ['Software as a Service', 'saas', 'Software-as-a-Service', 'SAAS'],
  FinTech: ['Fintech', 'Financial Technology', 'fintech', 'FINTECH'],
  Healthcare: ['Health Care', 'healthcare', 'Hospital & Health Care'],
  Manufacturing: ['manufacturing', 'MANUFACTURING', 'Industrial Manufacturing'],
  Retail: ['retail', 'Retail & E-commerce', 'RETAIL'],
  Education: ['education', 'Higher Education', 'EdTech / Education'],
  Logistics: ['logistics', 'Transportation & Logistics', 'Supply Chain & Logistics'],
  Media: ['media', 'Media & Entertainment', 'MEDIA'],
  'Professional Services': ['professional services', 'Prof. Services', 'Consulting'],
  'Real Estate': ['real estate', 'RealEstate', 'Property & Real Estate']
}

export const TECHNOLOGIES = [
  'Salesforce',
  'HubSpot',
  'Slack',
  'Snowflake',
  'Segment',
  'Zendesk',
  'Marketo',
  'Intercom',
  'Jira',
  'Outreach',
  'Gong',
  'Microsoft Teams'
] as const
export type Technology = (typeof TECHNOLOGIES)[number]

export const FUNDING_STAGES = ['Bootstrapped', 'Seed', 'Series A', 'Series B', 'Series C', 'Series D+', 'Private Equity', 'Public'] as const
export type FundingStage = (typeof FUNDING_STAGES)[number]

export const LEAD_SOURCES = ['Inbound', 'Outbound', 'Partner', 'Event', 'Marketplace'] as const
export type LeadSource = (typeof LEAD_SOURCES)[number]

export const LEAD_SOURCE_VARIANTS: Record<LeadSource, readonly string[]> = {
  Inbound: ['inbound', 'Inbound - Web', 'INBOUND'],
  Outbound: ['outbound', 'Outbound (SDR)', 'OUTBOUND'],
  Partner: ['partner', 'Partner Referral', 'Channel Partner'],
  Event: ['event', 'Events', 'Trade Show'],
  Marketplace: ['marketplace', 'AppExchange / Marketplace', 'MARKETPLACE']
}

/** Noise attribute: drawn independently of everything that drives the outcome. */
export const REGIONS = ['AMER-East', 'AMER-West', 'AMER-Central', 'EMEA', 'Strategic'] as const
export type Region = (typeof REGIONS)[number]

/** Noise attribute on deals. */
export const OWNERS = [
  'Jordan Lee',
  'Priya Shah',
  'Marcus Brown',
  'Sofia García',
  "Liam O'Connor",
  'Chloé Martin',
  'Noah Kim',
  'Ava Johnson',
  'Jürgen Weiß',
  'Emma Wilson'
] as const

/** Free-text "next step" notes on open deals: commas, quotes, line breaks and non-ASCII, as typed. */
export const NEXT_STEPS = [
  'Send "final" proposal',
  'Legal review; waiting on MSA',
  'Demo for CFO, then pricing\nFollow up Tuesday',
  'Pricing: 3-year term, 10% discount',
  'Champion left — re-engage new VP',
  'Security questionnaire (SOC 2) sent',
  'Lunch at the Café, bring "ROI" deck',
  'Budget frozen until Q1 | revisit'
] as const

export const OPEN_STAGES = ['Discovery', 'Engaging', 'Proposal', 'Negotiation'] as const
export type OpenStage = (typeof OPEN_STAGES)[number]
export type DealStage = OpenStage | 'Closed Won' | 'Closed Lost'
export type Outcome = 'won' | 'lost' | 'open'

/** Every stage spelling the generator emits, mapped to its outcome. */
export const OUTCOME_VALUES: Readonly<Record<string, Outcome>> = {
  'Closed Won': 'won',
  Won: 'won',
  won: 'won',
  'CLOSED WON': 'won',
  'Closed - Won': 'won',
  'Closed Lost': 'lost',
  Lost: 'lost',
  Loss: 'lost',
  lost: 'lost',
  'Closed - Lost': 'lost',
  Open: 'open',
  Discovery: 'open',
  Engaging: 'open',
  Proposal: 'open',
  Negotiation: 'open'
}

export const MISSING_TOKENS = ['', 'N/A', 'n/a', 'NA', '-', '--', 'null', 'none', 'Select', 'Unknown'] as const

export const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR'] as const
export type Country = (typeof COUNTRIES)[number]

export const COUNTRY_VARIANTS: Record<Country, readonly string[]> = {
  US: ['United States', 'USA', 'US', 'U.S.', 'United States of America', 'usa'],
  CA: ['Canada', 'CAN', 'canada'],
  GB: ['United Kingdom', 'UK', 'GB', 'Great Britain'],
  DE: ['Germany', 'Deutschland', 'DE'],
  FR: ['France', 'FR', 'france']
}

export type Currency = 'USD' | 'CAD' | 'GBP' | 'EUR'
export const COUNTRY_CURRENCY: Record<Country, Currency> = { US: 'USD', CA: 'CAD', GB: 'GBP', DE: 'EUR', FR: 'EUR' }
export const CURRENCY_SYMBOL: Record<Currency, string> = { USD: '$', CAD: 'CA$', GBP: '£', EUR: '€' }

/** USPS code -> full name. Population-ish weights keep CA/TX/NY common as in real pipelines. */
export const US_STATES: readonly (readonly [string, string, number])[] = [
  ['AL', 'Alabama', 1],
  ['AK', 'Alaska', 0.3],
  ['AZ', 'Arizona', 2],
  ['AR', 'Arkansas', 0.6],
  ['CA', 'California', 12],
  ['CO', 'Colorado', 3],
  ['CT', 'Connecticut', 1.2],
  ['DE', 'Delaware', 0.5],
  ['DC', 'District of Columbia', 0.8],
  ['FL', 'Florida', 5],
  ['GA', 'Georgia', 3],
  ['HI', 'Hawaii', 0.3],
  ['ID', 'Idaho', 0.5],
  ['IL', 'Illinois', 4],
  ['IN', 'Indiana', 1.5],
  ['IA', 'Iowa', 0.7],
  ['KS', 'Kansas', 0.7],
  ['KY', 'Kentucky', 0.8],
  ['LA', 'Louisiana', 0.8],
  ['ME', 'Maine', 0.3],
  ['MD', 'Maryland', 1.5],
  ['MA', 'Massachusetts', 4],
  ['MI', 'Michigan', 2],
  ['MN', 'Minnesota', 1.8],
  ['MS', 'Mississippi', 0.4],
  ['MO', 'Missouri', 1.3],
  ['MT', 'Montana', 0.3],
  ['NE', 'Nebraska', 0.5],
  ['NV', 'Nevada', 0.8],
  ['NH', 'New Hampshire', 0.4],
  ['NJ', 'New Jersey', 2.5],
  ['NM', 'New Mexico', 0.4],
  ['NY', 'New York', 8],
  ['NC', 'North Carolina', 2.5],
  ['ND', 'North Dakota', 0.2],
  ['OH', 'Ohio', 2.5],
  ['OK', 'Oklahoma', 0.7],
  ['OR', 'Oregon', 1.3],
  ['PA', 'Pennsylvania', 3],
  ['RI', 'Rhode Island', 0.3],
  ['SC', 'South Carolina', 0.9],
  ['SD', 'South Dakota', 0.2],
  ['TN', 'Tennessee', 1.4],
  ['TX', 'Texas', 8],
  ['UT', 'Utah', 1.5],
  ['VT', 'Vermont', 0.2],
  ['VA', 'Virginia', 2],
  ['WA', 'Washington', 4],
  ['WV', 'West Virginia', 0.2],
  ['WI', 'Wisconsin', 1.2],
  ['WY', 'Wyoming', 0.2]
]

/** The human employee bands consultants use; the generator's range strings are drawn from them. */
export const EMPLOYEE_BANDS: readonly (readonly [number, number])[] = [
  [1, 10],
  [11, 50],
  [51, 200],
  [201, 500],
  [501, 1000],
  [1001, 5000],
  [5001, 10000],
  [10001, 100000]
]

/** Revenue ranges as data vendors print them (upper bound exclusive). */
export const REVENUE_BANDS: readonly (readonly [number, number])[] = [
  [0, 1e6],
  [1e6, 1e7],
  [1e7, 5e7],
  [5e7, 1e8],
  [1e8, 5e8],
  [5e8, 1e9],
  [1e9, 1e12]
]
