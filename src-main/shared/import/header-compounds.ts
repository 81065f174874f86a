/**
 * Headers written as one run of capitals or lower case ("ORDERDATE", "CUSTOMERNAME",
 * "contactlastname"), as older ERPs and database dumps export them: split into the CRM words
 * they are made of, so they read like "Order Date". A run splits only when it is made entirely
 * of known words; anything else is left whole.
 */
const WORDS = [
  'account',
  'accounts',
  'address',
  'amount',
  'annual',
  'area',
  'billing',
  'city',
  'client',
  'close',
  'closed',
  'code',
  'company',
  'contact',
  'contract',
  'country',
  'county',
  'created',
  'create',
  'currency',
  'customer',
  'date',
  'day',
  'days',
  'deal',
  'domain',
  'each',
  'email',
  'employee',
  'employees',
  'first',
  'id',
  'industry',
  'invoice',
  'last',
  'lead',
  'line',
  'list',
  'month',
  'msrp',
  'name',
  'number',
  'num',
  'of',
  'opportunity',
  'order',
  'ordered',
  'owner',
  'phone',
  'postal',
  'price',
  'product',
  'quantity',
  'quote',
  'reason',
  'region',
  'revenue',
  'sales',
  'segment',
  'size',
  'source',
  'stage',
  'state',
  'status',
  'street',
  'territory',
  'time',
  'total',
  'type',
  'value',
  'week',
  'won',
  'year',
  'zip',
  'qtr',
  'date'
].sort((a, b) => b.length - a.length)

const MIN_LENGTH = 7

/** "orderdate" -> ["order", "date"]; null when the run is not made of known words. */
function splitRun(run: string): string[] | null {
  // Longest-first search with memo: at most a few dozen positions per header.
  const memo = new Map<number, string[] | null>()
  const from = (at: number): string[] | null => {
    if (at === run.length) return []
    const seen = memo.get(at)
    if (seen !== undefined) return seen
    let found: string[] | null = null
    for (const word of WORDS) {
      if (!run.startsWith(word, at)) continue
      const rest = from(at + word.length)
      if (rest) {
        found = [word, ...rest]
        break
      }
    }
    memo.set(at, found)
    return found
  }
  return from(0)
}

/** A lower-case word split into known words when it is a compound of them (with a trailing number kept). */
export function splitCompound(word: string): string {
  if (word.length < MIN_LENGTH) return word
  const digits = /\d+$/.exec(word)?.[0] ?? ''
  const run = digits ? word.slice(0, -digits.length) : word
  const parts = splitRun(run)
  return parts && parts.length > 1 ? [...parts, ...(digits ? [digits] : [])].join(' ') : word
}
