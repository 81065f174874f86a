/**
 * What a column or an attribute is about, read from its name: list tools and CRMs name the same
 * fact differently ("# Employees", "Employee Range", "Employees"; "Company HQ", "Billing Country"),
 * and a scorecard attribute is matched to a list column through the concept both names share.
 * Header spellings are the ones in the tools' export documentation (see docs/prospects.md).
 */

export type Concept =
  'name' | 'domain' | 'industry' | 'naics' | 'employees' | 'revenue' | 'country' | 'state' | 'city' | 'place' | 'technologies' | 'funding'

/** Lower-case letters and digits only: "# Employees" -> "employees", "Company HQ" -> "companyhq". */
export function compactKey(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** Exact header keys per concept (compact), checked before the looser word rules below. */
const HEADERS: Readonly<Record<Concept, readonly string[]>> = {
  name: ['company', 'companyname', 'account', 'accountname', 'name', 'organization', 'organizationname'],
  domain: ['website', 'domain', 'companywebsite', 'companydomain', 'url', 'websiteurl'],
  industry: ['industry', 'primaryindustry', 'vertical', 'sector', 'allindustries', 'companyindustry'],
  naics: ['primarynaicscode', 'naicscode', 'naicscodes', 'naics', 'primarynaics'],
  employees: [
    'employees',
    'numemployees',
    'numberofemployees',
    'employeecount',
    'employeerange',
    'companysize',
    'companyheadcount',
    'headcount',
    'size'
  ],
  revenue: ['annualrevenue', 'revenue', 'revenuein000susd', 'revenuerangeinusd', 'revenuerange', 'estimatedrevenue'],
  country: ['country', 'companycountry', 'billingcountry', 'hqcountry', 'headquarterscountry'],
  state: ['state', 'companystate', 'billingstateprovince', 'stateprovince', 'province', 'hqstate', 'region'],
  city: ['city', 'companycity', 'billingcity', 'hqcity'],
  place: ['companyhq', 'headquarters', 'hq', 'location', 'hqlocation', 'companylocation', 'companyaddress'],
  technologies: ['technologies', 'techstack', 'technology', 'installedtechnologies', 'technographics'],
  funding: ['latestfunding', 'fundingstage', 'lastfundingtype', 'fundinground', 'latestfundingtype', 'lastfundinground']
}

/** Word stems that name a concept anywhere in a longer name ("Billing State/Province", "Employees (#)"). */
const STEMS: ReadonlyArray<readonly [Concept, RegExp]> = [
  ['naics', /naics/],
  ['employees', /employee|headcount|companysize|staffcount/],
  ['revenue', /revenue|turnover/],
  ['industry', /industry|industries|vertical|sector/],
  ['technologies', /techstack|technolog|technographic/],
  ['funding', /funding/],
  ['country', /country/],
  ['state', /state|province/],
  ['city', /city/],
  ['place', /headquarters|companyhq|location/],
  ['domain', /website|domain/]
]

/** The concept a header or attribute name is about, or null. */
export function conceptOf(name: string): Concept | null {
  const key = compactKey(name)
  for (const [concept, headers] of Object.entries(HEADERS) as Array<[Concept, readonly string[]]>) {
    if (headers.includes(key)) return concept
  }
  for (const [concept, stem] of STEMS) if (stem.test(key)) return concept
  return null
}

/**
 * The factor a header says its numbers are counted in: ZoomInfo's "Revenue (in 000s USD)" holds
 * 12,500 for $12.5M. 1 when the header says nothing.
 */
export function unitFactorOf(header: string): number {
  const text = header.toLowerCase()
  if (/\b(in\s+)?(000s|thousands)\b|\(\s*k\s*\)|\$k\b/.test(text)) return 1000
  if (/\b(in\s+)?(millions|mm)\b|\(\s*m\s*\)/.test(text)) return 1_000_000
  return 1
}
