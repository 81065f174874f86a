/**
 * The latent, clean CRM the messy exports are rendered from.
 *
 * PLANTED SIGNAL (also returned as `truth.signal`, see PLANTED_SIGNAL below)
 * --------------------------------------------------------------------------
 * Every account gets a latent fit = log-odds of winning a deal:
 *   base                                   -1.9
 *   industry  SaaS +1.0, FinTech +0.9, Healthcare +0.1, Retail -0.3, Media -0.2, Education -1.6
 *   employees <20 -2.2, 20-50 -0.4, 51-500 +1.0, 501-5000 +0.2, >5000 -0.4
 *   tech stack contains Salesforce +0.8 (Segment +0.2; every other tool 0)
 *   recently raised +0.9, hiring SDRs +0.5, uses competitor -0.6
 *   lead source Inbound +0.5, Partner +0.4, Marketplace +0.1, Event 0, Outbound -0.4
 *   all four of the core ICP segment together (SaaS or FinTech, 51-500 employees, Salesforce,
 *   recently raised) a further +0.8: the conjunction is worth more than its parts
 *   region, HQ state/country, deal owner: exactly 0 (pure noise attributes)
 * Each deal is won with probability sigmoid(fit + N(0, 0.4)) when it closes, so the core ICP
 * segment wins ~90% of its closed deals against ~30% elsewhere; accounts under 20 employees and
 * Education mostly lose (~5% and ~12%).
 * Higher fit also means shorter cycles (median 75 * e^(-0.18 fit) days), bigger deals
 * (x e^(0.25 fit)), lower churn, higher NRR and NPS, faster time-to-value: the "best customer"
 * signal among won accounts points the same way as the win signal.
 * LEAKY columns, filled only after a win: deals "Contract Signed Date" (won deals only) and
 * accounts "Onboarding Completed" (customers only, blank for everyone else).
 * Missing values are missing completely at random, so they dilute but never fake the signal.
 * The option `signal: 'weak' | 'none'` scales every effect above (see SIGNAL_STRENGTHS); the
 * default 'strong' is exactly the model described here.
 */
import { FORMULA_INJECTION_NAMES, type NameFactory } from './names.js'
import type { Rng, RngFamily } from './random.js'
import { dayToIso } from './dates.js'
import {
  COUNTRY_CURRENCY,
  REGIONS,
  US_STATES,
  EMPLOYEE_BANDS,
  type Country,
  type Currency,
  type FundingStage,
  type Industry,
  type LeadSource,
  type Region,
  type Technology
} from './vocab.js'

export interface SuccessMetrics {
  /** Lifetime value so far in USD: ACV x max(1, years as customer) x NRR, 4 significant digits. */
  ltv: number
  acv: number
  /** Net revenue retention in whole percent (112 means 112%). */
  nrrPct: number
  tenureMonths: number
  nps: number
  timeToValueDays: number
  supportTickets: number
  churned: boolean
}

export interface TrueAccount {
  index: number
  id: string
  name: string
  domain: string
  /** null = the CRM field was left empty (the export shows a missing-value token). */
  industry: Industry | null
  employees: number | null
  /** In `revenueCurrency`, rounded to 3 significant digits so "$12.5M" encodes it exactly. */
  annualRevenue: number | null
  revenueCurrency: Currency
  country: Country
  /** USPS code; US accounts only. */
  hqState: string | null
  region: Region
  techStack: Technology[]
  fundingStage: FundingStage | null
  recentlyRaised: boolean
  hiringSdrs: boolean
  usesCompetitor: boolean
  leadSource: LeadSource | null
  createdDate: string
  /** Latent log-odds of winning, from the unmasked attribute values. */
  fit: number
  inIcpSegment: boolean
  dealCount: number
  /** Has at least one won deal. */
  customer: boolean
  /** Leaky: only known for customers. */
  onboardingCompleted: boolean | null
  success: SuccessMetrics | null
}

/** Attribute values before missingness is applied; the fit is computed from these. */
export interface LatentAttributes {
  industry: Industry
  employees: number
  techStack: readonly Technology[]
  recentlyRaised: boolean
  hiringSdrs: boolean
  usesCompetitor: boolean
  leadSource: LeadSource
}

export const PLANTED_SIGNAL = {
  description:
    'Win log-odds = base + effects below; SaaS/FinTech accounts with 51-500 employees running Salesforce that ' +
    'recently raised win far more often, faster and bigger; <20 employees and Education mostly lose; ' +
    'owner, region and HQ state have no effect; Contract Signed Date and Onboarding Completed leak the outcome.',
  baseLogOdds: -1.9,
  icpSegmentBonus: 0.8,
  dealNoiseSd: 0.4,
  effects: {
    industry: { SaaS: 1.0, FinTech: 0.9, Healthcare: 0.1, Retail: -0.3, Media: -0.2, Education: -1.6 },
    employees: [
      { min: 1, max: 19, logOdds: -2.2 },
      { min: 20, max: 50, logOdds: -0.4 },
      { min: 51, max: 500, logOdds: 1.0 },
      { min: 501, max: 5000, logOdds: 0.2 },
      { min: 5001, max: Infinity, logOdds: -0.4 }
    ],
    techStack: { Salesforce: 0.8, Segment: 0.2 },
    recentlyRaised: 0.9,
    hiringSdrs: 0.5,
    usesCompetitor: -0.6,
    leadSource: { Inbound: 0.5, Partner: 0.4, Marketplace: 0.1, Event: 0, Outbound: -0.4 }
  },
  icpSegment: { industries: ['SaaS', 'FinTech'], employeesMin: 51, employeesMax: 500, technology: 'Salesforce', recentlyRaised: true },
  antiIcp: { employeesBelow: 20, industries: ['Education'] },
  noiseAttributes: ['owner', 'region', 'hqState'],
  leakyColumns: [
    { table: 'deals', column: 'Contract Signed Date', field: 'contractSignedDate', presentWhen: 'won' },
    { table: 'accounts', column: 'Onboarding Completed', field: 'onboardingCompleted', presentWhen: 'customer' }
  ],
  salesCycle: 'median 75 * exp(-0.18 * fit) days, log-normal sd 0.45',
  dealAmount: 'median 8000 * (employees / 50)^0.45 * exp(0.25 * fit) USD, log-normal sd 0.5',
  success: 'churn p = sigmoid(-1 - 0.6 fit); NRR = 100 + 12 fit + N(0,10) %; NPS = 30 + 12 fit + N(0,20)'
} as const

export type PlantedSignal = typeof PLANTED_SIGNAL

/** Literal types widened, so a re-scaled copy of PLANTED_SIGNAL has the same shape. */
type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? readonly Widen<U>[]
        : { readonly [K in keyof T]: Widen<T[K]> }
/** PLANTED_SIGNAL itself, or its copy for a weaker signal (see SIGNAL_STRENGTHS). */
export type SignalDescription = Widen<PlantedSignal> & { readonly strength?: SignalStrength }

/**
 * How strongly the attributes drive the outcome. 'strong' is the model above, unchanged.
 * 'weak' multiplies every planted effect and the segment bonus by 0.25 and 'none' by 0; the
 * intercept is re-centred so the share of closed deals won stays about the same (~35%), so a
 * no-signal export differs from a strong one only in that no attribute tells won from lost.
 * Deal noise is kept: it is not signal. Cycle, amount and success metrics follow the scaled
 * fit, so under 'none' they are flat too.
 */
export type SignalStrength = 'strong' | 'weak' | 'none'
export const SIGNAL_STRENGTHS: Readonly<Record<SignalStrength, { scale: number; baseLogOdds: number }>> = {
  strong: { scale: 1, baseLogOdds: PLANTED_SIGNAL.baseLogOdds },
  weak: { scale: 0.25, baseLogOdds: -0.85 },
  none: { scale: 0, baseLogOdds: -0.6 }
}

/** The planted signal as a given strength really plants it (PLANTED_SIGNAL itself for 'strong'). */
export function signalDescription(strength: SignalStrength): SignalDescription {
  if (strength === 'strong') return PLANTED_SIGNAL
  const { scale, baseLogOdds } = SIGNAL_STRENGTHS[strength]
  const scaled = <T extends Readonly<Record<string, number>>>(effects: T): { [K in keyof T]: number } =>
    Object.fromEntries(Object.entries(effects).map(([k, v]) => [k, v * scale])) as { [K in keyof T]: number }
  const e = PLANTED_SIGNAL.effects
  return {
    ...PLANTED_SIGNAL,
    strength,
    description:
      strength === 'none'
        ? 'No signal: every planted effect and the segment bonus are 0, so no attribute changes the win rate ' +
          '(~35% everywhere); the leaky columns still leak.'
        : "Weak signal: the strong model's effects and segment bonus x 0.25, intercept re-centred to keep the win rate ~35%.",
    baseLogOdds,
    icpSegmentBonus: PLANTED_SIGNAL.icpSegmentBonus * scale,
    effects: {
      industry: scaled(e.industry),
      employees: e.employees.map((band) => ({ ...band, logOdds: band.logOdds * scale })),
      techStack: scaled(e.techStack),
      recentlyRaised: e.recentlyRaised * scale,
      hiringSdrs: e.hiringSdrs * scale,
      usesCompetitor: e.usesCompetitor * scale,
      leadSource: scaled(e.leadSource)
    }
  }
}

export function fitOf(a: LatentAttributes, strength: SignalStrength = 'strong'): number {
  const e = PLANTED_SIGNAL.effects
  // Multiplying by a scale of exactly 1 changes no bit, so 'strong' sums exactly as it always did.
  const { scale, baseLogOdds } = SIGNAL_STRENGTHS[strength]
  let fit = baseLogOdds
  fit += scale * ((e.industry as Partial<Record<Industry, number>>)[a.industry] ?? 0)
  for (const band of e.employees) if (a.employees >= band.min && a.employees <= band.max) fit += scale * band.logOdds
  for (const tech of a.techStack) fit += scale * ((e.techStack as Partial<Record<Technology, number>>)[tech] ?? 0)
  if (a.recentlyRaised) fit += scale * e.recentlyRaised
  if (a.hiringSdrs) fit += scale * e.hiringSdrs
  if (a.usesCompetitor) fit += scale * e.usesCompetitor
  fit += scale * e.leadSource[a.leadSource]
  if (inIcpSegment(a)) fit += scale * PLANTED_SIGNAL.icpSegmentBonus
  return fit
}

export function inIcpSegment(a: LatentAttributes): boolean {
  const s = PLANTED_SIGNAL.icpSegment
  return (
    (s.industries as readonly string[]).includes(a.industry) &&
    a.employees >= s.employeesMin &&
    a.employees <= s.employeesMax &&
    a.techStack.includes(s.technology) &&
    a.recentlyRaised === s.recentlyRaised
  )
}

export interface ModelOptions {
  seed: number | string
  accounts: number
  /** Total deal rows; defaults to accounts * dealsPerAccount. */
  deals?: number
  dealsPerAccount?: number
  /** First day deals can be created (ISO); defaults to 2024-10-01. */
  start?: string
  /** Length of the deal history; the export is dated start + months. Defaults to 24. */
  months?: number
  /** How strongly the attributes drive the outcome; default 'strong' (see SIGNAL_STRENGTHS). */
  signal?: SignalStrength
  /** Draw the sales-process history of every deal (see process.ts), for the leakage columns. */
  leakage?: boolean
}

export interface ModelFrame {
  seed: number | string
  clientName: string
  startDay: number
  exportDate: string
  exportDay: number
  totalDeals: number
  signal: SignalStrength
  leakage: boolean
  /** Deal number (1-based) of each account's first deal, so deal ids stay stable when streaming. */
  firstDealNo: Float64Array
  /** One random stream per account and purpose, so purposes never disturb each other. */
  streams: Record<'account' | 'region' | 'missing' | 'deals' | 'success' | 'process', RngFamily>
}

const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['SaaS', 18],
  ['FinTech', 10],
  ['Healthcare', 11],
  ['Manufacturing', 12],
  ['Retail', 10],
  ['Education', 9],
  ['Logistics', 8],
  ['Media', 7],
  ['Professional Services', 9],
  ['Real Estate', 6]
]
const COUNTRY_WEIGHTS: readonly (readonly [Country, number])[] = [
  ['US', 80],
  ['CA', 5],
  ['GB', 6],
  ['DE', 5],
  ['FR', 4]
]
const BAND_WEIGHTS: readonly (readonly [number, number])[] = [10, 22, 26, 16, 9, 9, 4, 4].map((w, i) => [i, w] as const)
const STATE_WEIGHTS = US_STATES.map(([code, , w]) => [code, w] as const)
const REVENUE_PER_EMPLOYEE: Record<Industry, number> = {
  SaaS: 200e3,
  FinTech: 300e3,
  Healthcare: 150e3,
  Manufacturing: 250e3,
  Retail: 180e3,
  Education: 90e3,
  Logistics: 200e3,
  Media: 180e3,
  'Professional Services': 150e3,
  'Real Estate': 300e3
}
/** Exchange rates the generator uses (revenue in local currency, shapes converting deal amounts). */
export const FX_FROM_USD: Record<Currency, number> = { USD: 1, CAD: 1.36, GBP: 0.79, EUR: 0.92 }

export function roundSignificant(x: number, digits: number): number {
  if (x <= 0) return 0
  const scale = 10 ** (Math.floor(Math.log10(x)) - digits + 1)
  return Math.round(x / scale) * scale
}

function drawEmployees(rng: Rng): number {
  const band = EMPLOYEE_BANDS[rng.weighted(BAND_WEIGHTS)] ?? [1, 10]
  const [lo, hi] = band
  const top = Math.min(hi, lo === 10001 ? 60000 : hi)
  return Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(top) - Math.log(lo))))
}

function drawTechStack(rng: Rng, employees: number, industry: Industry): Technology[] {
  const size = employees < 20 ? 0 : employees <= 50 ? 0.35 : employees <= 500 ? 0.75 : 1
  const tech = industry === 'SaaS' || industry === 'FinTech' ? 1 : 0
  const odds: readonly (readonly [Technology, number])[] = [
    ['Salesforce', 0.12 + 0.55 * size + 0.15 * tech],
    ['HubSpot', 0.5 - 0.25 * size],
    ['Slack', 0.45 + 0.2 * tech],
    ['Snowflake', 0.05 + 0.25 * size],
    ['Segment', 0.1 + 0.2 * tech],
    ['Zendesk', 0.3],
    ['Marketo', 0.05 + 0.2 * size],
    ['Intercom', 0.15 + 0.15 * tech],
    ['Jira', 0.3 + 0.45 * tech],
    ['Outreach', 0.05 + 0.15 * size],
    ['Gong', 0.04 + 0.12 * size],
    ['Microsoft Teams', 0.35]
  ]
  return odds.filter(([, p]) => rng.chance(p)).map(([t]) => t)
}

function drawFundingStage(rng: Rng, employees: number): FundingStage {
  if (employees < 20)
    return rng.weighted([
      ['Bootstrapped', 40],
      ['Seed', 45],
      ['Series A', 15]
    ])
  if (employees <= 200)
    return rng.weighted([
      ['Bootstrapped', 20],
      ['Seed', 20],
      ['Series A', 30],
      ['Series B', 20],
      ['Series C', 10]
    ])
  if (employees <= 1000) {
    return rng.weighted([
      ['Bootstrapped', 5],
      ['Series A', 10],
      ['Series B', 25],
      ['Series C', 25],
      ['Series D+', 20],
      ['Private Equity', 15],
      ['Public', 5]
    ])
  }
  return rng.weighted([
    ['Series C', 10],
    ['Series D+', 15],
    ['Private Equity', 30],
    ['Public', 45]
  ])
}

const RAISE_ODDS: Record<FundingStage, number> = {
  Bootstrapped: 0.02,
  Seed: 0.35,
  'Series A': 0.45,
  'Series B': 0.4,
  'Series C': 0.35,
  'Series D+': 0.3,
  'Private Equity': 0.1,
  Public: 0.05
}

/** Draws one account's attributes from its own stream; deal-derived fields are filled later. */
export function drawAccount(frame: ModelFrame, index: number, names: NameFactory): TrueAccount {
  const rng = frame.streams.account.at(index)
  const country = rng.weighted(COUNTRY_WEIGHTS)
  const industry = rng.weighted(INDUSTRY_WEIGHTS)
  const employees = drawEmployees(rng)
  const currency = COUNTRY_CURRENCY[country]
  const revenue = roundSignificant(employees * rng.logNormal(REVENUE_PER_EMPLOYEE[industry], 0.5) * FX_FROM_USD[currency], 3)
  const hqState = country === 'US' ? rng.weighted(STATE_WEIGHTS) : null
  const techStack = drawTechStack(rng, employees, industry)
  const fundingStage = drawFundingStage(rng, employees)
  // Software and fintech companies raise more often than the rest of the market.
  const recentlyRaised = rng.chance(RAISE_ODDS[fundingStage] * (industry === 'SaaS' || industry === 'FinTech' ? 1.5 : 1))
  const hiringSdrs = rng.chance(recentlyRaised ? 0.45 : 0.3)
  const usesCompetitor = rng.chance(0.3)
  const leadSource = rng.weighted<LeadSource>([
    ['Inbound', 30],
    ['Outbound', 35],
    ['Partner', 12],
    ['Event', 13],
    ['Marketplace', 10]
  ])
  // Most accounts predate the deal history; late arrivals still leave time for deals to close.
  const createdDay = frame.startDay - 540 + rng.int(0, 540 + Math.round((frame.exportDay - frame.startDay) / 2))
  const drawn = names.next(rng, country, industry)
  const name = FORMULA_INJECTION_NAMES.get(index) ?? drawn.name
  const domain = drawn.domain
  // Region is drawn last and alone so it can never correlate with the fit.
  const region = frame.streams.region.at(index).pick(REGIONS)
  const latent: LatentAttributes = { industry, employees, techStack, recentlyRaised, hiringSdrs, usesCompetitor, leadSource }
  const mask = frame.streams.missing.at(index)
  return {
    index,
    id: `ACC-${String(index + 1).padStart(6, '0')}`,
    name,
    domain,
    industry: mask.chance(0.03) ? null : industry,
    employees: mask.chance(0.04) ? null : employees,
    annualRevenue: mask.chance(0.08) ? null : revenue,
    revenueCurrency: currency,
    country,
    hqState: hqState !== null && mask.chance(0.03) ? null : hqState,
    region,
    techStack: mask.chance(0.06) ? [] : techStack,
    fundingStage: mask.chance(0.1) ? null : fundingStage,
    recentlyRaised,
    hiringSdrs,
    usesCompetitor,
    leadSource: mask.chance(0.05) ? null : leadSource,
    createdDate: dayToIso(createdDay),
    fit: fitOf(latent, frame.signal),
    inIcpSegment: inIcpSegment(latent),
    dealCount: 0,
    customer: false,
    onboardingCompleted: null,
    success: null
  }
}
