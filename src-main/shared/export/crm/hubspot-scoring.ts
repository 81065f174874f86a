/**
 * The scorecard as HubSpot's lead-scoring structure for companies: a Fit score whose groups are
 * the scorecard's categories, each rule a property filter with its points, and tier thresholds
 * in points. HubSpot sums points and clips each group at its limit; it cannot rescale to 0-100,
 * so thresholds are the fewest points that reach each tier's 0-100 minimum (rule-bounds.ts).
 *
 * A capped attribute becomes a group of its own with the cap as its limit, because a HubSpot
 * group limit is the only cap HubSpot has. Category groups get a limit they can never reach
 * (their best possible total), so they never clip what the app does not clip.
 */

import type { CrmField } from '@shared/domain/crm'
import { worstTogether } from '@shared/engine/scorecard/condition-overlap'
import type { Condition, Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { scoreScale, type ScoreScale } from '@shared/engine/scoring/scale'
import { dateBounds, tierThresholds, type TierThreshold } from './rule-bounds'

export type HubSpotOperator =
  | 'is any of'
  | 'is none of'
  | 'is known'
  | 'is unknown'
  | 'is equal to'
  | 'is greater than'
  | 'is less than'
  | 'is greater than or equal to'
  | 'is less than or equal to'
  | 'is after'
  | 'is before'
  | 'contains any of'
  | 'contains all of'

export interface HubSpotFilter {
  property: string
  operator: HubSpotOperator
  /** Option values (any/none/contains), a number, a date (YYYY-MM-DD) or true/false (checkbox). */
  values?: string[]
  value?: number | string | boolean
}

export interface HubSpotRule {
  /** Every filter must hold (HubSpot's AND within one rule). */
  filters: HubSpotFilter[]
  points: number
  /** The criterion in the client's words, for the setup sheet. */
  words: string
}

export interface HubSpotGroup {
  name: string
  /** The most the group may add; a capped attribute's cap, else the group's best possible total. */
  limit: number
  rules: HubSpotRule[]
  /** True for a capped attribute's group: the limit is a real cap the app applies too. */
  capped: boolean
}

export interface HubSpotScoring {
  object: 'companies'
  scoreType: 'Fit'
  scoreName: string
  groups: HubSpotGroup[]
  /** The score limit that never clips: the best account's points. */
  scoreLimit: number
  scale: ScoreScale
  thresholds: TierThreshold[]
  /** Knockouts: HubSpot scores cannot disqualify, so these set ICP Tier through a workflow. */
  disqualifiers: Array<{ name: string; filters: HubSpotFilter[] }>
  /** What HubSpot cannot express exactly, in words. */
  problems: string[]
}

/** The condition as HubSpot filters on the mapped property (all must hold). */
export function hubspotFilters(condition: Condition, field: CrmField): HubSpotFilter[] {
  const property = field.field
  const values = condition.values ?? []
  switch (condition.op) {
    case 'in':
      return [{ property, operator: 'is any of', values }]
    case 'not_in':
      // "is none of" alone would take accounts with no value; the app's rule does not.
      return [
        { property, operator: 'is known' },
        { property, operator: 'is none of', values }
      ]
    case 'contains_any':
      return [{ property, operator: 'contains any of', values }]
    case 'contains_all':
      return [{ property, operator: 'contains all of', values }]
    case 'is_true':
      return [{ property, operator: 'is equal to', value: true }]
    case 'is_false':
      return [{ property, operator: 'is equal to', value: false }]
    case 'is_missing':
      return [{ property, operator: 'is unknown' }]
    case 'between':
    case 'lt':
    case 'gt': {
      const min = condition.op === 'between' ? (condition.min ?? null) : condition.op === 'gt' ? (condition.value ?? 0) : null
      const max = condition.op === 'between' ? (condition.max ?? null) : condition.op === 'lt' ? (condition.value ?? 0) : null
      const filters: HubSpotFilter[] = [{ property, operator: 'is known' }]
      if (field.type === 'date') {
        const { from, to } = dateBounds(condition.op, min, max)
        // HubSpot's date filters are strict: on or after D is after the day before D.
        if (from)
          filters.push({ property, operator: 'is after', value: new Date(Date.parse(from.iso) - 86_400_000).toISOString().slice(0, 10) })
        if (to)
          filters.push({ property, operator: 'is before', value: new Date(Date.parse(to.iso) + 86_400_000).toISOString().slice(0, 10) })
      } else if (condition.op === 'between') {
        if (min !== null) filters.push({ property, operator: 'is greater than or equal to', value: min })
        if (max !== null) filters.push({ property, operator: 'is less than or equal to', value: max })
      } else
        filters.push({
          property,
          operator: condition.op === 'gt' ? 'is greater than' : 'is less than',
          value: (condition.op === 'gt' ? min : max)!
        })
      return filters
    }
  }
}

export function hubspotScoring(
  scorecard: Scorecard,
  fieldOf: (attribute: string) => CrmField,
  wordsOf: (condition: Condition) => string,
  scoreName = 'ICP Fit'
): HubSpotScoring {
  const caps = new Map((scorecard.attributeCaps ?? []).map(({ attribute, cap }) => [attribute, cap]))
  const groups: HubSpotGroup[] = []
  const groupOf = new Map<string, HubSpotGroup>()
  const criteriaOf = new Map<HubSpotGroup, Criterion[]>()
  const problems: string[] = []
  for (const criterion of scorecard.criteria) {
    if (criterion.points === 0) continue
    const cap = caps.get(criterion.attribute)
    const key = cap === undefined ? `category:${criterion.category}` : `cap:${criterion.attribute}`
    let group = groupOf.get(key)
    if (!group) {
      const name = cap === undefined ? criterion.category : `${criterion.category}: ${fieldOf(criterion.attribute).field} (capped)`
      group = { name, limit: cap ?? 0, rules: [], capped: cap !== undefined }
      groupOf.set(key, group)
      groups.push(group)
    }
    criteriaOf.set(group, [...(criteriaOf.get(group) ?? []), criterion])
    group.rules.push({
      filters: hubspotFilters(criterion, fieldOf(criterion.attribute)),
      points: criterion.points,
      words: wordsOf(criterion)
    })
  }
  for (const group of groups) {
    const best = group.rules.reduce((total, rule) => total + Math.max(rule.points, 0), 0)
    const worst = worstTogether(criteriaOf.get(group) ?? [])
    if (!group.capped) group.limit = Math.max(best, 1)
    else if (worst < -group.limit) {
      problems.push(
        `HubSpot's group limit caps points added, not points taken away: in "${group.name}" the app never takes more than ${group.limit} points, but HubSpot can take up to ${-worst}. Accounts meeting several of its negative rules will score lower in HubSpot.`
      )
    }
  }
  const scale = scoreScale(scorecard.criteria, scorecard.attributeCaps ?? [])
  const thresholds = tierThresholds(scorecard.tiers, scale)
  for (const t of thresholds)
    if (!t.reachable) problems.push(`No account can reach tier ${t.tier}: its minimum score is above the best possible.`)
  return {
    object: 'companies',
    scoreType: 'Fit',
    scoreName,
    groups,
    scoreLimit: Math.max(scale.max, 1),
    scale,
    thresholds,
    disqualifiers: scorecard.knockouts.map((k) => ({ name: k.name || wordsOf(k), filters: hubspotFilters(k, fieldOf(k.attribute)) })),
    problems
  }
}
