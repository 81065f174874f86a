/**
 * Whether an attribute describes the account or the deal. Industry and size are the account's:
 * they are the same on every deal of one account, and evidence about them must count accounts,
 * not deals. Product, owner, lead source and dates are the deal's.
 *
 * The table decides when it can (an accounts table holds account facts); in a table of deals
 * with an account key the data decides (is the value constant within each account?); with no
 * key, or too few accounts with several deals to tell, the header does.
 */
import type { AttributeLevel, TableKind } from '@shared/domain/dataset'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { headerText } from './header-words'

export interface LevelEvidence {
  /** Accounts with at least two rows where the column is filled. */
  accountsWithSeveralRows: number
  /** Of those, accounts whose filled rows all hold the same value. */
  constantAccounts: number
}

export interface SuggestedLevel {
  level: AttributeLevel
  reason: string
}

/** Enough accounts with several deals to judge from the data, and the share that must agree. */
const MIN_ACCOUNTS = 8
const CONSTANT_SHARE = 0.95

/** Header words of facts about a deal rather than the company. */
const DEAL_WORDS = new RegExp(
  '(?:^| )(?:product|products|plan|sku|edition|package|owner|rep|sales rep|ae|sdr|bdr|source|lead source|campaign|' +
    'channel|medium|utm|deal type|opportunity type|type of deal|new business|stage|pipeline|contact|contact method|' +
    'call|calls|duration|competitor|competitors|discount|quantity|qty|quantityordered|priceeach|price|msrp|' +
    'priority|forecast|probability|reason|term|contract length|contract term|payment terms|billing frequency|' +
    'deal size|dealsize|productline|productcode|order|month|day|quarter|week|campaigns|' +
    'attempts|touches|meetings|demo|trial|poc|pilot|promotion|offer|coupon)(?: |$)'
)

const pct = (part: number, whole: number): string => `${Math.round((100 * part) / Math.max(1, whole))}%`

/** Counts, per account key, whether the column holds one value on all of that account's rows. */
export function levelEvidence(
  key: DictionaryColumn,
  keyIsMissing: (code: number) => boolean,
  column: DictionaryColumn,
  isMissing: (code: number) => boolean
): LevelEvidence {
  const first = new Int32Array(key.dictionary.length).fill(-1)
  const rows = new Uint32Array(key.dictionary.length)
  const varies = new Uint8Array(key.dictionary.length)
  for (let row = 0; row < column.codes.length; row++) {
    const k = key.codes[row]!
    const code = column.codes[row]!
    if (keyIsMissing(k) || isMissing(code)) continue
    rows[k]!++
    if (first[k] === -1) first[k] = code
    else if (first[k] !== code) varies[k] = 1
  }
  let several = 0
  let constant = 0
  for (let k = 0; k < rows.length; k++) {
    if (rows[k]! < 2) continue
    several++
    if (varies[k] === 0) constant++
  }
  return { accountsWithSeveralRows: several, constantAccounts: constant }
}

export function suggestLevel(header: string, kind: TableKind, evidence: LevelEvidence | null): SuggestedLevel {
  if (kind === 'accounts') return { level: 'account', reason: 'a column of the accounts table' }
  const single = evidence !== null && evidence.accountsWithSeveralRows === 0
  if (evidence && evidence.accountsWithSeveralRows >= MIN_ACCOUNTS) {
    const { constantAccounts: same, accountsWithSeveralRows: several } = evidence
    if (same >= CONSTANT_SHARE * several) {
      return { level: 'account', reason: `the same value on every deal of ${pct(same, several)} of the ${several} accounts with several deals` }
    }
    return { level: 'deal', reason: `differs between deals of one account in ${pct(several - same, several)} of the ${several} accounts with several deals` }
  }
  const byName = DEAL_WORDS.test(headerText(header))
  if (byName) return { level: 'deal', reason: `name “${header}” reads as a fact about the deal` }
  return kind === 'deals'
    ? { level: 'deal', reason: 'a column of the deals table' }
    : {
        level: 'account',
        reason: evidence && !single ? 'too few accounts with several deals to tell; read as a fact about the account' : 'each row is its own account'
      }
}
