import type { OnePagerContent } from '@shared/domain/one-pager'

type Criterion = OnePagerContent['scorecard']['categories'][number]['criteria'][number]

export interface AttributeRow {
  attribute: string
  criteria: Array<Pick<Criterion, 'qualifies' | 'points' | 'supported'>>
}

/**
 * A category's criteria, one row per attribute in first-seen order: a suggested scorecard has a
 * criterion per band of every attribute, and a row per criterion would not fit on a page.
 */
export function criteriaByAttribute(criteria: readonly Criterion[]): AttributeRow[] {
  const rows = new Map<string, AttributeRow>()
  for (const criterion of criteria) {
    const row = rows.get(criterion.attribute) ?? { attribute: criterion.attribute, criteria: [] }
    row.criteria.push({ qualifies: criterion.qualifies, points: criterion.points, supported: criterion.supported ?? null })
    rows.set(criterion.attribute, row)
  }
  return [...rows.values()]
}

const VERBS = ['is not ', 'has any of ', 'has all of ', 'is ']

/**
 * One attribute's qualifying criteria in one phrase: "is SaaS; is FinTech" -> "is SaaS, FinTech"
 * when they share their verb, else joined with semicolons. Every value is named: a list cut to
 * "A, B +3 more" could hide a core value, so long lists wrap and the page's type scale absorbs
 * their length instead.
 */
export function joinQualifies(qualifies: readonly string[]): string {
  const verb = VERBS.find((v) => qualifies.every((q) => q.startsWith(v) && !(v === 'is ' && q.startsWith('is not '))))
  // A value two criteria share is named once ("is SaaS, FinTech" and "is SaaS, Media" -> "is SaaS, FinTech, Media").
  if (verb && qualifies.length > 1) return `${verb}${[...new Set(qualifies.flatMap((q) => q.slice(verb.length).split(', ')))].join(', ')}`
  return qualifies.join('; ')
}
