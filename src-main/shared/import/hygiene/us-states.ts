/**
 * US states (plus DC and Puerto Rico) by USPS code and name. CRM exports mix "California",
 * "CA", "ca" and "N.Y." in one column; a us-state rule writes them all one way.
 */

export interface UsState {
  code: string
  name: string
}

export const US_STATES: readonly UsState[] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['PR', 'Puerto Rico'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming']
].map(([code, name]) => ({ code: code!, name: name! }))

/** Spellings that are neither the code nor the name but common enough to expect. */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['DC', 'Washington DC'],
  ['DC', 'Washington D.C.'],
  ['DC', 'D.C.'],
  ['PR', 'Puerto Rico (US)']
]

/** Case, dots, hyphens and spacing do not distinguish states: "n.y." is "NY", "new-york" is "New York". */
function lookupKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[.\u2019'()]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim()
}

const BY_KEY = new Map<string, UsState>()
for (const state of US_STATES) {
  BY_KEY.set(lookupKey(state.code), state)
  BY_KEY.set(lookupKey(state.name), state)
}
for (const [code, alias] of ALIASES) {
  const state = US_STATES.find((s) => s.code === code)
  if (state) BY_KEY.set(lookupKey(alias), state)
}

/** The state a value names (by code or name), or null when it is not a US state. */
export function findUsState(raw: string): UsState | null {
  return BY_KEY.get(lookupKey(raw)) ?? null
}

/** "california" -> "CA"; null when not a state. */
export function usStateCode(raw: string): string | null {
  return findUsState(raw)?.code ?? null
}

/** "ca" -> "California"; null when not a state. */
export function usStateName(raw: string): string | null {
  return findUsState(raw)?.name ?? null
}
