/**
 * Seeded prospect lists (accounts with no deals yet) in the export shapes of the list tools a
 * consultant gets them from. Column names and value formats follow each tool's export
 * documentation as far as it is public:
 *
 *   apollo           Apollo's accounts CSV export: "Company", "# Employees" (a count), "Industry" in
 *                    LinkedIn's original lower-case industry names, "Company City/State/Country",
 *                    "Technologies" (comma-separated), "Latest Funding", "Annual Revenue" (USD),
 *                    "Apollo Account Id".
 *   sales-navigator  a Sales Navigator account list as list exporters write it (LinkedIn offers no
 *                    CSV export of its own): "Company size" as "51-200 employees", "Industry" in
 *                    LinkedIn's 2022 industry names, "Company HQ" as "City, State, Country".
 *   zoominfo         ZoomInfo's company export: "Employees" and "Employee Range" ("100 - 249"),
 *                    "Revenue (in 000s USD)" and "Revenue Range (in USD)" ("$10 mil. - $25 mil."),
 *                    "Primary Industry" in ZoomInfo's taxonomy, "Primary NAICS Code" (6 digits).
 *   plain            a hand-made CSV with the CRM's own names ("Industry", "Employees", "Country").
 *
 * Every list carries the truth (the canonical values each row was rendered from), so tests can
 * score the same accounts with the engine directly and compare.
 */
import { rngFor, type Rng } from './random.js'
import {
  COUNTRIES,
  FUNDING_STAGES,
  INDUSTRIES,
  TECHNOLOGIES,
  US_STATES,
  type Country,
  type FundingStage,
  type Industry,
  type Technology
} from './vocab.js'
import type { Cell } from './mess.js'

export const PROSPECT_SHAPES = ['apollo', 'sales-navigator', 'zoominfo', 'plain'] as const
export type ProspectShape = (typeof PROSPECT_SHAPES)[number]

export interface TrueProspect {
  name: string
  domain: string
  industry: Industry
  employees: number
  /** USD. */
  annualRevenue: number
  country: Country
  /** USPS code; US prospects only. */
  state: string | null
  techStack: Technology[]
  fundingStage: FundingStage | null
}

export interface ProspectList {
  shape: ProspectShape
  headers: string[]
  /** Regenerated lazily on every pass, so a million rows never sit in memory. */
  rows: Iterable<Cell[]>
  /** The truth of row i (regenerated from the seed: the same on every call). */
  truthAt(i: number): TrueProspect
  count: number
  /**
   * The list column an analyst maps each CRM attribute to (by the CRM attribute's concept), and
   * the attributes the list cannot answer (null).
   */
  expectedColumns: Record<'industry' | 'employees' | 'revenue' | 'country' | 'state' | 'techStack' | 'funding', string | null>
}

// LinkedIn's original industries (Apollo), its 2022 industries (Sales Navigator), ZoomInfo's.
const APOLLO_INDUSTRY: Record<Industry, string> = {
  SaaS: 'computer software',
  FinTech: 'financial services',
  Healthcare: 'hospital & health care',
  Manufacturing: 'electrical/electronic manufacturing',
  Retail: 'retail',
  Education: 'education management',
  Logistics: 'logistics & supply chain',
  Media: 'media production',
  'Professional Services': 'management consulting',
  'Real Estate': 'real estate'
}
const LINKEDIN_INDUSTRY: Record<Industry, string> = {
  SaaS: 'Software Development',
  FinTech: 'Financial Services',
  Healthcare: 'Hospitals and Health Care',
  Manufacturing: 'Manufacturing',
  Retail: 'Retail',
  Education: 'Education',
  Logistics: 'Transportation, Logistics, Supply Chain and Storage',
  Media: 'Broadcast Media Production and Distribution',
  'Professional Services': 'Business Consulting and Services',
  'Real Estate': 'Real Estate'
}
const ZOOMINFO_INDUSTRY: Record<Industry, readonly [string, string, string]> = {
  // [Primary Industry, Primary Sub-Industry, Primary NAICS Code (2017)]
  SaaS: ['Software', 'Software Development & Design', '511210'],
  FinTech: ['Finance', 'Financial Transaction Processing', '522320'],
  Healthcare: ['Hospitals & Physicians Clinics', 'Hospitals', '622110'],
  Manufacturing: ['Manufacturing', 'Computer Equipment & Peripherals', '334111'],
  Retail: ['Retail', 'Department Stores, Shopping Centers & Superstores', '452319'],
  Education: ['Education', 'Colleges & Universities', '611310'],
  Logistics: ['Transportation', 'Trucking, Moving & Storage', '484121'],
  Media: ['Media & Internet', 'Broadcasting', '515120'],
  'Professional Services': ['Business Services', 'Management Consulting', '541611'],
  'Real Estate': ['Real Estate', 'Real Estate', '531210']
}
const COUNTRY_NAMES: Record<Country, string> = { US: 'United States', CA: 'Canada', GB: 'United Kingdom', DE: 'Germany', FR: 'France' }
const HQ_OUTSIDE_US: Record<Exclude<Country, 'US'>, string> = {
  CA: 'Toronto, Ontario, Canada',
  GB: 'London, England, United Kingdom',
  DE: 'Berlin, Berlin, Germany',
  FR: 'Paris, Île-de-France, France'
}
const US_CITY: Record<string, string> = { CA: 'San Francisco', TX: 'Austin', NY: 'New York', MA: 'Boston', WA: 'Seattle', IL: 'Chicago' }
const OTHER_TECH = ['Google Analytics', 'WordPress', 'Zoom', 'AWS'] as const
const STATE_NAME = new Map(US_STATES.map(([code, name]) => [code, name] as const))

/** LinkedIn's company-size bands as Sales Navigator prints them. */
function linkedinSize(n: number): string {
  const bands: Array<[number, number]> = [
    [1, 10],
    [11, 50],
    [51, 200],
    [201, 500],
    [501, 1000],
    [1001, 5000],
    [5001, 10000]
  ]
  const band = bands.find(([lo, hi]) => n >= lo && n <= hi)
  const f = (x: number): string => x.toLocaleString('en-US')
  return band ? `${f(band[0])}-${f(band[1])} employees` : '10,001+ employees'
}

/** ZoomInfo's employee ranges. */
function zoominfoEmployees(n: number): string {
  const bands: Array<[number, number]> = [
    [1, 4],
    [5, 9],
    [10, 19],
    [20, 49],
    [50, 99],
    [100, 249],
    [250, 499],
    [500, 999],
    [1000, 4999],
    [5000, 9999]
  ]
  const band = bands.find(([lo, hi]) => n >= lo && n <= hi)
  const f = (x: number): string => x.toLocaleString('en-US')
  return band ? `${f(band[0])} - ${f(band[1])}` : '10,000+'
}

/** ZoomInfo's revenue ranges ("$10 mil. - $25 mil."). */
function zoominfoRevenue(usd: number): string {
  const cuts: Array<[number, number, string]> = [
    [0, 1e6, '$0 - $1 mil.'],
    [1e6, 5e6, '$1 mil. - $5 mil.'],
    [5e6, 10e6, '$5 mil. - $10 mil.'],
    [10e6, 25e6, '$10 mil. - $25 mil.'],
    [25e6, 50e6, '$25 mil. - $50 mil.'],
    [50e6, 100e6, '$50 mil. - $100 mil.'],
    [100e6, 250e6, '$100 mil. - $250 mil.'],
    [250e6, 500e6, '$250 mil. - $500 mil.'],
    [500e6, 1e9, '$500 mil. - $1 bil.']
  ]
  return cuts.find(([lo, hi]) => usd >= lo && usd < hi)?.[2] ?? 'Over $1 bil.'
}

function prospectAt(seed: number | string, i: number): TrueProspect {
  const rng: Rng = rngFor(seed, 'prospect', i)
  const industry = rng.pick(INDUSTRIES)
  // Log-uniform-ish headcounts from 2 to 20,000, as a market list has them.
  const employees = Math.max(2, Math.round(Math.exp(rng.next() * Math.log(20000))))
  const annualRevenue = Math.round((employees * rng.logNormal(150_000, 0.5)) / 1000) * 1000
  const country = rng.chance(0.7) ? 'US' : rng.pick(COUNTRIES.filter((c) => c !== 'US'))
  const state = country === 'US' ? rng.pick(Object.keys(US_CITY)) : null
  const techStack = TECHNOLOGIES.filter(() => rng.chance(0.25))
  const fundingStage = rng.chance(0.2) ? null : rng.pick(FUNDING_STAGES)
  const name = `${rng.pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne'])} ${rng.pick(['Labs', 'Systems', 'Group', 'Works', 'Digital', 'Partners'])} ${i + 1}`
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`
  return { name, domain, industry, employees, annualRevenue, country, state, techStack, fundingStage }
}

function apolloFunding(stage: FundingStage | null): string {
  if (stage === null || stage === 'Bootstrapped') return ''
  if (stage === 'Series D+') return 'Series D'
  if (stage === 'Public') return 'IPO'
  return stage
}

function rowOf(shape: ProspectShape, p: TrueProspect, i: number, rng: Rng): Cell[] {
  const stateName = p.state ? (STATE_NAME.get(p.state) ?? p.state) : ''
  const city =
    p.country === 'US' ? (US_CITY[p.state ?? ''] ?? '') : (HQ_OUTSIDE_US[p.country as Exclude<Country, 'US'>]?.split(',')[0] ?? '')
  const tech = [...p.techStack, ...OTHER_TECH.filter(() => rng.chance(0.3))]
  switch (shape) {
    case 'apollo':
      return [
        p.name,
        p.name.replace(/ \d+$/, ''),
        rng.pick(['Cold', 'Cold', 'Approaching']),
        p.employees,
        APOLLO_INDUSTRY[p.industry],
        `http://www.${p.domain}`,
        `http://www.linkedin.com/company/${p.domain.replace('.com', '')}`,
        city,
        stateName,
        COUNTRY_NAMES[p.country],
        tech.join(', '),
        apolloFunding(p.fundingStage),
        p.annualRevenue,
        `6${(100000000 + i).toString(16)}`,
        rng.int(1980, 2022)
      ]
    case 'sales-navigator': {
      const hq = p.country === 'US' ? `${city}, ${stateName}, United States` : HQ_OUTSIDE_US[p.country as Exclude<Country, 'US'>]
      return [
        p.name,
        `https://www.linkedin.com/company/${p.domain.replace('.com', '')}`,
        `https://www.linkedin.com/sales/company/${1000000 + i}`,
        p.domain,
        LINKEDIN_INDUSTRY[p.industry],
        linkedinSize(p.employees),
        hq,
        rng.pick(['Privately Held', 'Privately Held', 'Public Company']),
        rng.int(1980, 2022)
      ]
    }
    case 'zoominfo': {
      const [industry, sub, naics] = ZOOMINFO_INDUSTRY[p.industry]
      return [
        100000000 + i,
        p.name,
        `www.${p.domain}`,
        rng.int(1980, 2022),
        Math.round(p.annualRevenue / 1000),
        zoominfoRevenue(p.annualRevenue),
        p.employees,
        zoominfoEmployees(p.employees),
        industry,
        sub,
        naics,
        city,
        stateName,
        COUNTRY_NAMES[p.country]
      ]
    }
    default:
      return [p.name, p.domain, p.industry, p.employees, p.country, p.techStack.join('; ')]
  }
}

const HEADERS: Record<ProspectShape, string[]> = {
  apollo: [
    'Company',
    'Company Name for Emails',
    'Account Stage',
    '# Employees',
    'Industry',
    'Website',
    'Company Linkedin Url',
    'Company City',
    'Company State',
    'Company Country',
    'Technologies',
    'Latest Funding',
    'Annual Revenue',
    'Apollo Account Id',
    'Founded Year'
  ],
  'sales-navigator': [
    'Company Name',
    'LinkedIn Company URL',
    'Sales Navigator URL',
    'Website',
    'Industry',
    'Company size',
    'Company HQ',
    'Company Type',
    'Founded'
  ],
  zoominfo: [
    'ZoomInfo Company ID',
    'Company Name',
    'Website',
    'Founded Year',
    'Revenue (in 000s USD)',
    'Revenue Range (in USD)',
    'Employees',
    'Employee Range',
    'Primary Industry',
    'Primary Sub-Industry',
    'Primary NAICS Code',
    'Company City',
    'Company State',
    'Company Country'
  ],
  plain: ['Company', 'Domain', 'Industry', 'Employees', 'Country', 'Tech Stack']
}

const EXPECTED: Record<ProspectShape, ProspectList['expectedColumns']> = {
  apollo: {
    industry: 'Industry',
    employees: '# Employees',
    revenue: 'Annual Revenue',
    country: 'Company Country',
    state: 'Company State',
    techStack: 'Technologies',
    funding: 'Latest Funding'
  },
  'sales-navigator': {
    industry: 'Industry',
    employees: 'Company size',
    revenue: null,
    country: 'Company HQ',
    state: 'Company HQ',
    techStack: null,
    funding: null
  },
  zoominfo: {
    industry: 'Primary NAICS Code',
    employees: 'Employees',
    revenue: 'Revenue (in 000s USD)',
    country: 'Company Country',
    state: 'Company State',
    techStack: null,
    funding: null
  },
  plain: {
    industry: 'Industry',
    employees: 'Employees',
    revenue: null,
    country: 'Country',
    state: null,
    techStack: 'Tech Stack',
    funding: null
  }
}

export function generateProspects(options: { shape: ProspectShape; count: number; seed?: number | string }): ProspectList {
  const { shape, count } = options
  const seed = options.seed ?? 1
  return {
    shape,
    headers: HEADERS[shape],
    count,
    truthAt: (i) => prospectAt(seed, i),
    rows: {
      *[Symbol.iterator]() {
        for (let i = 0; i < count; i++) yield rowOf(shape, prospectAt(seed, i), i, rngFor(seed, 'prospect-row', i))
      }
    },
    expectedColumns: EXPECTED[shape]
  }
}
