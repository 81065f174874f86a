/**
 * A column header as words, so "Account ID", "account_id", "AccountId", "ACCOUNT-ID" and
 * "Account ID (18 digit)" all read "account id". Salesforce report headers ("Account: Account
 * ID") and Pipedrive ones ("Deal - Value") name the record the field belongs to; that owner
 * is kept apart because "Account: Created Date" is not the deal's created date.
 */

import { splitCompound } from '../header-compounds'

export type HeaderOwner = 'account' | 'deal' | 'contact'

export interface HeaderWords {
  /** The field's words without the owner prefix, e.g. "created date". */
  field: string
  /** The record named by a "X: field" or "X - field" prefix, if any. */
  owner: HeaderOwner | null
  /** The prefix's own word ("organization"), to read "Organization - Name" as "organization name". */
  ownerWord: string | null
}

const OWNERS: Readonly<Record<string, HeaderOwner>> = {
  account: 'account',
  company: 'account',
  organization: 'account',
  organisation: 'account',
  org: 'account',
  customer: 'account',
  client: 'account',
  deal: 'deal',
  opportunity: 'deal',
  opp: 'deal',
  contact: 'contact',
  person: 'contact',
  lead: 'contact'
}

/** Trailing words that only say the unit: "Amount (USD)", "Tenure (months)", "Tickets (last 12m)". */
const UNIT_WORDS = new Set([
  'usd',
  'eur',
  'gbp',
  'cad',
  'aud',
  'chf',
  'converted',
  'currency',
  'percent',
  'pct',
  'k',
  'm',
  'mm',
  'days',
  'day',
  'd',
  'months',
  'month',
  'mo',
  'mos',
  'years',
  'year',
  'yrs',
  'yr',
  'weeks',
  'digit',
  'in',
  'last',
  'ttm',
  'ltm',
  'ytd',
  'total'
])

/** Lower-case words; camelCase split; "#" reads "number", "&" "and", "%" "percent", "$" "usd". */
export function headerText(raw: string): string {
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(/\$/g, ' usd ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map(splitCompound)
    .join(' ')
}

/** Drops unit words from the end, but never the first word ("Days" stays "days"). */
function withoutUnits(text: string): string {
  const words = text.split(' ')
  while (words.length > 1) {
    const last = words[words.length - 1]!
    // "to date" is a unit too ("LTV to Date"), but a lone "date" is not: "Close Date" keeps it.
    if (last === 'date' && words.length > 2 && words[words.length - 2] === 'to') words.splice(-2, 2)
    else if (/^\d+[a-z]{0,2}$/.test(last) || UNIT_WORDS.has(last)) words.pop()
    else break
  }
  return words.join(' ')
}

export function readHeader(raw: string): HeaderWords {
  const split = /^\s*([^:]+?)\s*(?::|\s-\s)\s*(.+)$/.exec(raw)
  if (split) {
    const ownerWord = headerText(split[1]!)
    const owner = OWNERS[ownerWord]
    if (owner) return { field: withoutUnits(headerText(split[2]!)), owner, ownerWord }
  }
  return { field: withoutUnits(headerText(raw)), owner: null, ownerWord: null }
}

/** The texts to match against patterns: the field alone, and with its owner word in front. */
export function headerVariants(words: HeaderWords): string[] {
  if (words.ownerWord === null || words.field.startsWith(`${words.ownerWord} `)) return [words.field]
  return [words.field, `${words.ownerWord} ${words.field}`]
}
