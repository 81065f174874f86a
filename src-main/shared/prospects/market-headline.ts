/**
 * The market in one honest sentence: "The ICP as defined finds 1,240 of your 18,000 prospects
 * (6.9%) at a score of 60 or more; Tier A is 310." followed, whenever it is so, by how many could
 * not be judged and on what, so the figure is never read as more certain than it is.
 */

import type { ProspectMarket } from '@shared/domain/prospects'

const count = (n: number): string => n.toLocaleString('en-US')
const share = (part: number, whole: number): string => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`)

export function marketHeadline(market: Omit<ProspectMarket, 'headline'>): string {
  const { listSize, passing, threshold, tiers, couldPass, withUnknowns, unmappedAttributes, knockedOut } = market
  const top = tiers[0]
  const parts = [
    `The ICP as defined finds ${count(passing)} of your ${count(listSize)} prospects (${share(passing, listSize)}) at a score of ${threshold} or more` +
      (top ? `; Tier ${top.name} is ${count(top.count)}.` : '.')
  ]
  if (knockedOut > 0) parts.push(`${count(knockedOut)} are knocked out.`)
  if (withUnknowns > 0) {
    // Criteria on attributes the list lacks are named once, in "Not in this list"; here, the rest.
    const worst = [...market.criteria, ...market.knockouts]
      .map((c) => ({ ...c, unknown: c.unknown - c.unknownBy['no-column'] }))
      .filter((c) => c.unknown > 0)
      .sort((a, b) => b.unknown - a.unknown)
    const named = worst
      .slice(0, 3)
      .map((c) => `${c.words} (${count(c.unknown)})`)
      .join(', ')
    parts.push(`${count(withUnknowns)} could not be judged on every criterion${named ? ` — most often ${named}` : ''}.`)
    if (couldPass > 0) parts.push(`${count(couldPass)} more could pass if those were known.`)
  }
  if (unmappedAttributes.length > 0) parts.push(`Not in this list: ${unmappedAttributes.join(', ')}.`)
  return parts.join(' ')
}
