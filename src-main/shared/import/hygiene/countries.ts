/**
 * Country lookups for the country rule: any spelling we know ("USA", "U.S.", "Deutschland",
 * "GBR") to the ISO alpha-2 code or the common English name.
 */
import { ALPHA3, COUNTRIES, COUNTRY_ALIASES, type Country } from './country-list'

export { COUNTRIES, type Country } from './country-list'

/** Case, accents, dots, commas and apostrophes do not distinguish countries. */
function lookupKey(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.,'\u2019()]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[\s_-]+/g, ' ')
    .trim()
}

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c] as const))
const BY_KEY = new Map<string, Country>()
for (const country of COUNTRIES) {
  BY_KEY.set(lookupKey(country.code), country)
  BY_KEY.set(lookupKey(country.name), country)
}
for (const [alpha3, alpha2] of Object.entries(ALPHA3)) {
  const country = BY_CODE.get(alpha2)
  if (country) BY_KEY.set(lookupKey(alpha3), country)
}
for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) {
  const country = BY_CODE.get(code)
  if (country) for (const alias of aliases) BY_KEY.set(lookupKey(alias), country)
}

/** The country a value names (code, alpha-3, name or known variant), or null. */
export function findCountry(raw: string): Country | null {
  return BY_KEY.get(lookupKey(raw)) ?? null
}

/** "United States of America" -> "US"; null when not recognised. */
export function countryCode(raw: string): string | null {
  return findCountry(raw)?.code ?? null
}

/** "deu" -> "Germany"; null when not recognised. */
export function countryName(raw: string): string | null {
  return findCountry(raw)?.name ?? null
}
