/**
 * Which list tool a file came from, by the columns only that tool writes (their export
 * documentation's headers). The source decides which saved mapping the next list reuses.
 */

import { PROSPECT_SOURCE_NAMES, type ProspectSource } from '@shared/domain/prospects'
import { compactKey } from './header-concepts'

/** Headers that mark each tool's export; one of `unique` suffices, else two of `typical`. */
const SIGNATURES: ReadonlyArray<{ source: Exclude<ProspectSource, 'plain'>; unique: readonly string[]; typical: readonly string[] }> = [
  {
    source: 'apollo',
    unique: ['apolloaccountid', 'companynameforemails'],
    typical: [
      'employees',
      'accountstage',
      'companylinkedinurl',
      'latestfunding',
      'lastraisedat',
      'seodescription',
      'numberofretaillocations'
    ]
  },
  {
    source: 'zoominfo',
    unique: ['zoominfocompanyid', 'zoominfocompanyprofileurl'],
    typical: [
      'revenuein000susd',
      'revenuerangeinusd',
      'employeerange',
      'primaryindustry',
      'primarysubindustry',
      'primarynaicscode',
      'primarysiccode'
    ]
  },
  {
    source: 'sales-navigator',
    unique: ['salesnavigatorurl', 'linkedinsalesnavigatorurl'],
    typical: ['linkedincompanyurl', 'companyhq', 'companysize', 'companytype', 'headquarters']
  }
]

export function detectSource(headers: readonly string[]): { source: ProspectSource; reason: string } {
  const keys = new Map(headers.map((h) => [compactKey(h), h]))
  let best: { source: ProspectSource; found: string[]; score: number } | null = null
  for (const { source, unique, typical } of SIGNATURES) {
    const uniqueFound = unique.filter((k) => keys.has(k))
    const typicalFound = typical.filter((k) => keys.has(k))
    const score = uniqueFound.length * 10 + typicalFound.length
    if ((uniqueFound.length > 0 || typicalFound.length >= 2) && (!best || score > best.score)) {
      best = { source, found: [...uniqueFound, ...typicalFound].map((k) => keys.get(k)!), score }
    }
  }
  if (!best) return { source: 'plain', reason: 'no column that only Apollo, Sales Navigator or ZoomInfo writes' }
  return { source: best.source, reason: `${PROSPECT_SOURCE_NAMES[best.source]} columns: ${best.found.slice(0, 4).join(', ')}` }
}
