/**
 * Numbers and names written the way a person would say them on a client deliverable: money as
 * money only for money columns, counts and codes as plain numbers, dates as dates, shares as
 * percentages, cut-offs rounded to the nearby round number ("≤ 0.058824" is "≤ 0.06", "to
 * 999,999" is "under $1M"), ranges with an en dash that a renderer keeps on one line.
 */

import type { NumberUnit } from '@shared/domain/dataset'
import { isolated } from '@shared/format'
import { headerText } from '@shared/import/suggest/header-words'

/** How a column's numbers read: its unit, and whether they are dates (epoch ms). */
/** One band of a range column as the export wrote it ("11-50": low 11, high 50) and the number it is scored by. */
export interface SourceBand {
  low: number | null
  high: number | null
  value: number
}

export interface ValueKind {
  unit: NumberUnit | null
  date: boolean
  /** A range column's bands: a range of its numbers is said as the bands it takes in. */
  bands?: readonly SourceBand[]
}

export const PLAIN: ValueKind = { unit: null, date: false }

/** The roundest number within 1% of `value` (0.058824 -> 0.06, 497 -> 500, 999,999 -> 1,000,000). */
export function roundish(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value
  const magnitude = Math.floor(Math.log10(Math.abs(value)))
  for (let digits = 1; digits <= 4; digits++) {
    const step = 10 ** (magnitude - digits + 1)
    const rounded = Math.round(value / step) * step
    if (Math.abs(rounded - value) <= Math.abs(value) * 0.01) return +rounded.toPrecision(digits + 1)
  }
  return +value.toPrecision(3)
}

function compact(value: number): string {
  const abs = Math.abs(value)
  if (abs >= 1e9) return `${+(value / 1e9).toPrecision(3)}B`
  if (abs >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`
  if (abs >= 1e4) return `${+(value / 1e3).toPrecision(3)}K`
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** One value of a column, as a reader takes it in. */
export function formatValue(value: number, kind: ValueKind): string {
  if (kind.date) return new Date(value).toISOString().slice(0, 10)
  switch (kind.unit) {
    case 'money':
      return `${value < 0 ? '-' : ''}$${compact(Math.abs(roundish(value)))}`
    case 'percent':
      return `${+roundish(value * 100).toFixed(1)}%`
    case 'year':
    case 'code':
      return String(Math.round(value))
    case 'count':
      return Math.round(value).toLocaleString('en-US')
    default:
      return compact(roundish(value))
  }
}

/**
 * A range's words: "51–200", "200+", "under $1M". A bound one below a round number (999 under
 * 1,000, 49 under 50) is read as "under" that number, as a person would say it.
 */
export function formatRange(min: number | null, max: number | null, kind: ValueKind): string {
  if (kind.bands && kind.bands.length > 0) {
    // Bands are scored by one number each (11-50 by 30.5): say the bands the range takes in.
    const inside = kind.bands.filter((b) => (min === null || b.value >= min) && (max === null || b.value <= max))
    if (inside.length > 0) {
      const low = inside.some((b) => b.low === null) ? null : Math.min(...inside.map((b) => b.low!))
      const high = inside.some((b) => b.high === null) ? null : Math.max(...inside.map((b) => b.high!))
      // The export's own bounds, not rounded (201+, not 200+); headcounts with separators.
      const exact: ValueKind = { unit: kind.unit === null ? 'count' : kind.unit, date: kind.date }
      const bound = (n: number): string => formatValue(n, exact)
      if (low !== null && high !== null) return low === high ? bound(low) : `${bound(low)}–${bound(high)}`
      if (low !== null) return `${bound(low)}+`
      if (high !== null) return `up to ${bound(high)}`
    }
  }
  const below =
    max !== null &&
    !kind.date &&
    kind.unit !== 'code' &&
    kind.unit !== 'year' &&
    Number.isInteger(max) &&
    roundish(max + 1) === max + 1 &&
    roundish(max) !== max
  if (min !== null && max !== null) {
    if (min === max) return formatValue(min, kind)
    return `${formatValue(min, kind)}–${formatValue(below ? max + 1 : max, kind)}`
  }
  if (min !== null) return kind.date ? `from ${formatValue(min, kind)}` : `${formatValue(min, kind)}+`
  if (max !== null)
    return kind.date ? `until ${formatValue(max, kind)}` : below ? `under ${formatValue(max + 1, kind)}` : `up to ${formatValue(max, kind)}`
  return 'any value'
}

/** Acronyms that keep their capitals in a label. */
const ACRONYMS = new Set([
  'id',
  'hq',
  'arr',
  'mrr',
  'acv',
  'tcv',
  'nrr',
  'ndr',
  'ltv',
  'clv',
  'crm',
  'erp',
  'sdr',
  'sdrs',
  'bdr',
  'bdrs',
  'ae',
  'url',
  'us',
  'usa',
  'uk',
  'eu',
  'emea',
  'apac',
  'nps',
  'b2b',
  'b2c',
  'roi',
  'it',
  'hr',
  'ceo',
  'cfo',
  'cto',
  'cmo',
  'cro',
  'vp',
  'saas',
  'api',
  'ttv',
  'csm',
  'sla',
  'ip',
  'naics',
  'sic',
  'msrp',
  'qtr',
  'fte',
  'ai'
])
const SPECIAL: Readonly<Record<string, string>> = { saas: 'SaaS', sdrs: 'SDRs', bdrs: 'BDRs', ids: 'IDs' }

/**
 * A client-facing label proposed from a raw column name: "hq_country" -> "HQ country",
 * "AnnualRevenue" -> "Annual revenue", "ORDERDATE" -> "Order date". A name already written for
 * people ("Annual Revenue", "Tech Stack") is kept as it is.
 */
export function proposeLabel(raw: string): string {
  // "Account: Annual Revenue", "Organization - Industry": the account is the subject of every
  // attribute already; "Deal - Owner" reads "Deal owner".
  const owner = /^(account|organi[sz]ation|company)\s*[:–-]\s*(\S.*)$/i.exec(raw.trim())
  if (owner) return proposeLabel(owner[2]!)
  const deal = /^(deal|opportunity)\s*[:–-]\s*(\S.*)$/i.exec(raw.trim())
  if (deal) {
    const rest = proposeLabel(deal[2]!)
    return `${deal[1]!.charAt(0).toUpperCase()}${deal[1]!.slice(1).toLowerCase()} ${/^[A-Z][a-z]/.test(rest) ? rest.charAt(0).toLowerCase() + rest.slice(1) : rest}`
  }
  const trimmed = raw.trim()
  const readable = /\s/.test(trimmed) && /[a-z]/.test(trimmed) && !/[_]/.test(trimmed)
  if (readable || trimmed === '') return trimmed
  const parts = headerText(trimmed).split(' ').filter(Boolean)
  if (parts.length === 0) return trimmed
  return parts
    .map((word, i) => {
      if (SPECIAL[word]) return SPECIAL[word]
      if (ACRONYMS.has(word)) return word.toUpperCase()
      return i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word
    })
    .join(' ')
}

/**
 * Picklist codes written as one word, which no word split can be trusted to read: HubSpot's
 * deal types, as its exports store them (its own labels are "New Business", "Existing Business").
 */
const ONE_WORD_CODES: ReadonlyMap<string, string> = new Map([
  ['newbusiness', 'New business'],
  ['existingbusiness', 'Existing business']
])

/**
 * Software a technographics field names by its code, in lower case (HubSpot's Web Technologies:
 * "salesforce", "hubspot", "microsoft_teams"), as the vendors write their names. Only these:
 * capitalising any lower-case word would also make "aws" read "Aws".
 */
const TOOL_NAMES: ReadonlyMap<string, string> = new Map([
  ['salesforce', 'Salesforce'],
  ['hubspot', 'HubSpot'],
  ['slack', 'Slack'],
  ['snowflake', 'Snowflake'],
  ['segment', 'Segment'],
  ['zendesk', 'Zendesk'],
  ['marketo', 'Marketo'],
  ['pardot', 'Pardot'],
  ['intercom', 'Intercom'],
  ['drift', 'Drift'],
  ['jira', 'Jira'],
  ['outreach', 'Outreach'],
  ['salesloft', 'Salesloft'],
  ['gong', 'Gong'],
  ['zoom', 'Zoom'],
  ['microsoft_teams', 'Microsoft Teams'],
  ['google_analytics', 'Google Analytics'],
  ['google_tag_manager', 'Google Tag Manager'],
  ['wordpress', 'WordPress'],
  ['shopify', 'Shopify'],
  ['stripe', 'Stripe'],
  ['mailchimp', 'Mailchimp'],
  ['hotjar', 'Hotjar'],
  ['aws', 'AWS'],
  ['amazon_web_services', 'Amazon Web Services']
])

/**
 * Small words inside a code, written in lower case however the code spells them. Not "A", "OR",
 * "IN" or "ON": in a code they are as often a letter or a place (SERIES_A, US_OR, CA_ON).
 */
const JOINING_WORDS = new Set(['and', 'of', 'the', 'for', 'with'])

/**
 * A category value as a client reads it. CRM exports often store picklist codes rather than
 * their labels (HubSpot: FINANCIAL_SERVICES, ORGANIC_SEARCH, newbusiness, RETAIL): a code of
 * words joined by underscores reads "Financial services", a known one-word code its label, and
 * one capitalised word of six letters or more ("MACHINERY") reads "Machinery" (shorter ones may be
 * acronyms: "SAAS", "EMEA"). Short parts keep their capitals ("US_EAST" -> "US east"), except the
 * joining words ("INFORMATION_TECHNOLOGY_AND_SERVICES" -> "Information technology and
 * services"), and a known tool's code its name ("hubspot" -> "HubSpot"). Anything else is
 * printed as stored.
 */
export function valueWords(value: string): string {
  const known = ONE_WORD_CODES.get(value) ?? TOOL_NAMES.get(value)
  if (known !== undefined) return known
  if (/[^\x20-\x7e]/.test(value)) return isolated(value)
  if (/^[A-Z]{6,}$/.test(value)) return value.charAt(0) + value.slice(1).toLowerCase()
  if (!/^[A-Za-z0-9]+(_[A-Za-z0-9]+)+$/.test(value) || !/[A-Za-z]{4}/.test(value)) return value
  const parts = value.split('_')
  if (!parts.every((p) => p === p.toUpperCase()) && !parts.every((p) => p === p.toLowerCase())) return value
  return parts
    .map((part, i) => {
      const lower = part.toLowerCase()
      if (i > 0 && JOINING_WORDS.has(lower)) return lower
      if (part.length <= 3 && part === part.toUpperCase() && /[A-Z]/.test(part)) return part
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower
    })
    .join(' ')
}
