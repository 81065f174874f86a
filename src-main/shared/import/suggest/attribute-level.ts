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
  /**
   * How many of them would hold one value by chance if each row drew its value independently
   * from the column's spread (a column with one dominant value is often constant by chance).
   */
  expectedByChance: number
}

export interface SuggestedLevel {
  level: AttributeLevel
  reason: string
}

/** Enough accounts with several deals to judge from the data. */
const MIN_ACCOUNTS = 8
/**
 * An account fact is the same on an account's deals far more often than chance would make it:
 * nearly always, or at least halfway from chance to always (messy exports re-spell a value now
 * and then: "SaaS" on one deal, "Software as a Service" on the next).
 */
const CONSTANT_SHARE = 0.95
const BEYOND_CHANCE = 0.5
const MIN_CONSTANT_SHARE = 0.6

/** Header words of facts about a deal rather than the company. */
const DEAL_WORDS = new RegExp(
  '(?:^| )(?:product|products|plan|sku|edition|package|owner|rep|sales rep|ae|sdr|bdr|source|lead source|campaign|' +
    'channel|medium|utm|deal type|opportunity type|type of deal|new business|stage|pipeline|contact|contact method|' +
    'call|calls|duration|competitor|competitors|discount|quantity|qty|quantityordered|priceeach|price|msrp|' +
    'priority|forecast|probability|reason|term|contract length|contract term|payment terms|billing frequency|' +
    'deal size|dealsize|productline|productcode|order|month|day|quarter|week|campaigns|' +
    'attempts|touches|meetings|demo|trial|poc|pilot|promotion|offer|coupon)(?: |$)'
)

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
  const frequency = new Uint32Array(column.dictionary.length)
  let filled = 0
  for (let row = 0; row < column.codes.length; row++) {
    const k = key.codes[row]!
    const code = column.codes[row]!
    if (keyIsMissing(k) || isMissing(code)) continue
    rows[k]!++
    frequency[code]!++
    filled++
    if (first[k] === -1) first[k] = code
    else if (first[k] !== code) varies[k] = 1
  }
  let several = 0
  let constant = 0
  const sizes = new Map<number, number>()
  for (let k = 0; k < rows.length; k++) {
    if (rows[k]! < 2) continue
    several++
    sizes.set(rows[k]!, (sizes.get(rows[k]!) ?? 0) + 1)
    if (varies[k] === 0) constant++
  }
  // Chance of k independent rows agreeing: the sum over values of p^k. Values are grouped by
  // their frequency first: a column of a million near-unique values has only a handful of
  // distinct frequencies, and summing p^k per value for every account size took seconds.
  const valuesWithFrequency = new Map<number, number>()
  for (const f of frequency) if (f > 0) valuesWithFrequency.set(f, (valuesWithFrequency.get(f) ?? 0) + 1)
  let expected = 0
  for (const [size, accounts] of sizes) {
    let agree = 0
    for (const [f, values] of valuesWithFrequency) agree += values * (f / filled) ** size
    expected += accounts * agree
  }
  return { accountsWithSeveralRows: several, constantAccounts: constant, expectedByChance: expected }
}

export function suggestLevel(header: string, kind: TableKind, evidence: LevelEvidence | null): SuggestedLevel {
  if (kind === 'accounts') return { level: 'account', reason: 'a column of the accounts table' }
  const single = evidence !== null && evidence.accountsWithSeveralRows === 0
  if (evidence && evidence.accountsWithSeveralRows >= MIN_ACCOUNTS) {
    const { constantAccounts: same, accountsWithSeveralRows: several, expectedByChance: chance } = evidence
    const beyondChance = same >= MIN_CONSTANT_SHARE * several && same - chance >= BEYOND_CHANCE * (several - chance)
    const byChance = Math.round(chance)
    if (same >= CONSTANT_SHARE * several || beyondChance) {
      return { level: 'account', reason: `one value on all deals of ${same} of ${several} accounts with several (by chance: ${byChance})` }
    }
    return { level: 'deal', reason: `differs between an account's deals in ${several - same} of ${several} accounts with several` }
  }
  const byName = DEAL_WORDS.test(headerText(header))
  if (byName) return { level: 'deal', reason: `named like a fact about the deal` }
  return kind === 'deals'
    ? { level: 'deal', reason: 'a column of the deals table' }
    : {
        level: 'account',
        reason: evidence && !single ? 'too few accounts with several deals to tell: read as the account’s' : 'each row is its own account'
      }
}
