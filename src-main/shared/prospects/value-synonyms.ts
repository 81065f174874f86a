/**
 * Spellings that name the same value across taxonomies, where the words alone do not show it:
 * the list tools' industry names (LinkedIn's industries as Apollo and Sales Navigator export
 * them, ZoomInfo's industries, NAICS titles) against the labels CRMs use. Kept conservative: a
 * pairing is here only when an analyst would make it without asking ("Computer Software" is
 * SaaS), not where it is a judgement ("Financial Services" is not FinTech, so it stays unmapped
 * and is shown as such).
 */
export const VALUE_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['saas', 'software as a service', 'software', 'computer software', 'software development', 'software publishers', 'internet software'],
  ['fintech', 'financial technology', 'financial transactions processing reserve and clearinghouse activities'],
  ['healthcare', 'health care', 'hospitals and health care', 'hospital and health care', 'hospitals and physicians clinics'],
  ['logistics', 'transportation', 'transportation and warehousing', 'logistics and supply chain', 'freight'],
  [
    'professional services',
    'consulting',
    'management consulting',
    'business consulting and services',
    'business services',
    'professional scientific and technical services'
  ],
  [
    'media',
    'media and internet',
    'media production',
    'broadcast media',
    'broadcasting except internet',
    'motion picture and video industries',
    'entertainment'
  ],
  ['education', 'education management', 'higher education', 'educational services', 'e learning'],
  ['retail', 'retail trade', 'consumer goods retail']
]

/**
 * Words that carry no meaning of their own in a value's name. "Services" is not one: without it
 * "Professional Services" would be found in "Colleges, Universities, and Professional Schools".
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(['and', 'the', 'of', 'for', 'in', 'other', 'except', 'activities'])
