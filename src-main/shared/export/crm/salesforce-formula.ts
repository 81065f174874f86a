/**
 * The scorecard as Salesforce formula fields on the Account: one Number formula for the 0-100
 * ICP Score and one Text formula for the ICP Tier, computing exactly what the app computes
 * (docs/scorecard-format.md): each met criterion adds its points, capped attributes are clipped to
 * -cap..cap, points map to 0-100 with halves rounded up, any knockout means Disqualified, and a
 * blank field meets nothing but "is missing" (the fields must treat blanks as blanks).
 *
 * Salesforce limits a formula's text to 3,900 characters. A longer score is split into one points
 * formula per category that the score formula adds up; the compiled-size limit (5,000 bytes) only
 * Salesforce can measure, so the setup sheet asks for "Check Syntax".
 */

import type { CrmField } from '@shared/domain/crm'
import { DISQUALIFIED, type Condition, type Scorecard } from '@shared/engine/scorecard/model'
import { scoreScale } from '@shared/engine/scoring/scale'
import { dateBounds, type Day } from './rule-bounds'

export const SALESFORCE_FORMULA_LIMIT = 3900
export const SCORE_FIELD = 'ICP_Score__c'
export const TIER_FIELD = 'ICP_Tier__c'
export const REASONS_FIELD = 'ICP_Reasons__c'

export interface SalesforceFormulaField {
  /** API name, e.g. ICP_Score__c. */
  field: string
  label: string
  returnType: 'Number' | 'Text'
  formula: string
}

export interface SalesforceFormulas {
  /** In the order to create them: points parts first (when split), then the score, then the tier. */
  fields: SalesforceFormulaField[]
  /** Problems the consultant must solve before the formulas work, in words. */
  problems: string[]
}

/** A Salesforce string literal: backslash escapes for quotes, backslashes and line breaks. */
export function sfString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`
}

const sfNumber = (value: number): string => (value < 0 ? `(${value})` : String(value))
const sfDate = (day: Day): string => `DATE(${day.year}, ${day.month}, ${day.day})`

const any = (parts: string[]): string => (parts.length === 1 ? parts[0]! : `OR(${parts.join(', ')})`)
const all = (parts: string[]): string => (parts.length === 1 ? parts[0]! : `AND(${parts.join(', ')})`)

/** The condition as a Salesforce boolean expression on the mapped field. */
export function salesforceCondition(condition: Condition, field: CrmField): string {
  const f = field.field
  const values = condition.values ?? []
  const picklist = field.type === 'picklist'
  const blank = picklist ? `ISBLANK(TEXT(${f}))` : `ISBLANK(${f})`
  const known = `NOT(${blank})`
  const equals = (value: string): string => (picklist ? `ISPICKVAL(${f}, ${sfString(value)})` : `${f} = ${sfString(value)}`)
  const has = (value: string): string =>
    field.type === 'multipicklist' ? `INCLUDES(${f}, ${sfString(value)})` : `CONTAINS("; " & ${f} & "; ", ${sfString(`; ${value}; `)})`
  if (values.length === 0 && ['in', 'not_in', 'contains_any', 'contains_all'].includes(condition.op)) return 'FALSE'
  switch (condition.op) {
    case 'in':
      return any(values.map(equals))
    case 'not_in':
      return all([known, ...values.map((v) => `NOT(${equals(v)})`)])
    case 'contains_any':
      return all([known, any(values.map(has))])
    case 'contains_all':
      return all([known, ...values.map(has)])
    case 'is_true':
      return field.type === 'checkbox' ? f : `${f} = TRUE`
    case 'is_false':
      return field.type === 'checkbox' ? `NOT(${f})` : `${f} = FALSE`
    case 'is_missing':
      return field.type === 'checkbox' ? 'FALSE' : blank
    case 'between':
    case 'lt':
    case 'gt': {
      const min = condition.op === 'between' ? (condition.min ?? null) : condition.op === 'gt' ? (condition.value ?? 0) : null
      const max = condition.op === 'between' ? (condition.max ?? null) : condition.op === 'lt' ? (condition.value ?? 0) : null
      const parts = [known]
      if (field.type === 'date') {
        const { from, to } = dateBounds(condition.op, min, max)
        if (from) parts.push(`${f} >= ${sfDate(from)}`)
        if (to) parts.push(`${f} <= ${sfDate(to)}`)
      } else if (condition.op === 'between') {
        if (min !== null) parts.push(`${f} >= ${sfNumber(min)}`)
        if (max !== null) parts.push(`${f} <= ${sfNumber(max)}`)
      } else parts.push(condition.op === 'gt' ? `${f} > ${sfNumber(min!)}` : `${f} < ${sfNumber(max!)}`)
      return all(parts)
    }
  }
}

/** A block of points: one criterion's IF, or a capped attribute's IFs clipped to -cap..cap. */
interface PointsBlock {
  category: string
  text: string
}

function pointsBlocks(scorecard: Scorecard, fieldOf: (attribute: string) => CrmField): PointsBlock[] {
  const caps = new Map((scorecard.attributeCaps ?? []).map(({ attribute, cap }) => [attribute, cap]))
  const blocks: PointsBlock[] = []
  const cappedTerms = new Map<string, { block: PointsBlock; terms: string[] }>()
  for (const criterion of scorecard.criteria) {
    if (criterion.points === 0) continue
    const term = `IF(${salesforceCondition(criterion, fieldOf(criterion.attribute))}, ${sfNumber(criterion.points)}, 0)`
    const cap = caps.get(criterion.attribute)
    if (cap === undefined) {
      blocks.push({ category: criterion.category, text: term })
      continue
    }
    let group = cappedTerms.get(criterion.attribute)
    if (!group) {
      group = { block: { category: criterion.category, text: '' }, terms: [] }
      cappedTerms.set(criterion.attribute, group)
      blocks.push(group.block)
    }
    group.terms.push(term)
  }
  for (const [attribute, { block, terms }] of cappedTerms) {
    const cap = caps.get(attribute)!
    block.text = `MAX(${sfNumber(-cap)}, MIN(${cap}, ${terms.join(' + ')}))`
  }
  return blocks
}

const sum = (parts: string[]): string => (parts.length === 0 ? '0' : parts.join(' +\n'))

/** "Buying process" -> ICP_Points_Buying_Process__c */
function partField(category: string, taken: Set<string>): string {
  const words = category
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
  const base = `ICP_Points_${words.join('_') || 'Category'}`.slice(0, 37)
  let name = `${base}__c`
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 35)}_${n}__c`
  taken.add(name)
  return name
}

/** `limit` is Salesforce's; tests lower it to exercise the split into per-category formulas. */
export function salesforceFormulas(
  scorecard: Scorecard,
  fieldOf: (attribute: string) => CrmField,
  limit: number = SALESFORCE_FORMULA_LIMIT
): SalesforceFormulas {
  const problems: string[] = []
  const scale = scoreScale(scorecard.criteria, scorecard.attributeCaps ?? [])
  const range = scale.max - scale.min
  const blocks = pointsBlocks(scorecard, fieldOf)
  const scoreOf = (points: string): string =>
    range <= 0 ? '0' : `MAX(0, MIN(100, ROUND(100 * ((${points}) - ${sfNumber(scale.min)}) / ${range}, 0)))`
  const fields: SalesforceFormulaField[] = []
  let score = scoreOf(sum(blocks.map((b) => b.text)))
  if (score.length > limit) {
    // One points formula per category; the score adds them up.
    const taken = new Set<string>()
    const categories = [...new Set(blocks.map((b) => b.category))]
    const parts = categories.map((category) => {
      const field = partField(category, taken)
      const formula = sum(blocks.filter((b) => b.category === category).map((b) => b.text))
      if (formula.length > limit) {
        problems.push(
          `The points formula for ${category} is ${formula.length.toLocaleString('en-US')} characters, over Salesforce's ${limit.toLocaleString('en-US')}: move some of its criteria to another category, or list fewer values per criterion.`
        )
      }
      return { field, label: `ICP points: ${category}`, returnType: 'Number' as const, formula }
    })
    fields.push(...parts)
    score = scoreOf(parts.map((p) => p.field).join(' + '))
  }
  fields.push({ field: SCORE_FIELD, label: 'ICP Score', returnType: 'Number', formula: score })

  const tiers = scorecard.tiers
  let tier = sfString(tiers[tiers.length - 1]?.name ?? '')
  for (let i = tiers.length - 2; i >= 0; i--) tier = `IF(${SCORE_FIELD} >= ${tiers[i]!.min}, ${sfString(tiers[i]!.name)}, ${tier})`
  if (scorecard.knockouts.length > 0) {
    const knocked = any(scorecard.knockouts.map((k) => salesforceCondition(k, fieldOf(k.attribute))))
    tier = `IF(${knocked}, ${sfString(DISQUALIFIED)}, ${tier})`
  }
  if (tier.length > limit) {
    problems.push(
      `The tier formula is ${tier.length.toLocaleString('en-US')} characters, over Salesforce's ${limit.toLocaleString('en-US')}: its knockouts list too many values.`
    )
  }
  fields.push({ field: TIER_FIELD, label: 'ICP Tier', returnType: 'Text', formula: tier })
  return { fields, problems }
}
