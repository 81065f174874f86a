/**
 * What a column's header says about its values. Headers come as "Account ID", "AccountId",
 * "account_id" or "CreatedDate"; they are compared as lower-case words.
 */

import { splitCompound } from '../header-compounds'

const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g
// "IDs" stays one word: an acronym ends before a capital that starts a real word ("CRMName").
const ACRONYM_BOUNDARY = /([A-Z]+)([A-Z][a-z]{2,})/g
const NON_WORD = /[^a-z0-9#]+/

export function headerWords(header: string): string[] {
  return header
    .replace(CAMEL_BOUNDARY, '$1 $2')
    .replace(ACRONYM_BOUNDARY, '$1 $2')
    .toLowerCase()
    .split(NON_WORD)
    .filter((word) => word !== '')
    .flatMap((word) => splitCompound(word).split(' '))
}

/** Things a CRM record is, whose name or number identifies it ("Account Name", "Deal Number"). */
const ENTITIES = new Set([
  'account',
  'company',
  'customer',
  'client',
  'organization',
  'organisation',
  'org',
  'opportunity',
  'opp',
  'deal',
  'business',
  'legal',
  'firm',
  'record',
  'contact',
  'lead'
])
const ID_WORDS = new Set(['id', 'ids', 'uuid', 'guid', '#'])
const NUMBER_WORDS = new Set(['number', 'no', 'num', 'key'])
const ADDRESS_WORDS = new Set(['domain', 'website', 'url', 'email', 'homepage'])

/**
 * Headers of identifiers: ids, the names of accounts and deals, domains, websites, e-mails.
 * "Stage Name" or "Owner Name" are not: only an entity's name identifies a row.
 */
export function isIdHeader(header: string): boolean {
  const words = headerWords(header)
  const last = words[words.length - 1]
  const previous = words[words.length - 2]
  if (last === undefined) return false
  if (ID_WORDS.has(last) || ADDRESS_WORDS.has(last)) return true
  if (last === 'name') return previous === undefined || ENTITIES.has(previous)
  if (NUMBER_WORDS.has(last)) return previous !== undefined && ENTITIES.has(previous)
  if (last === 'site') return previous === 'web'
  if (last === 'mail') return previous === 'e'
  if (last === 'address') return previous === 'email' || previous === 'mail' || previous === 'web'
  return false
}

const DATE_WORDS = new Set(['date', 'dates', 'created', 'closed', 'updated', 'modified', 'timestamp', 'signed'])
/** "created_at", "Closed On": a date named by its preposition. */
const DATE_ENDINGS = new Set(['at', 'on'])
/** "Closed Won Amount", "Days since created": money and counts, even when a date word appears. */
const QUANTITY_WORDS = new Set(['amount', 'value', 'revenue', 'arr', 'acv', 'mrr', 'price', 'count', 'days', 'size', 'total'])

/** Headers of dates, which let plain numbers 20000..60000 be read as Excel serials. */
export function isDateHeader(header: string): boolean {
  const words = headerWords(header)
  if (words.some((word) => QUANTITY_WORDS.has(word))) return false
  const last = words[words.length - 1]
  return words.some((word) => DATE_WORDS.has(word)) || (last !== undefined && words.length > 1 && DATE_ENDINGS.has(last))
}
