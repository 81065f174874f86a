/**
 * The one-pager's market line: the prospect list scored with the scorecard, in one sentence a
 * client can check ("Market: 18,000 prospects in prospects.csv (Apollo, 5 Dec 2026): Tier A 310,
 * B 930, C 16,760; 1,240 score 60 or more."), with what could not be judged said plainly.
 */

import { PROSPECT_SOURCE_NAMES, type ProspectMarket } from '@shared/domain/prospects'

const count = (n: number): string => n.toLocaleString('en-US')

export function marketLine(market: ProspectMarket): string {
  const date = new Date(market.importedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  const tiers = market.tiers.map((t, i) => `${i === 0 ? `Tier ${t.name}` : t.name} ${count(t.count)}`).join(', ')
  const parts = [
    `Market: ${count(market.listSize)} prospects in ${market.fileName} (${PROSPECT_SOURCE_NAMES[market.source]}, ${date}): ${tiers}; ${count(market.passing)} score ${market.threshold} or more.`
  ]
  if (market.unmappedAttributes.length > 0) parts.push(`Not in the list, so not judged: ${market.unmappedAttributes.join(', ')}.`)
  else if (market.withUnknowns > 0) parts.push(`${count(market.withUnknowns)} could not be judged on every criterion.`)
  if (market.couldPass > 0) parts.push(`${count(market.couldPass)} more could pass if known.`)
  return parts.join(' ')
}
