/**
 * A small thesaurus of values that mean the same but share no spelling ("SaaS" and "Software
 * as a Service"). Only pairs that are unambiguous in a CRM column belong here; spellings that
 * differ by case, spacing or punctuation ("Health Care") already match without an entry.
 */
import { spellingKey, spellingTokens } from './spelling'

const THESAURUS: ReadonlyArray<readonly string[]> = [
  ['SaaS', 'Software as a Service'],
  ['FinTech', 'Financial Technology'],
  ['Healthcare', 'Health Care'],
  ['E-commerce', 'Electronic Commerce'],
  ['Information Technology', 'IT'],
  ['Manufacturing', 'Mfg'],
  ['Professional Services', 'Prof. Services', 'Prof Svcs'],
  ['Human Resources', 'HR'],
  ['Artificial Intelligence', 'AI'],
  ['Telecommunications', 'Telecom', 'Telco'],
  ['Pharmaceuticals', 'Pharma'],
  ['Biotechnology', 'Biotech'],
  ['Non-profit', 'Not for profit', 'Nonprofit Organization'],
  ['EdTech', 'Education Technology'],
  ['InsurTech', 'Insurance Technology'],
  ['B2B', 'Business to Business'],
  ['B2C', 'Business to Consumer'],
  ['M&A', 'Mergers and Acquisitions'],
  ['Government', 'Govt']
]

const CONCEPT_BY_KEY = new Map<string, number>()
THESAURUS.forEach((spellings, concept) => {
  for (const spelling of spellings) CONCEPT_BY_KEY.set(spellingKey(spellingTokens(spelling)), concept)
})

/** The thesaurus entry a spelling key belongs to, or null. */
export function synonymConcept(key: string): number | null {
  return CONCEPT_BY_KEY.get(key) ?? null
}
