import type { UnknownReason } from '@shared/domain/prospects'

export const count = (n: number): string => n.toLocaleString('en-US')
export const share = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`)

/** Why a prospect could not be judged, as the market view says it. */
export const UNKNOWN_WORDS: Readonly<Record<UnknownReason, string>> = {
  'no-column': 'not in the list',
  'unmapped-value': 'value not mapped',
  empty: 'blank',
  band: 'band straddles the bound'
}

export function unknownDetail(unknownBy: Readonly<Record<UnknownReason, number>>): string {
  return (Object.keys(UNKNOWN_WORDS) as UnknownReason[])
    .filter((reason) => unknownBy[reason] > 0)
    .map((reason) => `${count(unknownBy[reason])} ${UNKNOWN_WORDS[reason]}`)
    .join(', ')
}
