/**
 * Each CRM's vocabulary for the latent model's values, and the spellings real databases hold
 * next to the canonical one (legacy picklist values, imports, hand typing). Every canonical value
 * maps back to exactly one latent value, so the planted signal survives the translation.
 */
import {
  COUNTRY_VARIANTS,
  INDUSTRY_VARIANTS,
  LEAD_SOURCE_VARIANTS,
  US_STATES,
  EMPLOYEE_BANDS,
  type Country,
  type FundingStage,
  type Industry,
  type LeadSource,
  type Technology
} from '../vocab.js'

/** A value's canonical spelling in one CRM and the other spellings its database holds. */
export interface VocabEntry {
  value: string
  variants: readonly string[]
}
type Vocab<K extends string> = Record<K, VocabEntry>
const v = (value: string, ...variants: string[]): VocabEntry => ({ value, variants })

/** The entry for a latent value, or null when the CRM field was left empty. */
export function entryOf<K extends string>(vocab: Vocab<K>, key: K | null): VocabEntry | null {
  return key === null ? null : vocab[key]
}

// ---- Salesforce --------------------------------------------------------------------------------

export const SF_OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review'
] as const
export type SfStage = (typeof SF_OPEN_STAGES)[number] | 'Closed Won' | 'Closed Lost'

/** Salesforce's default probability per stage. */
export const SF_PROBABILITY: Record<SfStage, number> = {
  Prospecting: 10,
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 50,
  'Id. Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0
}

export const SF_FORECAST: Record<SfStage, string> = {
  Prospecting: 'Pipeline',
  Qualification: 'Pipeline',
  'Needs Analysis': 'Pipeline',
  'Value Proposition': 'Pipeline',
  'Id. Decision Makers': 'Pipeline',
  'Perception Analysis': 'Pipeline',
  'Proposal/Price Quote': 'Best Case',
  'Negotiation/Review': 'Commit',
  'Closed Won': 'Closed',
  'Closed Lost': 'Omitted'
}

/** The standard Industry picklist, plus values left over from before an admin cleaned it up. */
export const SF_INDUSTRY: Vocab<Industry> = {
  SaaS: v('Technology', 'Software', 'SaaS', 'technology'),
  FinTech: v('Finance', 'Banking', 'Financial Services'),
  Healthcare: v('Healthcare', 'Health Care'),
  Manufacturing: v('Manufacturing', 'manufacturing', 'Machinery'),
  Retail: v('Retail', 'retail'),
  Education: v('Education', 'Higher Education'),
  Logistics: v('Transportation', 'Shipping', 'Logistics'),
  Media: v('Media', 'Entertainment'),
  'Professional Services': v('Consulting', 'Professional Services'),
  'Real Estate': v('Real Estate', 'RealEstate')
}

export const SF_LEAD_SOURCE: Vocab<LeadSource> = {
  Inbound: v('Web', 'Website', 'Inbound', 'web'),
  Outbound: v('Outbound', 'Cold Call', 'SDR Outbound'),
  Partner: v('Partner Referral', 'Partner', 'Referral'),
  Event: v('Trade Show', 'Event', 'Conference'),
  Marketplace: v('AppExchange', 'Marketplace')
}

/** Main competitor on the deal; "None" is a real picklist value (no competitor in the deal), not a missing one. */
export const SF_COMPETITORS = ['Salesloft', 'Clari', 'People.ai', 'Homegrown / Spreadsheets'] as const

// ---- HubSpot -----------------------------------------------------------------------------------

export const HS_OPEN_STAGES = [
  'Appointment scheduled',
  'Qualified to buy',
  'Presentation scheduled',
  'Decision maker bought-in',
  'Contract sent'
] as const
export const HS_FORECAST_OPEN = ['Pipeline', 'Pipeline', 'Best case', 'Best case', 'Commit'] as const

/** HubSpot's industry enumeration as exports write it; imports left the label form in some records. */
export const HS_INDUSTRY: Vocab<Industry> = {
  SaaS: v('COMPUTER_SOFTWARE', 'Computer Software', 'INFORMATION_TECHNOLOGY_AND_SERVICES'),
  FinTech: v('FINANCIAL_SERVICES', 'Financial Services'),
  Healthcare: v('HOSPITAL_HEALTH_CARE', 'Hospital & Health Care'),
  Manufacturing: v('MACHINERY', 'Machinery'),
  Retail: v('RETAIL', 'Retail'),
  Education: v('EDUCATION_MANAGEMENT', 'Education Management'),
  Logistics: v('LOGISTICS_AND_SUPPLY_CHAIN', 'Logistics and Supply Chain'),
  Media: v('MEDIA_PRODUCTION', 'Media Production'),
  'Professional Services': v('MANAGEMENT_CONSULTING', 'Management Consulting'),
  'Real Estate': v('REAL_ESTATE', 'Real Estate')
}

/** Original source per latent lead source; inbound splits over the web channels by account. */
export const HS_SOURCE: Record<LeadSource, readonly string[]> = {
  Inbound: ['ORGANIC_SEARCH', 'PAID_SEARCH', 'DIRECT_TRAFFIC', 'SOCIAL_MEDIA'],
  Outbound: ['OFFLINE'],
  Partner: ['REFERRALS'],
  Event: ['OTHER_CAMPAIGNS'],
  Marketplace: ['REFERRALS']
}

/** HubSpot's "Web Technologies" enumeration. */
export const HS_TECH: Record<Technology, string> = {
  Salesforce: 'salesforce',
  HubSpot: 'hubspot',
  Slack: 'slack',
  Snowflake: 'snowflake',
  Segment: 'segment',
  Zendesk: 'zendesk',
  Marketo: 'marketo',
  Intercom: 'intercom',
  Jira: 'jira',
  Outreach: 'outreach',
  Gong: 'gong',
  'Microsoft Teams': 'microsoft_teams'
}

// ---- Pipedrive ---------------------------------------------------------------------------------

export const PD_STAGES = ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'] as const
export const PD_LOST_REASONS = [
  'Price too high',
  'Went with a competitor',
  'No budget',
  'No decision / went dark',
  'Bad timing',
  'Not a fit'
] as const

// ---- Shared ------------------------------------------------------------------------------------

/** Free-text industry as people type it (Pipedrive custom field, marketing tables). */
export const TYPED_INDUSTRY: Vocab<Industry> = Object.fromEntries(
  Object.entries(INDUSTRY_VARIANTS).map(([k, variants]) => [k, v(k, ...variants)])
) as Vocab<Industry>

export const TYPED_LEAD_SOURCE: Vocab<LeadSource> = Object.fromEntries(
  Object.entries(LEAD_SOURCE_VARIANTS).map(([k, variants]) => [k, v(k, ...variants)])
) as Vocab<LeadSource>

export const COUNTRY_NAME: Vocab<Country> = {
  US: v('United States', ...COUNTRY_VARIANTS.US.filter((x) => x !== 'United States')),
  CA: v('Canada', 'CAN', 'canada'),
  GB: v('United Kingdom', 'UK', 'GB', 'Great Britain'),
  DE: v('Germany', 'Deutschland', 'DE'),
  FR: v('France', 'FR', 'france')
}

const STATE_NAME = new Map(US_STATES.map(([code, name]) => [code, name] as const))
/** A US state as the code (Salesforce billing state) or the name (HubSpot), with the other as variant. */
export function stateVocab(code: string | null, canonical: 'code' | 'name'): VocabEntry | null {
  if (code === null) return null
  const name = STATE_NAME.get(code) ?? code
  return canonical === 'code' ? v(code, name, name.toUpperCase()) : v(name, code, name.toLowerCase())
}

/** "Series A" with the spellings of a picklist that was once free text. */
export function fundingVocab(stage: FundingStage | null): VocabEntry | null {
  if (stage === null) return null
  const variants = [stage.toLowerCase(), stage.toUpperCase()]
  if (stage.includes(' ')) variants.push(stage.replace(' ', '-'), stage.replace(' ', ''))
  return v(stage, ...variants)
}

/** The human employee band ("51-200", "10,001+") that holds n. */
export function employeeBand(n: number): string {
  const band = EMPLOYEE_BANDS.find(([lo, hi]) => n >= lo && n <= hi) ?? EMPLOYEE_BANDS[EMPLOYEE_BANDS.length - 1] ?? [10001, 0]
  return band[0] === 10001 ? '10,001+' : `${band[0]}-${band[1]}`
}

export const CITY: Record<Country, string> = { US: '', CA: 'Toronto, ON', GB: 'London', DE: 'Berlin', FR: 'Paris' }
export const STREETS = ['Market St', 'Main St', 'Oak Ave', 'Pine St', 'Congress Ave', 'Harbor Blvd', 'Park Ave', '2nd St'] as const
