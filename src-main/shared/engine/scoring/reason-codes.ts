/**
 * Reason codes: the few criteria that gave an account its score or cost it points, in words
 * ("Vertical is SaaS (+15); Tech stack includes Salesforce (+10); Employees under 20 (-20)"). Sales
 * reads them beside the score in the CRM, so they follow the score's own arithmetic: a capped
 * attribute counts once, at what the cap let through, never as its criteria's uncapped sum.
 */

import type { AttributeCap } from '@shared/engine/scorecard/model'

export interface ReasonCode {
  /** Points this reason moved the account by (after any cap); never 0. */
  points: number
  text: string
}

/** How many reasons a CRM field and a table cell carry: enough to explain, short enough to read. */
export const REASON_LIMIT = 3

export interface ReasonCriterion {
  attribute: string
  points: number
}

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points))

/**
 * The account's reasons, strongest first (by size of the points; ties in scorecard order).
 * `words[i]` is how criterion i reads; `matches[i]` is 1 when the account meets it.
 */
export function reasonCodes(
  criteria: readonly ReasonCriterion[],
  matches: ArrayLike<number>,
  words: readonly string[],
  caps: readonly AttributeCap[] = [],
  limit: number = REASON_LIMIT
): ReasonCode[] {
  const capOf = new Map(caps.map(({ attribute, cap }) => [attribute, cap]))
  const capped = new Map<string, { order: number; sum: number; texts: string[] }>()
  const found: Array<ReasonCode & { order: number }> = []
  criteria.forEach((criterion, i) => {
    if (!matches[i] || criterion.points === 0) return
    const cap = capOf.get(criterion.attribute)
    if (cap === undefined) {
      found.push({ points: criterion.points, text: words[i] ?? '', order: i })
      return
    }
    const group = capped.get(criterion.attribute) ?? { order: i, sum: 0, texts: [] }
    group.sum += criterion.points
    group.texts.push(words[i] ?? '')
    capped.set(criterion.attribute, group)
  })
  for (const [attribute, group] of capped) {
    const cap = capOf.get(attribute)!
    const counted = Math.min(Math.max(group.sum, -cap), cap)
    if (counted === 0) continue
    const text = group.texts.join(', ')
    found.push({ points: counted, text: counted !== group.sum ? `${text} (capped at ${cap})` : text, order: group.order })
  }
  found.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.order - b.order)
  return found.slice(0, limit).map(({ points, text }) => ({ points, text }))
}

/**
 * One line for a cell or a CRM text field: a knockout first (it decides the tier), then the
 * reasons. Words lead and points follow in brackets: a cell that began "+15" would read as a
 * formula to a spreadsheet, and CSV neutralising would prefix it with a quote in the CRM.
 * ASCII signs and "; " between reasons, because criterion words may hold commas.
 */
export function reasonsLine(codes: readonly ReasonCode[], knockout: string | null = null): string {
  const parts = codes.map(({ points, text }) => `${text} (${signed(points)})`)
  if (knockout !== null) parts.unshift(`Knocked out: ${knockout}`)
  return parts.length > 0 ? parts.join('; ') : 'No criterion met'
}
