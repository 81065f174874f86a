/**
 * What a number column measures, from how its values are written and what its header says.
 * The unit decides how every screen and deliverable writes the numbers: a size class 0-4 is
 * "class 2", never "$2"; a revenue column is money whether or not the export kept the "$".
 */
import type { NumberUnit } from '@shared/domain/dataset'
import type { DistinctValues } from '../distinct-values'
import { headerWords } from './header-hints'

const CURRENCY_MARK = /[$€£¥]|\b(?:usd|eur|gbp|cad|aud|chf|jpy)\b/i
const PERCENT_MARK = /%/
/** Header words of money: amounts, revenue, prices, spend. */
const MONEY_WORDS = new Set([
  'amount',
  'revenue',
  'revenues',
  'arr',
  'mrr',
  'acv',
  'tcv',
  'ltv',
  'clv',
  'price',
  'prices',
  'sales',
  'spend',
  'cost',
  'costs',
  'budget',
  'income',
  'charges',
  'charge',
  'value',
  'bookings',
  'billing',
  'funding',
  'raised',
  'valuation',
  'msrp',
  'payment',
  'payments',
  'fee',
  'fees',
  'usd',
  'eur',
  'gbp',
  'dollars'
])
/** Header words of codes and classes, whose numbers name a group rather than measure anything. */
const CODE_WORDS = new Set([
  'code',
  'class',
  'classes',
  'tier',
  'level',
  'segment',
  'group',
  'grade',
  'rating',
  'category',
  'bucket',
  'band',
  'cluster',
  'type',
  'flag',
  'id',
  'rank',
  'quartile',
  'decile',
  'quintile'
])
const PERCENT_WORDS = new Set(['percent', 'pct', 'rate', 'ratio', 'share', 'margin', 'nrr', 'ndr', 'retention', 'growth', 'probability'])
/** Header words of counts: a small range of these is still a count ("previous contacts 0-7"). */
const COUNT_WORDS = new Set([
  'count',
  'number',
  'num',
  'employees',
  'employee',
  'headcount',
  'seats',
  'users',
  'contacts',
  'previous',
  'campaign',
  'tickets',
  'days',
  'months',
  'years',
  'age',
  'tenure',
  'quantity',
  'qty',
  'calls',
  'meetings',
  'visits',
  'times'
])
/** Few small whole numbers can be a code; a count has more room. */
const MAX_CODES = 12
const MAX_CODE_VALUE = 20

/**
 * `numbers` are the parsed distinct values (percentages already divided by 100); `values` the
 * raw spellings with their row counts, to see currency signs and percent marks.
 */
export function numberUnit(
  header: string,
  { values, counts }: Pick<DistinctValues, 'values' | 'counts'>,
  numbers: ArrayLike<number> & Iterable<number>
): NumberUnit {
  let total = 0
  let currency = 0
  let percent = 0
  for (let i = 0; i < values.length; i++) {
    const value = values.at(i)!
    const count = counts[i]!
    total += count
    if (CURRENCY_MARK.test(value)) currency += count
    else if (PERCENT_MARK.test(value)) percent += count
  }
  if (total > 0 && currency * 3 >= total) return 'money'
  if (total > 0 && percent * 3 >= total) return 'percent'

  const words = headerWords(header)
  let integers = true
  let min = Infinity
  let max = -Infinity
  for (const n of numbers) {
    if (n < min) min = n
    if (n > max) max = n
    if (integers && !Number.isInteger(n)) integers = false
  }
  const fewSmall = integers && numbers.length > 0 && numbers.length <= MAX_CODES && min >= 0 && max <= MAX_CODE_VALUE
  if (fewSmall && words.some((w) => CODE_WORDS.has(w))) return 'code'
  if (words.some((w) => MONEY_WORDS.has(w)) && !fewSmall) return 'money'
  if (words.some((w) => PERCENT_WORDS.has(w))) return 'percent'
  if (integers && min >= 1900 && max <= 2100 && words.some((w) => w === 'year' || w === 'founded')) return 'year'
  if (fewSmall && !words.some((w) => COUNT_WORDS.has(w)) && max - min + 1 === numbers.length && numbers.length <= 6) return 'code'
  return integers ? 'count' : 'number'
}
