/**
 * The portable scorecard file, `icp-scorecard/1` (docs/scorecard-format.md,
 * resources/schemas/icp-scorecard-1.schema.json): a scorecard that travels between workspaces
 * and clients. Attributes are named by column name and values as they read after the
 * workspace's hygiene rules, so a file made for one client's data can be checked against another's.
 */

import { describeCondition } from './describe-condition'
import { ScorecardFormatError } from './format-error'
import type { Condition, Criterion, Knockout, Scorecard } from './model'
import { OPERAND_SHAPE, type AttributeCatalog } from './operators'
import { fail, readCondition, readKeys, readList, readNumber, readObject, readOptionalText, readText } from './portable-parse'
import { validateScorecard } from './validate'

export { ScorecardFormatError } from './format-error'

export const PORTABLE_FORMAT = 'icp-scorecard/1'

export interface PortableCondition {
  attribute: string
  op: Condition['op']
  values?: string[]
  min?: number | null
  max?: number | null
  value?: number
}

export interface PortableCriterion extends PortableCondition {
  category: string
  points: number
  label?: string
}

export interface PortableKnockout extends PortableCondition {
  name: string
}

export interface PortableScorecard {
  format: typeof PORTABLE_FORMAT
  name: string
  categories: Array<{ name: string; budget: number }>
  criteria: PortableCriterion[]
  knockouts: PortableKnockout[]
  tiers: Array<{ name: string; min: number; color?: string }>
  /** Only when the scorecard caps an attribute. */
  caps?: Array<{ attribute: string; cap: number }>
}

/** Only the fields the op uses, so the file reads the way the format documents it. */
function portableOperands(condition: Condition): Omit<PortableCondition, 'attribute' | 'op'> {
  switch (OPERAND_SHAPE[condition.op]) {
    case 'values':
      return { values: [...(condition.values ?? [])] }
    case 'range':
      return { min: condition.min ?? null, max: condition.max ?? null }
    case 'value':
      return { value: condition.value ?? 0 }
    case 'none':
      return {}
  }
}

export function toPortable(scorecard: Scorecard): PortableScorecard {
  const portable: PortableScorecard = {
    format: PORTABLE_FORMAT,
    name: scorecard.name,
    categories: scorecard.categories.map(({ name, budget }) => ({ name, budget })),
    criteria: scorecard.criteria.map((criterion) => ({
      category: criterion.category,
      attribute: criterion.attribute,
      op: criterion.op,
      ...portableOperands(criterion),
      points: criterion.points,
      ...(criterion.label ? { label: criterion.label } : {})
    })),
    knockouts: scorecard.knockouts.map((knockout) => ({
      name: knockout.name,
      attribute: knockout.attribute,
      op: knockout.op,
      ...portableOperands(knockout)
    })),
    tiers: scorecard.tiers.map(({ name, min, color }) => ({ name, min, ...(color ? { color } : {}) }))
  }
  const caps = scorecard.attributeCaps ?? []
  if (caps.length > 0) portable.caps = caps.map(({ attribute, cap }) => ({ attribute, cap }))
  return portable
}

const TOP_FIELDS = ['$schema', 'format', 'name', 'categories', 'criteria', 'knockouts', 'tiers', 'caps']
const CRITERION_FIELDS = ['category', 'attribute', 'op', 'values', 'min', 'max', 'value', 'points', 'label']
const KNOCKOUT_FIELDS = ['name', 'attribute', 'op', 'values', 'min', 'max', 'value']

export interface FromPortableOptions {
  /** Criterion ids for the imported scorecard (the file has none); default "c1", "c2", ... */
  newId?: (index: number) => string
}

function readCriterion(value: unknown, i: number, newId: (index: number) => string): Criterion {
  const where = `criterion ${i + 1}`
  const object = readObject(value, where)
  readKeys(object, CRITERION_FIELDS, where)
  const category = readText(object, 'category', where)
  const condition = readCondition(object, where)
  const points = readNumber(object, 'points', where, true)
  const label = readOptionalText(object, 'label', where)
  return { id: newId(i), category, ...condition, points, ...(label ? { label } : {}) }
}

function readKnockout(value: unknown, i: number): Knockout {
  const where = `knockout ${i + 1}`
  const object = readObject(value, where)
  readKeys(object, KNOCKOUT_FIELDS, where)
  const name = readOptionalText(object, 'name', where)
  const condition = readCondition(object, where)
  // Files written by hand may leave knockouts unnamed; the condition itself reads well enough.
  return { name: name ?? describeCondition(condition), ...condition }
}

function readScorecard(json: unknown, newId: (index: number) => string): Scorecard {
  const top = readObject(json, 'the file')
  if (top.format !== PORTABLE_FORMAT) {
    const found = top.format === undefined ? 'it has no "format" field' : `its format is ${JSON.stringify(top.format)}`
    fail('the file', `this is not an ${PORTABLE_FORMAT} scorecard (${found})`)
  }
  readKeys(top, TOP_FIELDS, 'the file')
  const categories = readList(top, 'categories', 'the file').map((value, i) => {
    const where = `category ${i + 1}`
    const object = readObject(value, where)
    readKeys(object, ['name', 'budget'], where)
    return { name: readText(object, 'name', where), budget: readNumber(object, 'budget', where) }
  })
  const tiers = readList(top, 'tiers', 'the file').map((value, i) => {
    const where = `tier ${i + 1}`
    const object = readObject(value, where)
    readKeys(object, ['name', 'min', 'color'], where)
    const color = readOptionalText(object, 'color', where)
    return { name: readText(object, 'name', where), min: readNumber(object, 'min', where, true), ...(color ? { color } : {}) }
  })
  const attributeCaps = readList(top, 'caps', 'the file', true).map((value, i) => {
    const where = `cap ${i + 1}`
    const object = readObject(value, where)
    readKeys(object, ['attribute', 'cap'], where)
    return { attribute: readText(object, 'attribute', where), cap: readNumber(object, 'cap', where, true) }
  })
  return {
    name: readText(top, 'name', 'the file'),
    categories,
    criteria: readList(top, 'criteria', 'the file').map((value, i) => readCriterion(value, i, newId)),
    knockouts: readList(top, 'knockouts', 'the file', true).map(readKnockout),
    tiers,
    attributeCaps
  }
}

/**
 * Reads a portable scorecard against a workspace's attributes. Throws ScorecardFormatError for
 * a wrong format tag, a malformed field, an attribute the workspace lacks or an op that does
 * not fit it; returns a warning (not an error) for each listed value no deal has, and for the
 * other warnings validation finds.
 */
export function fromPortable(
  json: unknown,
  attributes: AttributeCatalog,
  options: FromPortableOptions = {}
): { scorecard: Scorecard; warnings: string[] } {
  const scorecard = readScorecard(json, options.newId ?? ((index) => `c${index + 1}`))
  const problems = validateScorecard(scorecard, attributes)
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0) throw new ScorecardFormatError(errors[0]!.message, errors)
  return { scorecard, warnings: problems.map((problem) => problem.message) }
}
