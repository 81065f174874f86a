/**
 * Prospect lists: accounts with no deals yet, from a list tool's export, scored with the ICP.
 * Their columns and values are in the tool's vocabulary, so every scorecard attribute is mapped
 * to a list column (and, for picklists, each list value to a workspace value) before scoring;
 * whatever could not be mapped is reported as unknown, never scored as "no".
 */

/** The list tools whose exports are recognised; `plain` is any other CSV or sheet. */
export const PROSPECT_SOURCES = ['apollo', 'sales-navigator', 'zoominfo', 'plain'] as const
export type ProspectSource = (typeof PROSPECT_SOURCES)[number]

export const PROSPECT_SOURCE_NAMES: Readonly<Record<ProspectSource, string>> = {
  apollo: 'Apollo',
  'sales-navigator': 'LinkedIn Sales Navigator',
  zoominfo: 'ZoomInfo',
  plain: 'Plain CSV'
}

/** Which part of a "City, State, Country" cell an attribute reads. */
export const PLACE_PARTS = ['city', 'state', 'country'] as const
export type PlacePart = (typeof PLACE_PARTS)[number]

export interface ProspectColumnSummary {
  name: string
  /** How the column's values are read (inferred on import). */
  type: string
  /** Distinct values (an upper bound for mostly-unique columns). */
  distinct: number
  /** A few values as they appear, most frequent first. */
  examples: string[]
}

export interface ProspectListSummary {
  fileName: string
  source: ProspectSource
  /** Why the list was taken to come from that tool ("columns Apollo Account Id, # Employees"). */
  sourceReason: string
  rowCount: number
  importedAt: string
  columns: ProspectColumnSummary[]
  /** The columns read as the prospect's name and domain (null when the list has none). */
  nameColumn: string | null
  domainColumn: string | null
}

/** What an attribute's values are, in the workspace (decides how a list column is read for it). */
export type MappedAttributeKind = 'category' | 'number' | 'boolean' | 'multi'

/** How one list value (or list item) reads in the workspace's vocabulary. */
export interface ValueMapping {
  /** The value as it appears in the list (for NAICS columns: the code). */
  prospect: string
  /** Prospects with this value. */
  count: number
  /** The workspace value it stands for; null when nothing matched (shown as unmapped, scored as unknown). */
  mapped: string | null
  /** Why, in words: "same name", "synonym", "NAICS 511210 Software Publishers", "saved for Apollo lists". */
  reason: string
  /** True when the consultant set it (or it was saved for this tool); false when proposed now. */
  decided: boolean
}

export interface AttributeMapping {
  attribute: string
  /** The attribute's client-facing name. */
  label: string
  kind: MappedAttributeKind
  /** The list column read for it; null when the list has none (every prospect is unknown on it). */
  column: string | null
  part: PlacePart | null
  /** 'naics': the column holds NAICS codes, read through their titles. */
  via: 'naics' | null
  /** Numbers are multiplied by this (1000 for "Revenue (in 000s USD)"). */
  unitFactor: number
  reason: string
  decided: boolean
  /** Picklists and lists of items: each distinct list value; empty for numbers and flags. */
  values: ValueMapping[]
  /** Picklists and lists of items: the workspace's values a list value can map to, most common first. */
  vocabulary: string[]
  /** Prospects whose value could not be read for the attribute (unmapped value, unreadable number). */
  unreadable: number
  /** Prospects with an empty cell. */
  empty: number
}

export interface ProspectMapping {
  source: ProspectSource
  /** Every attribute the scorecard's criteria and knockouts name. */
  attributes: AttributeMapping[]
}

/** The consultant's choices for one attribute, as saved for the tool. */
export interface AttributeChoice {
  attribute: string
  column: string | null
  part: PlacePart | null
  via: 'naics' | null
  unitFactor: number
  /** Only the values decided here; others stay proposed. */
  values: Array<{ prospect: string; mapped: string | null }>
}

/** Why a prospect could not be judged on a criterion. */
/** no-column: the list lacks the attribute; unmapped-value: a value nobody mapped or that does not read; empty: a blank cell; band: a band such as "11-50" that straddles the condition's bound. */
export type UnknownReason = 'no-column' | 'unmapped-value' | 'empty' | 'band'

export interface CriterionMarket {
  /** The criterion's id, or "knockout:<index>" for a knockout. */
  id: string
  words: string
  attribute: string
  points: number
  /** Prospects that meet it, that do not, and that could not be judged (by reason). */
  met: number
  notMet: number
  unknown: number
  unknownBy: Record<UnknownReason, number>
}

export interface TierMarket {
  name: string
  color?: string
  /** Prospects scored into the tier (unknown criteria earn nothing, as missing data does in the engine). */
  count: number
  /** Of these, prospects with at least one criterion that could not be judged. */
  withUnknowns: number
}

export interface ProspectMarket {
  source: ProspectSource
  fileName: string
  importedAt: string
  listSize: number
  threshold: number
  /** Scored at or above the threshold and not knocked out. */
  passing: number
  /** Below the threshold as scored, but at or above it if every unknown criterion went their way. */
  couldPass: number
  tiers: TierMarket[]
  /** Knocked out by a knockout that could be checked. */
  knockedOut: number
  knockouts: CriterionMarket[]
  /**
   * What narrows the market most, failed most first: one line per attribute with positive points
   * (an attribute's several criteria, such as bins of one number, joined with "or"; a prospect
   * fails it when it meets none of them).
   */
  narrowing: CriterionMarket[]
  criteria: CriterionMarket[]
  /** Prospects with at least one criterion or knockout that could not be judged. */
  withUnknowns: number
  /** Attributes with no list column: every prospect is unknown on them. */
  unmappedAttributes: string[]
  /** One honest sentence for the screen, the CLI and the one-pager. */
  headline: string
}

export interface ProspectRow {
  rank: number
  row: number
  name: string
  domain: string
  score: number
  /** The score if every criterion that could not be judged went the prospect's way. */
  bestScore: number
  tier: string
  knockout: string | null
  reasons: string
  /** Criteria (words) that could not be judged for this prospect, and why. */
  unknown: Array<{ words: string; reason: UnknownReason }>
}

export interface ProspectScore {
  market: ProspectMarket
  rows: ProspectRow[]
  offset: number
  total: number
}
