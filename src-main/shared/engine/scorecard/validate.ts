/**
 * Readable problems with a scorecard. Errors make a scorecard unusable (scoring would be
 * undefined or misleading); warnings are worth showing but never block (a listed value that
 * no deal has, points over a category's budget, criteria that can double-count).
 */

import { CONDITION_OPS, DISQUALIFIED, type Condition, type Scorecard } from './model'
import { OPERAND_SHAPE, OPS_BY_KIND, type AttributeCatalog } from './operators'

export interface ScorecardProblem {
  severity: 'error' | 'warning'
  /** Where, as the editor numbers things from 1: "criterion 3", "knockout 1", "tier 2", "scorecard". */
  where: string
  /** The field at fault, when one is ("min", "values", "points"). */
  field?: string
  /** A full sentence that starts with `where`. */
  message: string
}

export type ProblemReport = (severity: ScorecardProblem['severity'], where: string, text: string, field?: string) => void

function collector(problems: ScorecardProblem[]): ProblemReport {
  return (severity, where, text, field) => problems.push({ severity, where, message: `${where}: ${text}`, ...(field ? { field } : {}) })
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
/** Keeps the raw points range of any scorecard small enough for exact integer scoring. */
export const MAX_POINTS = 10_000
export const MAX_CRITERIA = 500

const validMin = (min: number): boolean => Number.isInteger(min) && min >= 0 && min <= 100

/** The checks criteria and knockouts share: the op fits the attribute and has the fields it needs. */
export function validateCondition(condition: Condition, where: string, report: ProblemReport, attributes?: AttributeCatalog): void {
  if (typeof condition.attribute !== 'string' || condition.attribute.trim() === '') {
    report('error', where, 'names no attribute', 'attribute')
    return
  }
  if (!CONDITION_OPS.includes(condition.op)) {
    report('error', where, `"${String(condition.op)}" is not a known op (one of ${CONDITION_OPS.join(', ')})`, 'op')
    return
  }
  const info = attributes?.get(condition.attribute)
  if (attributes && !info) {
    report('error', where, `the attribute "${condition.attribute}" is not a column of this workspace`, 'attribute')
  } else if (info && !OPS_BY_KIND[info.kind].includes(condition.op)) {
    const fitting = OPS_BY_KIND[info.kind].join(', ')
    report('error', where, `"${condition.op}" does not apply to ${condition.attribute}, a ${info.kind} attribute (use ${fitting})`, 'op')
  }
  switch (OPERAND_SHAPE[condition.op]) {
    case 'values': {
      const values = condition.values
      if (!Array.isArray(values) || values.length === 0) {
        report('error', where, `"${condition.op}" needs at least one value`, 'values')
        return
      }
      if (values.some((value) => typeof value !== 'string')) {
        report('error', where, 'every value must be text', 'values')
        return
      }
      if (info?.values) {
        const known = new Set(info.values)
        for (const value of values) {
          if (!known.has(value)) report('warning', where, `the value "${value}" does not occur in ${condition.attribute}`, 'values')
        }
      }
      return
    }
    case 'range': {
      const min = condition.min ?? null
      const max = condition.max ?? null
      if (min !== null && !isFiniteNumber(min)) report('error', where, '"min" must be a number or null', 'min')
      else if (max !== null && !isFiniteNumber(max)) report('error', where, '"max" must be a number or null', 'max')
      else if (min === null && max === null) report('error', where, '"between" needs a "min", a "max" or both', 'min')
      else if (min !== null && max !== null && min > max) report('error', where, `"min" (${min}) is greater than "max" (${max})`, 'min')
      return
    }
    case 'value':
      if (!isFiniteNumber(condition.value)) report('error', where, `"${condition.op}" needs a number in "value"`, 'value')
      return
    case 'none':
      return
  }
}

function validateShape(scorecard: Scorecard, report: ProblemReport): void {
  if (typeof scorecard.name !== 'string' || scorecard.name.trim() === '') report('error', 'scorecard', 'has no name', 'name')
  const categoryNames = new Set<string>()
  scorecard.categories.forEach((category, i) => {
    const where = `category ${i + 1}`
    if (typeof category.name !== 'string' || category.name.trim() === '') report('error', where, 'has no name', 'name')
    else if (categoryNames.has(category.name)) report('error', where, `"${category.name}" is listed twice`, 'name')
    categoryNames.add(category.name)
    if (!isFiniteNumber(category.budget) || category.budget < 0)
      report('error', where, 'the budget must be a number of points, 0 or more', 'budget')
  })
  if (scorecard.tiers.length === 0) report('error', 'scorecard', 'needs at least one tier', 'tiers')
  const tierNames = new Set<string>()
  scorecard.tiers.forEach((tier, i) => {
    const where = `tier ${i + 1}`
    if (typeof tier.name !== 'string' || tier.name.trim() === '') report('error', where, 'has no name', 'name')
    else if (tier.name === DISQUALIFIED) report('error', where, `"${DISQUALIFIED}" is reserved for knocked-out accounts`, 'name')
    else if (tierNames.has(tier.name)) report('error', where, `"${tier.name}" is listed twice`, 'name')
    tierNames.add(tier.name)
    if (!validMin(tier.min)) report('error', where, 'the minimum must be a whole score from 0 to 100', 'min')
    const above = scorecard.tiers[i - 1]
    if (above && validMin(tier.min) && validMin(above.min) && tier.min >= above.min) {
      report('error', where, `tiers go highest first: ${tier.name} (${tier.min}) must start below ${above.name} (${above.min})`, 'min')
    }
  })
  const lowest = scorecard.tiers[scorecard.tiers.length - 1]
  if (lowest && validMin(lowest.min) && lowest.min > 0) {
    report('warning', `tier ${scorecard.tiers.length}`, `scores below ${lowest.min} are counted in ${lowest.name}, the lowest tier`, 'min')
  }
}

function validateCaps(scorecard: Scorecard, report: ProblemReport, attributes?: AttributeCatalog): void {
  const seen = new Set<string>()
  ;(scorecard.attributeCaps ?? []).forEach((cap, i) => {
    const where = `cap ${i + 1}`
    if (!Number.isInteger(cap.cap) || cap.cap <= 0) report('error', where, 'the cap must be a whole number of points above 0', 'cap')
    if (seen.has(cap.attribute)) report('error', where, `${cap.attribute} has two caps`, 'attribute')
    seen.add(cap.attribute)
    if (attributes && !attributes.has(cap.attribute)) {
      report('error', where, `the attribute "${cap.attribute}" is not a column of this workspace`, 'attribute')
    }
  })
}

/** Criteria with values in common on one uncapped attribute: a deal with that value collects both. */
function warnDoubleCounting(scorecard: Scorecard, report: ProblemReport): void {
  const capped = new Set((scorecard.attributeCaps ?? []).map((cap) => cap.attribute))
  const firstSeen = new Map<string, number>()
  scorecard.criteria.forEach((criterion, i) => {
    if (capped.has(criterion.attribute) || criterion.op === 'not_in' || OPERAND_SHAPE[criterion.op] !== 'values') return
    for (const value of criterion.values ?? []) {
      const key = `${criterion.attribute}\u0000${value}`
      const earlier = firstSeen.get(key)
      if (earlier === undefined) firstSeen.set(key, i)
      else if (earlier !== i) {
        const text = `"${value}" is also in criterion ${earlier + 1}, so a deal with it collects both criteria's points; set a cap on ${criterion.attribute} to limit that`
        report('warning', `criterion ${i + 1}`, text, 'values')
      }
    }
  })
}

function warnOverBudget(scorecard: Scorecard, report: ProblemReport): void {
  scorecard.categories.forEach((category, i) => {
    const positive = scorecard.criteria
      .filter((criterion) => criterion.category === category.name && criterion.points > 0)
      .reduce((sum, criterion) => sum + criterion.points, 0)
    if (isFiniteNumber(category.budget) && category.budget >= 0 && positive > category.budget) {
      report(
        'warning',
        `category ${i + 1}`,
        `the criteria in ${category.name} add up to ${positive} points, over its budget of ${category.budget}`,
        'budget'
      )
    }
  })
}

/**
 * Every problem found, errors first. With `attributes` (the workspace's columns), attributes,
 * ops and listed values are checked against the data too.
 */
export function validateScorecard(scorecard: Scorecard, attributes?: AttributeCatalog): ScorecardProblem[] {
  const problems: ScorecardProblem[] = []
  const report = collector(problems)
  validateShape(scorecard, report)
  validateCaps(scorecard, report, attributes)
  const categoryNames = new Set(scorecard.categories.map((category) => category.name))
  if (scorecard.criteria.length > MAX_CRITERIA)
    report('error', 'scorecard', `has ${scorecard.criteria.length} criteria; at most ${MAX_CRITERIA} are supported`, 'criteria')
  const ids = new Set<string>()
  scorecard.criteria.forEach((criterion, i) => {
    const where = `criterion ${i + 1}`
    if (typeof criterion.id !== 'string' || criterion.id === '') report('error', where, 'has no id', 'id')
    else if (ids.has(criterion.id)) report('error', where, `the id "${criterion.id}" is used twice`, 'id')
    ids.add(criterion.id)
    if (!categoryNames.has(criterion.category))
      report('error', where, `"${criterion.category}" is not a category of this scorecard`, 'category')
    if (!Number.isInteger(criterion.points)) report('error', where, 'points must be a whole number', 'points')
    else if (Math.abs(criterion.points) > MAX_POINTS)
      report('error', where, `points must be from -${MAX_POINTS} to ${MAX_POINTS}`, 'points')
    validateCondition(criterion, where, report, attributes)
  })
  scorecard.knockouts.forEach((knockout, i) => {
    const where = `knockout ${i + 1}`
    if (typeof knockout.name !== 'string' || knockout.name.trim() === '') report('error', where, 'has no name', 'name')
    validateCondition(knockout, where, report, attributes)
  })
  warnDoubleCounting(scorecard, report)
  warnOverBudget(scorecard, report)
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')]
}
